import Columns

public struct SalesPerformanceParameters: Sendable {
    /// The period measured: days (asOf − windowDays, asOf]; nil = all history up to as-of.
    public var windowDays: Int32?
    /// How many top customers the revenue-concentration table lists.
    public var topCustomers: Int

    public init(windowDays: Int32? = 365, topCustomers: Int = 10) {
        self.windowDays = windowDays
        self.topCustomers = topCustomers
    }

    func windowStart(asOf: Int32) -> Int32 { SafeTime.windowStart(asOf: asOf, days: windowDays) }
}

/// Sales performance per owner (rep), over the period of `SalesPerformanceParameters.windowDays`:
/// - from opportunities closed in the period: won and lost deals, win rate = won / (won + lost),
///   won revenue, average deal = won revenue / won, median sales cycle (created → closed, days);
/// - from orders in the period of customers the owner holds (`customers.owner`): order revenue;
/// - attainment = won revenue / target, when a targets table (owner, target) is given.
/// Table `performance_owners`, owners in byte order.
public enum SalesPerformanceAnalysis {
    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters) -> AnalysisResult {
        let facts = OrderFacts(orders: input.orders, customers: input.customers, asOf: parameters.asOf, excludedStatuses: parameters.rfm.excludedOrderStatuses)
        var result = run(input, facts, parameters)
        result.notes = facts.notes + result.notes
        return result
    }

    /// Owners, top customers, channel and campaign ROI over shared order facts (built with
    /// `input.customers`, so customers rows map to codes without hashing).
    public static func run(_ input: AnalysisInput, _ facts: OrderFacts, _ parameters: AnalysisParameters) -> AnalysisResult {
        var result = owners(input, facts, parameters)
        result.merge(TopCustomersAnalysis.run(facts, parameters))
        result.merge(ChannelROIAnalysis.run(input, facts, parameters))
        return result
    }

    static func owners(_ input: AnalysisInput, _ facts: OrderFacts, _ parameters: AnalysisParameters) -> AnalysisResult {
        var notes: [String] = []
        let start = parameters.performance.windowStart(asOf: parameters.asOf)
        let startSecond = start == Int32.min ? Int64.min : Int64(start) * 86_400
        let endSecond = parameters.asOfEndSecond
        var owners = ByteInterner()
        var opps = 0, won: [Int] = [], lost: [Int] = [], wonRevenue: [Double] = [], cycles: [[Double]] = []
        var orderRevenue: [Double] = [], target: [Double?] = []
        func grow() {
            while won.count < owners.count {
                won.append(0); lost.append(0); wonRevenue.append(0); cycles.append([]); orderRevenue.append(0); target.append(nil)
            }
        }
        if let o = input.opportunities,
           let owner = ColumnAccess.strings(o, "owner", notes: &notes, missingNote: "no per-owner deal figures"),
           let status = ColumnAccess.strings(o, "status", notes: &notes, missingNote: "no per-owner deal figures"),
           let closed = ColumnAccess.seconds(o, "closed_at", notes: &notes, missingNote: "no per-owner deal figures") {
            let keys = DenseKeys(owner, interner: &owners)
            grow()
            let statusKeys = DenseKeys(status)
            let outcome = (0..<statusKeys.count).map { FunnelStatus.parse(statusKeys.labels[$0]) }
            let created = ColumnAccess.seconds(o, "created_at", notes: &notes)
            let amount = ColumnAccess.numbers(o, "amount", notes: &notes, missingNote: "won revenue is 0")
            var noOwner = 0
            for r in 0..<o.rowCount {
                let sc = statusKeys.codes[r]
                guard sc >= 0, let st = outcome[Int(sc)], st != .open,
                      closed.validity.isValid(r), closed.values[r] >= startSecond, closed.values[r] < endSecond else { continue }
                let c = Int(keys.codes[r])
                guard c >= 0 else { noOwner += 1; continue }
                opps += 1
                if st == .lost { lost[c] += 1; continue }
                won[c] += 1
                if let amount, amount.validity.isValid(r) { wonRevenue[c] += amount.values[r] }
                if let created, created.validity.isValid(r),
                   let d = SafeTime.elapsed(from: created.values[r], to: closed.values[r]) {
                    cycles[c].append(Double(d) / 86_400)
                }
            }
            if noOwner > 0 { notes.append("performance: \(noOwner) closed opportunities without owner left out") }
        }
        if opps == 0 { notes.append("performance: no opportunities closed in the period") }

        if let customers = input.customers,
           let owner = ColumnAccess.strings(customers, "owner", notes: &notes, missingNote: "no per-owner order revenue"),
           let rowCodes = facts.customerRowCodes(for: customers, notes: &notes) {
            let keys = DenseKeys(owner, interner: &owners)
            grow()
            var seen = [Bool](repeating: false, count: facts.customerCount)
            for r in 0..<customers.rowCount where keys.codes[r] >= 0 && rowCodes[r] >= 0 {
                let c = rowCodes[r]
                guard !seen[Int(c)] else { continue }
                seen[Int(c)] = true  // a duplicated customer row must not count its orders twice
                var sum = 0.0
                for i in facts.orders(of: Int(c)) where facts.day[i] >= start { sum += facts.amount[i] }
                orderRevenue[Int(keys.codes[r])] += sum
            }
        }
        if let targets = input.targets {
            if let owner = ColumnAccess.strings(targets, "owner", notes: &notes, missingNote: "targets ignored"),
               let value = ColumnAccess.numbers(targets, "target", notes: &notes, missingNote: "targets ignored") {
                let keys = DenseKeys(owner, interner: &owners)
                grow()
                for r in 0..<targets.rowCount where keys.codes[r] >= 0 && value.validity.isValid(r) {
                    target[Int(keys.codes[r])] = (target[Int(keys.codes[r])] ?? 0) + value.values[r]
                }
            }
        }
        let order = ByteOrder.sorted(owners.strings)
        var label: [String?] = [], wonOut: [Int] = [], lostOut: [Int] = [], rate: [Double?] = [], revenue: [Double] = []
        var avg: [Double?] = [], cycle: [Double?] = [], orders: [Double] = [], targetOut: [Double?] = [], attainment: [Double?] = []
        for c in order.map({ Int($0) }) {
            label.append(owners.strings[c])
            wonOut.append(won[c]); lostOut.append(lost[c])
            rate.append(ResultColumns.ratio(Double(won[c]), Double(won[c] + lost[c])))
            revenue.append(wonRevenue[c])
            avg.append(ResultColumns.ratio(wonRevenue[c], Double(won[c])))
            cycle.append(Quantile.medianP90(&cycles[c]).median)
            orders.append(orderRevenue[c])
            targetOut.append(target[c])
            attainment.append(target[c].flatMap { $0 > 0 ? wonRevenue[c] / $0 : nil })
        }
        if let t = input.targets, t.rowCount > 0, target.allSatisfy({ $0 == nil || $0! <= 0 }) {
            notes.append("performance: no positive targets; attainment is empty")
        }
        let table = ResultColumns.table("performance_owners", [
            ("owner", ResultColumns.strings(label)), ("won", ResultColumns.ints(wonOut)), ("lost", ResultColumns.ints(lostOut)),
            ("win_rate", ResultColumns.doubles(rate)), ("won_revenue", ResultColumns.doubles(revenue)),
            ("average_deal", ResultColumns.doubles(avg)), ("median_cycle_days", ResultColumns.doubles(cycle)),
            ("order_revenue", ResultColumns.doubles(orders)), ("target", ResultColumns.doubles(targetOut)),
            ("attainment", ResultColumns.doubles(attainment)),
        ])
        return AnalysisResult(tables: [("performance_owners", table)], notes: notes)
    }
}
