import Columns

public struct LifecycleParameters: Sendable {
    /// A customer whose first order is fewer than `newDays` days before as-of is new.
    public var newDays: Int32
    /// Otherwise, last order fewer than `activeDays` days before as-of: active.
    public var activeDays: Int32
    /// Otherwise, last order fewer than `churnDays` days before as-of: dormant (沉睡); else churned.
    public var churnDays: Int32

    public init(newDays: Int32 = 90, activeDays: Int32 = 180, churnDays: Int32 = 365) {
        self.newDays = newDays
        self.activeDays = activeDays
        self.churnDays = churnDays
    }
}

/// Customer lifecycle stage at the as-of day, from first and last purchase days over the whole
/// history (no window: a churned customer is one whose last purchase is long ago). The recency
/// thresholds follow the usual "active / at-risk (沉睡) / lapsed" cut of non-contractual settings
/// (e.g. Berry & Linoff, *Data Mining Techniques*, ch. on customer lifecycle); they are parameters
/// because the right values depend on the purchase cycle of the business.
///
/// - new (新客): first purchase < `newDays` before as-of
/// - active (活跃): otherwise last purchase < `activeDays` before as-of
/// - dormant (沉睡): otherwise last purchase < `churnDays` before as-of
/// - churned (流失): otherwise
///
/// Independently of the stage, `lapsed_last_year` flags "bought last year, nothing this year":
/// at least one order in the calendar year before as-of's year and none from 1 January of as-of's
/// year up to as-of.
///
/// Tables: `lifecycle` (per customer with an order, customer_id byte order), `lifecycle_summary`
/// (4 stages plus customers who never purchased, when the facts were built with a customers
/// table), `lifecycle_lapsed`.
public enum LifecycleAnalysis {
    public enum Stage: Int, CaseIterable, Sendable {
        case new, active, dormant, churned
        public var label: String { ["new", "active", "dormant", "churned"][rawValue] }
        public var labelCN: String { ["新客", "活跃", "沉睡", "流失"][rawValue] }
    }

    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters) -> AnalysisResult {
        let facts = OrderFacts(orders: input.orders, customers: input.customers, asOf: parameters.asOf, excludedStatuses: parameters.rfm.excludedOrderStatuses)
        var result = run(facts, parameters)
        result.notes = facts.notes + result.notes
        return result
    }

    public static func run(_ facts: OrderFacts, _ parameters: AnalysisParameters) -> AnalysisResult {
        var notes: [String] = []
        let asOf = parameters.asOf
        let p = parameters.lifecycle
        if !(p.newDays > 0 && p.activeDays > 0 && p.churnDays >= p.activeDays) {
            notes.append("lifecycle: thresholds new=\(p.newDays) active=\(p.activeDays) churn=\(p.churnDays) days are not increasing; stages may be empty")
        }
        let (y, _, _) = CivilDate.civil(fromDays: Int(asOf))
        let thisYearStart = Int32(CivilDate.days(year: y, month: 1, day: 1))
        let lastYearStart = Int32(CivilDate.days(year: y - 1, month: 1, day: 1))

        var members: [Int32] = [], first: [Int32] = [], last: [Int32] = []
        var stageCodes: [Int32] = [], lapsed: [Bool] = []
        var stageCount = [Int](repeating: 0, count: Stage.allCases.count)
        var boughtLastYear = 0, lapsedCount = 0
        facts.day.withUnsafeBufferPointer { day in
            for c in facts.idOrder {
                let range = facts.orders(of: Int(c))
                guard !range.isEmpty else { continue }
                let f = day[range.lowerBound], l = day[range.upperBound - 1]
                let stage: Stage
                let sinceFirst = Int64(asOf) - Int64(f), sinceLast = Int64(asOf) - Int64(l)
                if sinceFirst < Int64(p.newDays) { stage = .new }
                else if sinceLast < Int64(p.activeDays) { stage = .active }
                else if sinceLast < Int64(p.churnDays) { stage = .dormant }
                else { stage = .churned }
                // Days are sorted, so "any order last year" and "none this year" need the last order
                // before this year's start and the last order overall.
                var lastYear = false
                for i in range.reversed() where day[i] < thisYearStart {
                    lastYear = day[i] >= lastYearStart
                    break
                }
                let isLapsed = lastYear && l < thisYearStart
                if lastYear { boughtLastYear += 1 }
                if isLapsed { lapsedCount += 1 }
                members.append(c)
                first.append(f)
                last.append(l)
                stageCodes.append(Int32(stage.rawValue))
                stageCount[stage.rawValue] += 1
                lapsed.append(isLapsed)
            }
        }
        if members.isEmpty { notes.append("lifecycle: no customer has an order on or before as-of") }

        var neverPurchased: Int?
        if let rowCodes = facts.customerRowCodes {
            // Distinct ids: a customer listed twice is still one customer who never purchased.
            var counted = [Bool](repeating: false, count: facts.customerCount)
            var count = 0
            for c in rowCodes where c >= 0 && !counted[Int(c)] {
                counted[Int(c)] = true
                if facts.orders(of: Int(c)).isEmpty { count += 1 }
            }
            neverPurchased = count
        }

        let total = members.count + (neverPurchased ?? 0)
        var labels = Stage.allCases.map(\.label), labelsCN = Stage.allCases.map(\.labelCN), counts = stageCount
        if let neverPurchased {
            labels.append("never_purchased")
            labelsCN.append("未购买")
            counts.append(neverPurchased)
        }
        let perCustomer = ResultColumns.table("lifecycle", [
            ("customer_id", facts.idColumn(members)),
            ("first_order", .date(PrimitiveColumn(values: first))),
            ("last_order", .date(PrimitiveColumn(values: last))),
            ("days_since_last", .int64(PrimitiveColumn(values: last.map { Int64(asOf) - Int64($0) }))),
            ("stage", .string(StringColumn(storage: .dictionary(codes: stageCodes, dictionary: StringBuffer(Stage.allCases.map(\.label)))))),
            ("stage_cn", .string(StringColumn(storage: .dictionary(codes: stageCodes, dictionary: StringBuffer(Stage.allCases.map(\.labelCN)))))),
            ("lapsed_last_year", .bool(PrimitiveColumn(values: lapsed))),
        ])
        let summary = ResultColumns.table("lifecycle_summary", [
            ("stage", ResultColumns.strings(labels)),
            ("stage_cn", ResultColumns.strings(labelsCN)),
            ("customers", ResultColumns.ints(counts)),
            ("share", ResultColumns.doubles(counts.map { ResultColumns.ratio(Double($0), Double(total)) })),
        ])
        let lapsedTable = ResultColumns.table("lifecycle_lapsed", [
            ("last_year", ResultColumns.ints([y - 1])),
            ("bought_last_year", ResultColumns.ints([boughtLastYear])),
            ("nothing_this_year", ResultColumns.ints([lapsedCount])),
            ("rate", ResultColumns.doubles([ResultColumns.ratio(Double(lapsedCount), Double(boughtLastYear))])),
        ])
        return AnalysisResult(tables: [("lifecycle", perCustomer), ("lifecycle_summary", summary), ("lifecycle_lapsed", lapsedTable)], notes: notes)
    }
}
