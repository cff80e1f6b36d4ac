extension ReportPage {
    func cohortSection() -> HTML {
        let c = model.cohorts.flatMap { $0.cohorts.isEmpty ? nil : $0 }
        return section(id: "cohorts", title: .cohortsTitle, csv: c?.csv, empty: .cohortsEmpty, keepTogether: true, c.map(cohortContent))
    }

    private func cohortContent(_ c: CohortSection) -> [HTML] {
        let fmt = format
        let width = c.cohorts.map(\.retention.count).max() ?? 0
        let heatmap = Heatmap(
            title: t(.cohortsTitle),
            rowLabels: c.cohorts.map { fmt.shortMonth($0.month) + " (" + fmt.count($0.size) + ")" },
            columnLabels: (0..<width).map { Label.monthN.text(language, String($0)) },
            cells: c.cohorts.map(\.retention),
            valueText: { fmt.percent($0, digits: 0) })
        return [.element(.p, [.class("note")], text: t(.monthsSince)), .element(.figure, [], [heatmap.render()])]
    }
}
