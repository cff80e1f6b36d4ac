import Analytics
import Columns
import Foundation

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

/// Runs the analyses a pipeline asks for. They read the same immutable tables and write nothing
/// shared, so they run on both cores; results are stored by position, keeping output order fixed.
enum AnalysisStages {
    typealias Job = (stage: String, run: @Sendable () -> AnalysisResult)

    static func parameters(for config: PipelineConfig, asOf: Int32) -> AnalysisParameters {
        var p = AnalysisParameters(asOf: asOf)
        p.funnel = FunnelParameters(stages: config.funnel.stages)
        p.rfm = RFMParameters(windowDays: config.rfm.windowDays.map { Int32(clamping: $0) })
        p.lifecycle = LifecycleParameters(newDays: Int32(clamping: config.rfm.newDays),
                                          activeDays: Int32(clamping: config.rfm.dormantDays),
                                          churnDays: Int32(clamping: config.rfm.churnedDays))
        if let h = config.service.firstResponseHours { p.service.firstResponseHours = h }
        if let h = config.service.resolutionHours { p.service.resolutionHours = h }
        return p
    }

    static func run(config: PipelineConfig, input: AnalysisInput, asOf: Int32, progress: ProgressReporter) -> AnalysisOutputs {
        let parameters = parameters(for: config, asOf: asOf)
        let facts = OrderFacts(orders: input.orders, asOf: asOf)
        var jobs: [Job] = []
        let stages = Set(config.stages)
        if stages.contains(.rfm) {
            jobs.append(("rfm", {
                var r = RFMAnalysis.run(facts, parameters)
                r.notes = facts.notes + r.notes
                r.merge(LifecycleAnalysis.run(facts, customers: input.customers, parameters))
                r.merge(ValueTierAnalysis.run(facts, parameters))
                return r
            }))
        }
        if stages.contains(.funnel) { jobs.append(("funnel", { FunnelAnalysis.run(input, parameters) })) }
        if stages.contains(.cohorts) { jobs.append(("cohorts", { CohortAnalysis.run(facts, parameters) })) }
        if stages.contains(.service) { jobs.append(("service", { ServiceAnalysis.run(input, parameters) })) }
        if stages.contains(.performance) {
            jobs.append(("performance", { SalesPerformanceAnalysis.run(input, facts, parameters) }))
        }
        if stages.contains(.leads) { jobs.append(("leads", { LeadGradeAnalysis.run(input, parameters) })) }
        return runInParallel(jobs, progress: progress)
    }

    static func runInParallel(_ jobs: [Job], progress: ProgressReporter) -> AnalysisOutputs {
        let slots = ResultSlots(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let started = Date()
            let result = jobs[i].run()
            slots.store(i, result: result, seconds: Date().timeIntervalSince(started))
        }
        var outputs = AnalysisOutputs()
        for (i, job) in jobs.enumerated() {
            let (result, seconds) = slots.take(i)
            let rows = result.tables.first?.table.rowCount ?? 0
            outputs.results.append((job.stage, result))
            outputs.timings.append(.init(stage: job.stage, seconds: seconds, rows: rows, notes: result.notes))
            progress.finished(stage: job.stage, detail: result.tables.map { "\($0.name) \($0.table.rowCount)" }.joined(separator: ", "), seconds: seconds)
            for note in result.notes { progress.note(note) }
        }
        return outputs
    }
}

/// Per-job result storage written from worker threads, one slot each.
private final class ResultSlots: @unchecked Sendable {
    private var results: [(AnalysisResult, Double)?]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func store(_ i: Int, result: AnalysisResult, seconds: Double) {
        lock.lock()
        results[i] = (result, seconds)
        lock.unlock()
    }

    func take(_ i: Int) -> (AnalysisResult, Double) { results[i]! }
}
