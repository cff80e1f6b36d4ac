extension ReportPage {
    /// Bars for the first ten reps; the table lists them all.
    static let leaderboardChartLimit = 10

    func performanceSection() -> HTML {
        let p = model.performance.flatMap { $0.reps.isEmpty ? nil : $0 }
        return section(id: "performance", title: .performanceTitle, csv: p?.csv, empty: .performanceEmpty,
                       p.map(performanceContent))
    }

    private func performanceContent(_ p: PerformanceSection) -> [HTML] {
        let fmt = format
        let chart = BarChart(
            title: t(.revenueByOwner),
            bars: p.reps.prefix(Self.leaderboardChartLimit).map { .init(label: $0.owner, value: $0.revenue) },
            orientation: .vertical, tickText: { fmt.moneyTick($0) }, valueText: { fmt.moneyCompact($0) })
        let rows = p.reps.enumerated().map { i, r in
            [String(i + 1), r.owner, format.moneyCompact(r.revenue), format.count(r.wonDeals),
             optional(r.winRate) { format.percent($0) }, optional(r.medianCycleDays) { format.days($0) }]
        }
        let table = DataTable(
            caption: nil,
            columns: [.init(header: t(.rank), numeric: true), .init(header: t(.owner)),
                      .init(header: t(.revenue), numeric: true), .init(header: t(.wonDeals), numeric: true),
                      .init(header: t(.winRate), numeric: true), .init(header: t(.salesCycle), numeric: true)],
            rows: rows)
        var content: [HTML] = []
        if let share = p.top10CustomerShare {
            content.append(.element(.p, [], [.element(.strong, text: t(.top10Share) + ": "), .text(format.percent(share))]))
        }
        content += [.element(.figure, [], [.element(.h3, text: t(.revenueByOwner)), chart.render()]), table.render()]
        return content
    }
}
