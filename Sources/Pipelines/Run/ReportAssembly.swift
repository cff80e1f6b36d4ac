import Analytics
import Columns
import Foundation
import Reports

/// Turns analysis results into the report's view-model. The page does no analysis; everything
/// it shows is computed here from the result tables, so the CSVs and the page agree.
struct ReportAssembly {
    let config: PipelineConfig
    let asOf: Int32
    let tables: [CanonicalTable: Table]
    let outputs: AnalysisOutputs
    let loaded: SourceLoading.Loaded
    let resolution: ResolveStage.Counts?

    func model(scope: String? = nil) -> ReportModel {
        let (y, m, _) = CivilDate.civil(fromDays: Int(asOf))
        let periodStart = Int32(CivilDate.days(year: y, month: m, day: 1))
        var model = ReportModel(meta: ReportMeta(subtitle: config.name, asOf: asOf, periodStart: periodStart,
                                                 currency: currency, scope: scope))
        model.kpis = kpis(periodStart: periodStart)
        model.funnel = funnelSection()
        model.segments = segmentSection()
        model.cohorts = cohortSection()
        model.service = serviceSection()
        model.performance = performanceSection()
        model.atRisk = atRiskSection()
        model.forecast = forecastSection()
        model.models = modelParameters()
        model.dataQuality = dataQuality()
        return model
    }

    /// The pipeline's base currency, else the one most orders are in (reports show one; orders in
    /// other currencies were converted or left out of money figures by `CurrencyConversion`).
    var currency: String {
        if let base = config.currency.base { return base }
        guard let c = tables[.orders]?["currency"]?.strings else { return "CNY" }
        var counts: [String: Int] = [:]
        for r in 0..<c.count { if let v = c[r], !v.isEmpty { counts[v, default: 0] += 1 } }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? "CNY"
    }

    func dataQuality() -> DataQualitySection {
        DataQualitySection(
            sources: loaded.inputs.map { .init(source: $0.source, table: $0.table, rowsIn: $0.rowsRead, loaded: $0.rowsLoaded,
                                               quarantined: $0.rowsQuarantined) },
            mergedRecords: resolution.map { $0.sourceRows - $0.goldenRows }, goldenRecords: resolution?.goldenRows,
            csv: resolution == nil ? nil : "merge_log.csv", quarantineCSV: "quarantine.csv")
    }
}
