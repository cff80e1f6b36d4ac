import Dispatch
import Columns

/// Runs every aggregate analysis of this module over one input: the order facts are built once
/// (customer ids hashed once), then the independent analyses run concurrently on all cores.
/// Sections come back in a fixed order whatever finished first, so output stays deterministic.
public enum AnalysisSuite {
    public static let sections = ["funnel", "rfm", "lifecycle", "value_tiers", "cohorts", "service", "performance", "lead_grade"]

    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters) -> [(section: String, result: AnalysisResult)] {
        let facts = OrderFacts(orders: input.orders, customers: input.customers, asOf: parameters.asOf, excludedStatuses: parameters.rfm.excludedOrderStatuses)
        let jobs: [@Sendable () -> AnalysisResult] = [
            { FunnelAnalysis.run(input, parameters) },
            { RFMAnalysis.run(facts, parameters) },
            { LifecycleAnalysis.run(facts, parameters) },
            { ValueTierAnalysis.run(facts, parameters) },
            { CohortAnalysis.run(facts, parameters) },
            { ServiceAnalysis.run(input, parameters) },
            { SalesPerformanceAnalysis.run(input, facts, parameters) },
            { LeadGradeAnalysis.run(input, facts, parameters) },
        ]
        let results = ResultSlots(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in results.set(i, jobs[i]()) }
        var out = zip(sections, results.values).map { (section: $0, result: $1) }
        // The facts' notes (dropped order rows) belong to the customer-level sections once, up front.
        if !facts.notes.isEmpty { out[1].result.notes = facts.notes + out[1].result.notes }
        return out
    }
}

/// One slot per concurrent job; each index is written by exactly one job, read after all finish.
/// Raw memory, not an array property: concurrent writes to distinct elements of a class's array
/// property would be overlapping accesses to that property.
private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<AnalysisResult?>
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
    func set(_ i: Int, _ r: AnalysisResult) { slots[i] = r }
    var values: [AnalysisResult] { (0..<count).map { slots[$0]! } }
}
