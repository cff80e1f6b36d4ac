extension ReportPage {
    func segmentSection() -> HTML {
        let s = model.segments.flatMap { $0.segments.isEmpty ? nil : $0 }
        return section(id: "segments", title: .segmentsTitle, csv: s?.csv, empty: .segmentsEmpty, s.map(segmentContent))
    }

    private func segmentContent(_ s: SegmentSection) -> [HTML] {
        let fmt = format
        let lang = language
        func name(_ raw: String) -> String { SegmentName.text(raw, lang) }
        let bars = BarChart(
            title: t(.customersBySegment), bars: s.segments.map { .init(label: name($0.name), value: Double($0.customers)) },
            orientation: .horizontal, countsAxis: true, tickText: { fmt.countTick($0) }, valueText: { fmt.count(Int($0)) })
        let donut = DonutChart(
            title: t(.revenueShareBySegment), slices: s.segments.map { .init(label: name($0.name), value: $0.revenue) },
            otherLabel: t(.other), shareText: { fmt.percent($0) })
        var halfBars = bars, halfDonut = donut
        halfBars.width = 480
        halfDonut.width = 480
        let totalCustomers = s.segments.reduce(0) { $0 + $1.customers }
        let rows = s.segments.map { g in
            [name(g.name), format.count(g.customers),
             totalCustomers > 0 ? format.percent(Double(g.customers) / Double(totalCustomers)) : t(.notAvailable),
             format.moneyCompact(g.revenue), format.decimal(g.meanRecencyDays, digits: 0),
             format.decimal(g.meanFrequency, digits: 1), format.money(g.meanMonetary)]
        }
        let table = DataTable(
            caption: nil,
            columns: [.init(header: t(.segment)), .init(header: t(.customers), numeric: true),
                      .init(header: t(.share), numeric: true), .init(header: t(.revenue), numeric: true),
                      .init(header: t(.meanRecency), numeric: true), .init(header: t(.meanFrequency), numeric: true),
                      .init(header: t(.meanMonetary), numeric: true)],
            rows: rows)
        return [
            .element(.div, [.class("grid2")], [
                .element(.figure, [], [.element(.h3, text: t(.customersBySegment)), halfBars.render()]),
                .element(.figure, [], [.element(.h3, text: t(.revenueShareBySegment)), halfDonut.render()]),
            ]),
            table.render(),
        ]
    }
}
