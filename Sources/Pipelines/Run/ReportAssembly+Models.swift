import Analytics
import Columns
import Reports

extension ReportAssembly {
    /// The customers most likely lost, by expected lifetime value: high-risk band, CLV first.
    func atRiskSection(limit: Int = 20) -> AtRiskSection? {
        guard let churn = outputs.table("churn"), churn.rowCount > 0 else { return nil }
        let high = churn.rows(where: "risk_band", is: "high").prefix(limit)
        guard !high.isEmpty else { return AtRiskSection(customers: [], horizonDays: config.churn.horizonDays, csv: "churn.csv") }
        var rowOf: [String: Int] = [:]
        let wanted = Set(high.compactMap { churn.text("customer_id", $0) })
        if let customers = tables[.customers] {
            for r in 0..<customers.rowCount {
                if let id = customers.text("customer_id", r), wanted.contains(id), rowOf[id] == nil { rowOf[id] = r }
            }
        }
        let customers = tables[.customers]
        let rows = high.map { r -> AtRiskSection.Customer in
            let id = churn.text("customer_id", r) ?? ""
            let c = rowOf[id]
            return .init(customerID: id, name: c.flatMap { customers?.text("name", $0) } ?? id,
                         owner: c.flatMap { customers?.text("owner", $0) },
                         lastOrder: churn["last_order"]?.dates?[r],
                         pAlive: churn.number("p_alive", r) ?? 0, expectedPurchases: churn.number("expected_purchases", r) ?? 0,
                         clv: churn.number("clv", r))
        }
        return AtRiskSection(customers: rows, horizonDays: config.churn.horizonDays, csv: "churn.csv")
    }

    /// Monthly revenue: history, forecast with bands, and its backtest accuracy beside it.
    func forecastSection(series: String = "revenue") -> ForecastSection? {
        guard let t = outputs.table("forecast"), t.rowCount > 0 else { return nil }
        var history: [ForecastSection.Observed] = [], predicted: [ForecastSection.Predicted] = []
        var model = ""
        for r in t.rows(where: "series", is: series) {
            guard let period = t["period"]?.dates?[r], let value = t.number("value", r) else { continue }
            if t.text("kind", r) == "actual" {
                history.append(.init(period: period, value: value))
            } else {
                model = t.text("model", r) ?? model
                predicted.append(.init(period: period, mean: value, lower80: t.number("lo80", r) ?? value, upper80: t.number("hi80", r) ?? value,
                                       lower95: t.number("lo95", r) ?? value, upper95: t.number("hi95", r) ?? value))
            }
        }
        guard !history.isEmpty || !predicted.isEmpty else { return nil }
        let accuracy = outputs.table("forecast_accuracy")
        let a = accuracy?.rows(where: "series", is: series).first
        // sMAPE is computed in percent (M-competition convention); the page takes a fraction.
        let smape = a.flatMap { accuracy?.number("smape", $0) }.map { $0 / 100 }
        let pipeline = outputs.table("pipeline_forecast").map { p in (0..<p.rowCount).reduce(0.0) { $0 + (p.number("weighted_amount", $1) ?? 0) } }
        return ForecastSection(seriesName: series == "revenue" ? "revenue" : series, isMoney: series == "revenue", history: history,
                               forecast: predicted, modelName: model.isEmpty ? (a.flatMap { accuracy?.text("model", $0) } ?? "") : model,
                               smape: smape, mase: a.flatMap { accuracy?.number("mase", $0) },
                               backtestFolds: a.flatMap { accuracy?.integer("folds", $0) } ?? 0,
                               weightedPipeline: pipeline, csv: "forecast.csv")
    }

    /// Fitted parameters shown on the page; models.json has the full record.
    func modelParameters() -> [ModelParameters] {
        var out: [ModelParameters] = []
        for (_, result) in outputs.results {
            if let churn = result.models as? ChurnModels {
                if let m = churn.bgnbd {
                    out.append(ModelParameters(model: "BG/NBD", parameters: [.init(name: "r", value: m.parameters.r), .init(name: "α", value: m.parameters.alpha),
                                                                              .init(name: "a", value: m.parameters.a), .init(name: "b", value: m.parameters.b)],
                                               logLikelihood: m.logLikelihood, converged: m.convergence.converged))
                }
                if let g = churn.gammaGamma, let p = g.parameters {
                    out.append(ModelParameters(model: "Gamma-Gamma", parameters: [.init(name: "p", value: p.p), .init(name: "q", value: p.q), .init(name: "v", value: p.v)],
                                               logLikelihood: g.logLikelihood, converged: g.convergence?.converged))
                }
            }
            if let forecast = result.models as? KPIForecastModels {
                for s in forecast.series {
                    guard let fit = s.fit, let selected = fit.selected else { continue }
                    out.append(ModelParameters(model: "\(fit.modelName) · \(s.series)", parameters: [.init(name: "AICc", value: selected.aicc)],
                                               logLikelihood: selected.logLikelihood, converged: selected.convergence.converged))
                }
            }
        }
        return out
    }
}
