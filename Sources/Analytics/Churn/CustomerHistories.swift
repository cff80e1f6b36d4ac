/// Every ordering customer's repeat-purchase history in whole days, read from the order facts (already filtered to
/// kept, non-cancelled orders on or before as-of and sorted by day per customer). The conventions are
/// `RepeatPurchaseSummary`'s: same-day orders are one purchase occasion; x counts purchase days after the first;
/// t_x = last − first purchase day; T = as-of − first purchase day; monetary is the mean value of the repeat days.
///
/// Histories are kept as integer days, not weeks, so identical histories compare exactly and group into
/// `DistinctPurchaseHistories` without floating-point keys.
struct CustomerHistories {
    /// Facts customer code of each row (customers with at least one kept order, in code order).
    var customer: [Int32] = []
    var firstDay: [Int32] = []
    var lastDay: [Int32] = []
    var orders: [Int32] = []
    /// x: purchase days after the first.
    var repeatDays: [Int32] = []
    /// Sum of the order amounts on repeat days (the first day's orders excluded).
    var repeatValue: [Double] = []
    /// t_x and T in days.
    var recencyDays: [Int32] = []
    var ageDays: [Int32] = []

    var count: Int { customer.count }

    init(_ facts: OrderFacts) {
        let n = facts.customerCount
        let asOf = facts.asOf
        var active = 0
        for c in 0..<n where facts.offsets[c + 1] > facts.offsets[c] { active += 1 }
        customer.reserveCapacity(active)
        firstDay.reserveCapacity(active)
        lastDay.reserveCapacity(active)
        orders.reserveCapacity(active)
        repeatDays.reserveCapacity(active)
        repeatValue.reserveCapacity(active)
        recencyDays.reserveCapacity(active)
        ageDays.reserveCapacity(active)
        facts.offsets.withUnsafeBufferPointer { off in
            facts.day.withUnsafeBufferPointer { day in
                facts.amount.withUnsafeBufferPointer { amount in
                    for c in 0..<n {
                        let lo = off[c], hi = off[c + 1]
                        guard hi > lo else { continue }
                        let first = day[lo]
                        var previous = first, x: Int32 = 0, value = 0.0
                        for i in lo..<hi {
                            let d = day[i]
                            if d == first { continue }
                            if d != previous { x += 1; previous = d }
                            value += amount[i]
                        }
                        let last = day[hi - 1]
                        customer.append(Int32(c))
                        firstDay.append(first)
                        lastDay.append(last)
                        orders.append(Int32(clamping: hi - lo))
                        repeatDays.append(x)
                        repeatValue.append(value)
                        recencyDays.append(last - first)
                        ageDays.append(asOf - first)
                    }
                }
            }
        }
    }

    /// Mean value of the repeat purchase days (0 without a repeat): the Gamma-Gamma input z̄.
    func monetary(_ i: Int) -> Double { repeatDays[i] > 0 ? repeatValue[i] / Double(repeatDays[i]) : 0 }
}
