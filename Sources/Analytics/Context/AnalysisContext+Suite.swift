import Dispatch
import Columns

/// Runs every aggregate analysis of this module over one input: the order facts are built once
/// (customer ids hashed once), then the independent analyses run concurrently on all cores.
/// Sections come back in a fixed order whatever finished first, so output stays deterministic.
public enum AnalysisSuite {
    public static let sections = ["funnel", "rfm", "lifecycle", "value_tiers", "cohorts", "service", "performance", "lead_grade", "churn", "forecast"]

    /// One section's result and how long it took (for the run manifest).
    public struct SectionResult: Sendable {
        public var section: String
        public var result: AnalysisResult
        public var seconds: Double
    }

    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters) -> [(section: String, result: AnalysisResult)] {
        run(input, parameters, sections: Set(sections)).map { ($0.section, $0.result) }
    }

    /// Runs the named sections only (in `sections` order), e.g. what a pipeline's `stages:` asks for.
    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters, sections wanted: Set<String>) -> [SectionResult] {
        let facts = OrderFacts(orders: input.orders, customers: input.customers, asOf: parameters.asOf, excludedStatuses: parameters.rfm.excludedOrderStatuses)
        let all: [(String, @Sendable () -> AnalysisResult)] = [
            ("funnel", { FunnelAnalysis.run(input, parameters) }),
            ("rfm", { RFMAnalysis.run(facts, parameters) }),
            ("lifecycle", { LifecycleAnalysis.run(facts, parameters) }),
            ("value_tiers", { ValueTierAnalysis.run(facts, parameters) }),
            ("cohorts", { CohortAnalysis.run(facts, parameters) }),
            ("service", { ServiceAnalysis.run(input, parameters) }),
            ("performance", { SalesPerformanceAnalysis.run(input, facts, parameters) }),
            ("lead_grade", { LeadGradeAnalysis.run(input, facts, parameters) }),
            ("churn", { ChurnAnalysis.run(facts, parameters).analysis }),
            ("forecast", { KPIForecastAnalysis.run(input, facts, parameters).analysis }),
        ]
        let jobs = all.filter { wanted.contains($0.0) }
        let results = ResultSlots(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let started = DispatchTime.now().uptimeNanoseconds
            let result = jobs[i].1()
            results.set(i, result, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        var out = zip(jobs, results.values).map { SectionResult(section: $0.0, result: $1.0, seconds: $1.1) }
        // The facts' notes (dropped order rows) belong to the first customer-level section, once.
        if !facts.notes.isEmpty, let i = out.firstIndex(where: { $0.section != "funnel" && $0.section != "service" }) {
            out[i].result.notes = facts.notes + out[i].result.notes
        }
        return out
    }
}

/// One slot per concurrent job; each index is written by exactly one job, read after all finish.
/// Raw memory, not an array property: concurrent writes to distinct elements of a class's array
/// property would be overlapping accesses to that property.
private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<(AnalysisResult, Double)?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ i: Int, _ r: AnalysisResult, seconds: Double) { slots[i] = (r, seconds) }
    var values: [(AnalysisResult, Double)] { (0..<count).map { slots[$0]! } }
}
