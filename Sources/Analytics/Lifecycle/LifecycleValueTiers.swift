import Columns

/// Value tiers by revenue rank (the Pareto or "80/20" check, Juran's vital few): customers ranked
/// by revenue in the RFM window, descending, ties by customer id; the first ⌈0.2·n⌉ are `top_20`,
/// up to ⌈0.5·n⌉ `next_30`, the rest `bottom_50`. The table gives each tier's customers, revenue and
/// share of revenue, so "the top 20% bring X% of revenue" is read off directly.
public enum ValueTierAnalysis {
    private struct TierKey: Comparable {
        var key: UInt64
        var index: UInt32
        init(_ pair: (UInt64, UInt32)) { (key, index) = pair }
        static func < (a: TierKey, b: TierKey) -> Bool { a.key != b.key ? a.key < b.key : a.index < b.index }
    }

    public static let tierLabels = ["top_20", "next_30", "bottom_50"]

    public static func run(_ facts: OrderFacts, _ parameters: AnalysisParameters) -> AnalysisResult {
        var notes: [String] = []
        let windowStart = SafeTime.windowStart(asOf: parameters.asOf, days: parameters.rfm.windowDays)
        var revenue: [Double] = [], rank: [Int32] = []
        facts.day.withUnsafeBufferPointer { day in
            facts.amount.withUnsafeBufferPointer { amount in
                for c in facts.idOrder {
                    var sum = 0.0, any = false
                    for i in facts.orders(of: Int(c)) where day[i] >= windowStart {
                        sum += amount[i]
                        any = true
                    }
                    if any {
                        revenue.append(sum)
                        rank.append(Int32(rank.count))
                    }
                }
            }
        }
        let n = revenue.count
        // Descending revenue, ties by id order (= index): sort integer keys, not a closure over doubles.
        var keys = (0..<n).map { (~RFMQuintiles.orderedBits(revenue[$0]), UInt32($0)) }.map(TierKey.init)
        keys.sort()
        let order = keys.map { Int($0.index) }
        let topEnd = (2 * n + 9) / 10, midEnd = (n + 1) / 2
        var customers = [0, 0, 0], tierRevenue = [0.0, 0.0, 0.0]
        for (position, i) in order.enumerated() {
            let t = position < topEnd ? 0 : (position < midEnd ? 1 : 2)
            customers[t] += 1
            tierRevenue[t] += revenue[i]
        }
        let total = revenue.reduce(0, +)
        if n == 0 { notes.append("value tiers: no customer has an order in the window") }
        else if total <= 0 { notes.append("value tiers: total revenue is \(formatDouble(total)); shares are empty") }
        else if n < 5 { notes.append("value tiers: only \(n) customer(s); the Pareto split is not meaningful") }
        let table = ResultColumns.table("value_tiers", [
            ("tier", ResultColumns.strings(tierLabels)),
            ("customers", ResultColumns.ints(customers)),
            ("revenue", ResultColumns.doubles(tierRevenue)),
            ("revenue_share", ResultColumns.doubles(tierRevenue.map { total > 0 ? $0 / total : nil })),
        ])
        return AnalysisResult(tables: [("value_tiers", table)], notes: notes)
    }
}
