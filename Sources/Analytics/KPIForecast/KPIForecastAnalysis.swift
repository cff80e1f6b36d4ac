import Columns
import Dispatch
import Foundation

/// Monthly KPI forecasts and the stage-weighted pipeline forecast.
///
/// - Series (`MonthlyKPISeries`): revenue, orders, new_customers per calendar month up to the last complete month.
/// - Each series is forecast `horizonMonths` ahead by `ETS.fit` (AICc selection over additive-error ETS; a benchmark
///   fallback for series too short, which the note names — e.g. fewer than two seasons rules out seasonal models,
///   fewer than 7 values rules out ETS), with 80 %/95 % intervals. Beside it, a rolling-origin backtest over the last
///   `backtestOrigins` origins at the same horizon gives sMAPE (%) and MASE.
/// - Pipeline: `PipelineForecast`.
///
/// Tables: `forecast` (series, period, kind actual|forecast, value, lo80, hi80, lo95, hi95, model — intervals and model
/// null on actuals), `forecast_accuracy` (series, model, smape, mase, folds, note), `pipeline_forecast`.
public enum KPIForecastAnalysis {
    public static let seriesNames = ["revenue", "orders", "new_customers"]

    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters) -> KPIForecastResult {
        let facts = OrderFacts(orders: input.orders, asOf: parameters.asOf, excludedStatuses: parameters.rfm.excludedOrderStatuses)
        var result = run(input, facts, parameters)
        result.analysis.notes = facts.notes + result.analysis.notes
        return result
    }

    /// From order facts already built (the suite builds them once for every customer-level section).
    public static func run(_ input: AnalysisInput, _ facts: OrderFacts, _ parameters: AnalysisParameters) -> KPIForecastResult {
        var notes: [String] = []
        var p = parameters.forecast
        if !(1...120).contains(p.horizonMonths) {
            notes.append("forecast: horizonMonths \(p.horizonMonths) outside 1…120; using 6")
            p.horizonMonths = 6
        }
        if !(1...ETS.maximumSeasonPeriod).contains(p.seasonPeriod) {
            notes.append("forecast: seasonPeriod \(p.seasonPeriod) outside 1…\(ETS.maximumSeasonPeriod); using 12")
            p.seasonPeriod = 12
        }
        p.backtestOrigins = min(max(p.backtestOrigins, 0), 60)

        var fits: [KPISeriesModel] = []
        var forecastRows = ForecastRows()
        var accuracy = AccuracyRows()
        if let monthly = MonthlyKPISeries(facts) {
            if monthly.partialMonthOrders > 0 {
                notes.append("forecast: \(monthly.partialMonthOrders) orders of the incomplete as-of month \(MonthIndex.label(MonthIndex.of(day: facts.asOf))) left out of the monthly series")
            }
            let series = [monthly.revenue, monthly.orders, monthly.newCustomers]
            let outcomes = SeriesOutcomes(count: series.count)
            let settings = p
            // The three series are independent: fit them (and their backtests) concurrently.
            DispatchQueue.concurrentPerform(iterations: series.count) { i in
                outcomes.set(i, forecastSeries(series[i], settings))
            }
            for (i, name) in seriesNames.enumerated() {
                let o = outcomes.get(i)
                fits.append(KPISeriesModel(series: name, fit: o.fit, backtest: o.backtest))
                for k in series[i].indices {
                    forecastRows.actual(name, MonthlyKPISeries.firstDay(ofMonth: monthly.firstMonth + Int32(k)), series[i][k])
                }
                let next = monthly.firstMonth + Int32(series[i].count)
                if let f = o.forecast {
                    for h in 0..<f.horizon {
                        forecastRows.forecast(name, MonthlyKPISeries.firstDay(ofMonth: next + Int32(h)), f, h)
                    }
                }
                let note = (o.notes + (o.backtest?.notes ?? [])).joined(separator: "; ")
                accuracy.append(name, o.forecast?.model, o.backtest, note)
                if !note.isEmpty { notes.append("forecast \(name): \(note)") }
            }
        } else {
            notes.append("forecast: no orders in a complete month on or before \(CivilDate.iso(Int(facts.asOf))); no KPI series")
        }
        let (pipeline, probabilities) = PipelineForecast.run(input, parameters, notes: &notes)
        let models = KPIForecastModels(series: fits, stageProbabilities: probabilities)
        let analysis = AnalysisResult(
            tables: [("forecast", forecastRows.table()), ("forecast_accuracy", accuracy.table()), ("pipeline_forecast", pipeline)],
            notes: notes, models: models)
        return KPIForecastResult(analysis: analysis, models: models)
    }

    struct SeriesOutcome: Sendable {
        var fit: ETSFit?
        var forecast: Forecast?
        var backtest: Backtest.Result?
        var notes: [String]
    }

    static func forecastSeries(_ y: [Double], _ p: KPIForecastParameters) -> SeriesOutcome {
        let fit: ETSFit
        do { fit = try ETS.fit(series: y, seasonPeriod: p.seasonPeriod) } catch {
            return SeriesOutcome(fit: nil, forecast: nil, backtest: nil, notes: ["not forecast: \(error.description)"])
        }
        let forecast = fit.forecast(horizon: p.horizonMonths)
        let backtest = p.backtestOrigins > 0
            ? Backtest.rollingOrigin(series: y, seasonPeriod: p.seasonPeriod, horizon: p.horizonMonths, maxOrigins: p.backtestOrigins)
            : nil
        return SeriesOutcome(fit: fit, forecast: forecast, backtest: backtest, notes: forecast.notes)
    }
}

/// One slot per series, written by one worker each, read after all finish.
private final class SeriesOutcomes: @unchecked Sendable {
    private var slots: [KPIForecastAnalysis.SeriesOutcome?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ o: KPIForecastAnalysis.SeriesOutcome) { lock.lock(); slots[i] = o; lock.unlock() }
    func get(_ i: Int) -> KPIForecastAnalysis.SeriesOutcome { slots[i]! }
}
