import Columns

/// Revenue concentration: the top N customers by revenue in the performance period (ties by
/// customer id), each with its share of total revenue and the cumulative share — the "Top-10
/// customers bring X%" figure of key-account management.
public enum TopCustomersAnalysis {
    public static func run(_ facts: OrderFacts, _ parameters: AnalysisParameters) -> AnalysisResult {
        var notes: [String] = []
        let start = parameters.performance.windowStart(asOf: parameters.asOf)
        var customers: [Int32] = [], revenue: [Double] = []
        for c in facts.idOrder {
            var sum = 0.0, any = false
            for i in facts.orders(of: Int(c)) where facts.day[i] >= start { sum += facts.amount[i]; any = true }
            if any { customers.append(c); revenue.append(sum) }
        }
        let total = revenue.reduce(0, +)
        // Customers are in id order, so index order is the id tie-break. Only the top k are needed:
        // keep a sorted list of k candidates instead of sorting everyone.
        let k = max(0, parameters.performance.topCustomers)
        func before(_ a: Int, _ b: Int) -> Bool { revenue[a] != revenue[b] ? revenue[a] > revenue[b] : a < b }
        var top: [Int] = []
        top.reserveCapacity(k + 1)
        for i in 0..<customers.count where k > 0 {
            if top.count == k, let last = top.last, !before(i, last) { continue }
            var at = top.count
            while at > 0 && before(i, top[at - 1]) { at -= 1 }
            top.insert(i, at: at)
            if top.count > k { top.removeLast() }
        }
        var cumulative = 0.0
        var share: [Double?] = [], cumulativeShare: [Double?] = []
        for i in top {
            cumulative += revenue[i]
            share.append(total > 0 ? revenue[i] / total : nil)
            cumulativeShare.append(total > 0 ? cumulative / total : nil)
        }
        if customers.isEmpty { notes.append("top customers: no orders in the period") }
        else if total <= 0 { notes.append("top customers: total revenue in the period is \(formatDouble(total)); shares are empty") }
        else if let last = cumulativeShare.last, let last {
            let pct = (last * 1000).rounded() / 10
            notes.append("top \(top.count) customers bring \(formatDouble(pct))% of revenue in the period")
        }
        let table = ResultColumns.table("top_customers", [
            ("rank", ResultColumns.ints(Array(stride(from: 1, through: top.count, by: 1)))),
            ("customer_id", facts.idColumn(top.map { customers[$0] })),
            ("revenue", ResultColumns.doubles(top.map { revenue[$0] })),
            ("share", ResultColumns.doubles(share)),
            ("cumulative_share", ResultColumns.doubles(cumulativeShare)),
        ])
        return AnalysisResult(tables: [("top_customers", table)], notes: notes)
    }
}
