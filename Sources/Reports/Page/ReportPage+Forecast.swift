extension ReportPage {
    func forecastSection() -> HTML {
        let f = model.forecast.flatMap { $0.history.isEmpty && $0.forecast.isEmpty ? nil : $0 }
        // A scoped report set leaves the forecast to the company-wide report, and says so.
        let empty: Label = model.meta.scope == nil ? .forecastEmpty : .forecastCompanyWide
        return section(id: "forecast", title: .forecastTitle, csv: f?.csv, empty: empty, keepTogether: true, f.map(forecastContent))
    }

    private func forecastContent(_ f: ForecastSection) -> [HTML] {
        let fmt = format
        let money = f.isMoney
        let valueText: @Sendable (Double) -> String = { money ? fmt.moneyCompact($0) : fmt.countCompact($0) }
        let chart = BandLineChart(
            title: t(.forecastTitle) + " · " + seriesTitle(f.seriesName),
            history: f.history.map { .init(label: fmt.shortMonth($0.period), value: $0.value) },
            forecast: f.forecast.map {
                .init(label: fmt.shortMonth($0.period), mean: $0.mean, lower80: $0.lower80, upper80: $0.upper80,
                      lower95: $0.lower95, upper95: $0.upper95)
            },
            legend: .init(actual: t(.actual), forecast: t(.forecastMean), band80: t(.band80), band95: t(.band95)),
            tickText: { money ? fmt.moneyTick($0) : fmt.countTick($0) }, valueText: valueText)
        // Accuracy sits beside the chart: a forecast without its track record invites over-trust.
        var facts: [(String, String)] = [(t(.model), f.modelName)]
        if f.smape == nil && f.mase == nil {
            facts.append((t(.backtest), t(.tooLittleHistory)))
        } else {
            facts.append((t(.smape), optional(f.smape) { fmt.percent($0) }))
            facts.append((t(.mase), optional(f.mase) { fmt.decimal($0, digits: 2) }))
            facts.append((t(.folds), fmt.count(f.backtestFolds)))
        }
        if let w = f.weightedPipeline { facts.append((t(.weightedPipeline), fmt.moneyCompact(w))) }
        let dl = HTML.element(.div, [], [
            .element(.h3, text: t(.backtest)),
            .element(.table, [], [.element(.tbody, [], facts.map { k, v in
                .element(.tr, [], [.element(.th, [HTMLAttribute(.scope, "row")], text: k), .element(.td, [.class("num")], text: v)])
            })]),
        ])
        let rows = f.forecast.map {
            [fmt.month($0.period), valueText($0.mean), valueText($0.lower80) + " – " + valueText($0.upper80),
             valueText($0.lower95) + " – " + valueText($0.upper95)]
        }
        let table = DataTable(
            caption: seriesTitle(f.seriesName),
            columns: [.init(header: t(.month)), .init(header: t(.forecastMean), numeric: true),
                      .init(header: t(.band80), numeric: true), .init(header: t(.band95), numeric: true)],
            rows: rows)
        return [.element(.div, [.class("side")], [.element(.figure, [], [chart.render()]), dl]), table.render()]
    }

    /// The KPI series the pipeline forecasts carry data names (revenue, orders, new_customers); the page
    /// shows them in the report's language, and any other series under its own name.
    private func seriesTitle(_ series: String) -> String {
        switch series {
        case "revenue": t(.seriesRevenue)
        case "orders": t(.seriesOrders)
        case "new_customers": t(.seriesNewCustomers)
        default: series
        }
    }
}
