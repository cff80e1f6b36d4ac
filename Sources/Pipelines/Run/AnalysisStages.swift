import Analytics
import Columns

/// The analysis results of a run, in a fixed order, by the name of the table each produced.
struct AnalysisOutputs: Sendable {
    var results: [(stage: String, result: AnalysisResult)] = []
    var timings: [RunManifest.StageTiming] = []

    func table(_ name: String) -> Table? {
        for (_, r) in results { if let t = r.table(name) { return t } }
        return nil
    }

    var notes: [String] { results.flatMap(\.result.notes) }
}

/// Runs the analyses a pipeline asks for, through `AnalysisSuite` (both cores, fixed order).
enum AnalysisStages {
    static func parameters(for config: PipelineConfig, asOf: Int32) -> AnalysisParameters {
        var p = AnalysisParameters(asOf: asOf)
        p.funnel = FunnelParameters(stages: config.funnel.stages)
        p.rfm = RFMParameters(windowDays: config.rfm.windowDays.map { Int32(clamping: $0) },
                              excludedOrderStatuses: config.rfm.excludedOrderStatuses ?? OrderFacts.nonRevenueStatuses)
        p.lifecycle = LifecycleParameters(newDays: Int32(clamping: config.rfm.newDays),
                                          activeDays: Int32(clamping: config.rfm.dormantDays),
                                          churnDays: Int32(clamping: config.rfm.churnedDays))
        if let h = config.service.firstResponseHours { p.service.firstResponseHours = h }
        if let h = config.service.resolutionHours { p.service.resolutionHours = h }
        p.churn.horizonDays = config.churn.horizonDays
        p.churn.clvMonths = config.churn.clvMonths
        p.churn.monthlyDiscount = config.churn.monthlyDiscount
        p.forecast.horizonMonths = config.forecast.horizonMonths
        p.forecast.seasonPeriod = config.forecast.seasonMonths
        if !config.funnel.probabilities.isEmpty { p.forecast.stageProbabilities = config.funnel.probabilities }
        return p
    }

    /// Pipeline stage → the analysis sections it runs.
    static func sections(for stages: [PipelineConfig.Stage]) -> Set<String> {
        var out = Set<String>()
        for stage in stages {
            switch stage {
            case .rfm: out.formUnion(["rfm", "lifecycle", "value_tiers"])
            case .funnel: out.insert("funnel")
            case .cohorts: out.insert("cohorts")
            case .service: out.insert("service")
            case .performance: out.insert("performance")
            case .leads: out.insert("lead_grade")
            case .churn: out.insert("churn")
            case .forecast: out.insert("forecast")
            case .clean, .resolve, .segments: break
            }
        }
        return out
    }

    static func run(config: PipelineConfig, input: AnalysisInput, asOf: Int32, progress: ProgressReporter) -> AnalysisOutputs {
        let parameters = parameters(for: config, asOf: asOf)
        var outputs = AnalysisOutputs()
        for s in AnalysisSuite.run(input, parameters, sections: sections(for: config.stages)) {
            outputs.results.append((s.section, s.result))
            outputs.timings.append(.init(stage: s.section, seconds: s.seconds, rows: s.result.tables.first?.table.rowCount ?? 0, notes: s.result.notes))
            progress.finished(stage: s.section, detail: s.result.tables.map { "\($0.name) \($0.table.rowCount)" }.joined(separator: ", "), seconds: s.seconds)
            for note in s.result.notes { progress.note(note) }
        }
        return outputs
    }
}
