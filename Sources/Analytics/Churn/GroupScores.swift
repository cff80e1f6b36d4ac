import Dispatch
import Foundation

/// BG/NBD scores of each distinct history, shared by its customers: P(alive), expected purchases over the horizon,
/// and the discounted expected purchase count of the CLV sum Σₘ (E[Y(m·w)] − E[Y((m−1)·w)]) / (1+d)ᵐ (w = weeks per
/// month); a customer's CLV is that count times their expected spend — `CLV.compute`'s terms, factored.
///
/// FHL 2005 eq. (10) factors as E[Y(t) | x, t_x, T] = A(x, T, t) · P(alive | x, t_x, T): the ₂F₁ part A does not
/// depend on t_x. So the series are summed once per distinct (x, T) — tens of thousands even for millions of
/// customers — and every history multiplies by its own P(alive). A is read off the model's own function at
/// t_x = T (where P(alive) has the closed form 1 / (1 + a/(b+x−1))), so the numerics are the model's.
struct GroupScores {
    var pAlive: [Double]
    var expectedPurchases: [Double]
    var discountedPurchases: [Double]

    init(model: BGNBDModel, histories h: DistinctPurchaseHistories, horizonWeeks: Double, months: Int,
         monthlyDiscount: Double, weeksPerMonth: Double, daysPerPeriod: Double) {
        // Distinct (x, T) pairs and each group's pair.
        var table = KeyTable(capacity: min(h.groups, 1 << 20))
        var pairKeys: [UInt64] = []
        var pairOf = [Int32](repeating: 0, count: h.groups)
        for g in 0..<h.groups {
            let key = UInt64(h.frequency[g]) << 21 | UInt64(h.ageDays[g])
            let id = table.insert(key, next: Int32(pairKeys.count))
            if Int(id) == pairKeys.count { pairKeys.append(key) }
            pairOf[g] = id
        }
        let discount = (0...max(months, 0)).map { pow(1 + monthlyDiscount, Double($0)) }
        let pairs = pairKeys.count
        let horizonA = ScoreBuffer(pairs), discountedA = ScoreBuffer(pairs)
        let keys = pairKeys
        Self.parallel(pairs) { range in
            for i in range {
                let x = Double(keys[i] >> 21), t = Double(keys[i] & ((1 << 21) - 1)) / daysPerPeriod
                let tx = x > 0 ? t : 0
                let alive = model.pAlive(frequency: x, recency: tx, age: t)
                func a(_ horizon: Double) -> Double {
                    alive > 0 ? model.expectedPurchases(t: horizon, frequency: x, recency: tx, age: t) / alive : 0
                }
                horizonA.values[i] = a(horizonWeeks)
                var previous = 0.0, total = 0.0
                if months > 0 {
                    for m in 1...months {
                        let cumulative = a(Double(m) * weeksPerMonth)
                        let term = (cumulative - previous) / discount[m]
                        previous = cumulative
                        if term.isFinite { total += term }
                    }
                }
                discountedA.values[i] = total
            }
        }
        let n = h.groups
        let pairOfGroup = pairOf
        let alive = ScoreBuffer(n), expected = ScoreBuffer(n), discounted = ScoreBuffer(n)
        Self.parallel(n) { range in
            for g in range {
                let p = model.pAlive(frequency: Double(h.frequency[g]), recency: Double(h.recencyDays[g]) / daysPerPeriod,
                                     age: Double(h.ageDays[g]) / daysPerPeriod)
                let pair = Int(pairOfGroup[g])
                alive.values[g] = p
                expected.values[g] = horizonA.values[pair] * p
                discounted.values[g] = discountedA.values[pair] * p
            }
        }
        pAlive = alive.array
        expectedPurchases = expected.array
        discountedPurchases = discounted.array
    }

    /// Runs `body` over 0..<n in two fixed halves on two threads (one for small n); results go to disjoint slots.
    private static func parallel(_ n: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let workers = n >= 20_000 ? 2 : 1
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            body(workers == 1 ? 0..<n : (w == 0 ? 0..<(n / 2) : (n / 2)..<n))
        }
    }
}

/// A fixed-size Double buffer written at disjoint indices by the workers, copied out after they finish.
private final class ScoreBuffer: @unchecked Sendable {
    let values: UnsafeMutablePointer<Double>
    let count: Int
    init(_ count: Int) {
        self.count = count
        values = .allocate(capacity: max(count, 1))
        values.initialize(repeating: 0, count: max(count, 1))
    }
    deinit { values.deallocate() }
    var array: [Double] { Array(UnsafeBufferPointer(start: values, count: count)) }
}
