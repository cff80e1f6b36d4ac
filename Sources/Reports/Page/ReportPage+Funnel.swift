extension ReportPage {
    func funnelSection() -> HTML {
        let f = model.funnel.flatMap { $0.stages.isEmpty ? nil : $0 }
        return section(id: "funnel", title: .funnelTitle, csv: f?.csv, empty: .funnelEmpty, keepTogether: true, f.map(funnelContent))
    }

    private func funnelContent(_ f: FunnelSection) -> [HTML] {
        let fmt = format
        var chart = FunnelChart(
            title: t(.funnelTitle), stages: f.stages.map { .init(label: $0.name, count: $0.reached) },
            countText: { fmt.count($0) }, shareText: { fmt.percent($0) })
        chart.width = 480
        let rows = f.stages.enumerated().map { i, s in
            [s.name, format.count(s.reached),
             optional(chart.conversion(i)) { format.percent($0) },
             optional(s.medianDaysInStage) { format.days($0) }]
        }
        var content: [HTML] = [
            .element(.div, [.class("grid2")], [
                .element(.figure, [], [chart.render()]),
                DataTable(caption: nil, columns: [.init(header: t(.stage)), .init(header: t(.reached), numeric: true),
                                                  .init(header: t(.conversionFromPrevious), numeric: true),
                                                  .init(header: t(.medianDaysInStage), numeric: true)],
                          rows: rows).render(),
            ])
        ]
        if let w = f.winRate {
            content.append(.element(.p, [], [.element(.strong, text: t(.winRate) + ": "), .text(format.percent(w))]))
        }
        return content
    }
}
