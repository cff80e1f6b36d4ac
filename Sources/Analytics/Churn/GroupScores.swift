import Dispatch
import Foundation

/// BG/NBD scores of each distinct history, computed once per group and shared by its customers:
/// P(alive), expected purchases over the horizon, and the discounted expected purchase count of the CLV sum
/// Σₘ (E[Y(m·w)] − E[Y((m−1)·w)]) / (1+d)ᵐ, w = weeks per month. A customer's CLV is that count times their
/// expected spend — the same terms `CLV.compute` adds, in the same order, factored so the ₂F₁ series run per group.
struct GroupScores {
    var pAlive: [Double]
    var expectedPurchases: [Double]
    var discountedPurchases: [Double]

    init(model: BGNBDModel, histories h: DistinctPurchaseHistories, horizonWeeks: Double, months: Int,
         monthlyDiscount: Double, weeksPerMonth: Double, daysPerPeriod: Double) {
        let n = h.groups
        let alive = ScoreBuffer(n), expected = ScoreBuffer(n), discounted = ScoreBuffer(n)
        let discount = (0...max(months, 0)).map { pow(1 + monthlyDiscount, Double($0)) }
        let workers = n >= 20_000 ? 2 : 1
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let range = workers == 1 ? 0..<n : (w == 0 ? 0..<(n / 2) : (n / 2)..<n)
            for g in range {
                let x = Double(h.frequency[g])
                let tx = Double(h.recencyDays[g]) / daysPerPeriod
                let t = Double(h.ageDays[g]) / daysPerPeriod
                alive.values[g] = model.pAlive(frequency: x, recency: tx, age: t)
                expected.values[g] = model.expectedPurchases(t: horizonWeeks, frequency: x, recency: tx, age: t)
                var previous = 0.0, total = 0.0
                if months > 0 {
                    for m in 1...months {
                        let cumulative = model.expectedPurchases(t: Double(m) * weeksPerMonth, frequency: x, recency: tx, age: t)
                        let term = (cumulative - previous) / discount[m]
                        previous = cumulative
                        if term.isFinite { total += term }
                    }
                }
                discounted.values[g] = total
            }
        }
        pAlive = alive.array
        expectedPurchases = expected.array
        discountedPurchases = discounted.array
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
