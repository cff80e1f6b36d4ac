extension ReportPage {
    func serviceSection() -> HTML {
        let s = model.service.flatMap { $0.total.tickets == 0 ? nil : $0 }
        return section(id: "service", title: .serviceTitle, csv: s?.csv, empty: .serviceEmpty, keepTogether: true, s.map(serviceContent))
    }

    private func serviceContent(_ s: ServiceSection) -> [HTML] {
        func cells(_ r: ServiceSection.Row) -> [String] {
            [PriorityName.text(r.group, language), format.count(r.tickets), optional(r.medianFirstResponseHours) { format.duration(hours: $0) },
             optional(r.medianResolutionHours) { format.duration(hours: $0) },
             optional(r.slaBreachRate) { format.percent($0) }, optional(r.csat) { format.decimal($0, digits: 2) }]
        }
        var total = cells(s.total)
        total[0] = t(.allTickets)
        let table = DataTable(
            caption: nil,
            columns: [.init(header: t(.priority)), .init(header: t(.tickets), numeric: true),
                      .init(header: t(.firstResponse), numeric: true), .init(header: t(.resolution), numeric: true),
                      .init(header: t(.slaBreach), numeric: true), .init(header: t(.csat), numeric: true)],
            rows: s.rows.map(cells), totalRow: total)
        return [table.render()]
    }
}
