extension ReportPage {
    func atRiskSection() -> HTML {
        let a = model.atRisk.flatMap { $0.customers.isEmpty ? nil : $0 }
        return section(id: "at-risk", title: .atRiskTitle, csv: a?.csv, empty: .atRiskEmpty, keepTogether: true,
                       a.map(atRiskContent))
    }

    private func atRiskContent(_ a: AtRiskSection) -> [HTML] {
        let rows = a.customers.enumerated().map { i, c in
            [String(i + 1), c.name, c.customerID, c.owner ?? t(.notAvailable),
             c.lastOrder.map { format.date($0) } ?? t(.notAvailable), format.percent(c.pAlive),
             format.decimal(c.expectedPurchases, digits: 2), optional(c.clv) { format.money($0) }]
        }
        let table = DataTable(
            caption: t(.horizon),
            columns: [.init(header: t(.rank), numeric: true), .init(header: t(.customer)), .init(header: t(.customerID), nowrap: true),
                      .init(header: t(.owner)), .init(header: t(.lastOrder), nowrap: true), .init(header: t(.pAlive), numeric: true),
                      .init(header: Label.expectedPurchases.text(language, String(a.horizonDays)), numeric: true),
                      .init(header: t(.clv), numeric: true)],
            rows: rows)
        return [table.render()]
    }
}
