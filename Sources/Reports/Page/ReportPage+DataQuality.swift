extension ReportPage {
    func dataQualitySection() -> HTML {
        let d = model.dataQuality.flatMap { $0.sources.isEmpty ? nil : $0 }
        return section(id: "data-quality", title: .dataQualityTitle, csv: d?.csv, empty: .dataQualityEmpty, keepTogether: true,
                       d.map(dataQualityContent))
    }

    private func dataQualityContent(_ d: DataQualitySection) -> [HTML] {
        let rows = d.sources.map {
            [$0.source, $0.table, format.count($0.rowsIn), format.count($0.loaded), format.count($0.quarantined)]
        }
        let rowsIn = d.sources.reduce(0) { $0 + $1.rowsIn }
        let loaded = d.sources.reduce(0) { $0 + $1.loaded }
        let quarantined = d.sources.reduce(0) { $0 + $1.quarantined }
        let table = DataTable(
            caption: nil,
            columns: [.init(header: t(.source)), .init(header: t(.table)), .init(header: t(.rowsIn), numeric: true),
                      .init(header: t(.loaded), numeric: true), .init(header: t(.quarantined), numeric: true)],
            rows: rows,
            totalRow: [t(.total), "", format.count(rowsIn), format.count(loaded), format.count(quarantined)])
        // The report re-checks the accounting rather than trusting it: a mismatch is shown loudly.
        let holds = d.sources.allSatisfy { $0.rowsIn == $0.loaded + $0.quarantined }
        var content: [HTML] = [
            table.render(),
            .element(.p, [.class(holds ? "note" : "warn")], text: t(holds ? .accountingHolds : .accountingBroken)),
        ]
        var facts: [HTML] = []
        if let m = d.mergedRecords { facts.append(.element(.li, text: t(.merged) + ": " + format.count(m))) }
        if let g = d.goldenRecords { facts.append(.element(.li, text: t(.golden) + ": " + format.count(g))) }
        if let q = d.quarantineCSV.flatMap(DrillDownLink.init(file:)) {
            facts.append(.element(.li, [], [q.anchor(t(.quarantineFile))]))
        }
        if !facts.isEmpty { content.append(.element(.ul, [], facts)) }
        return content
    }
}
