import Foundation
import Testing

@testable import Analytics

/// The fit used for many distinct histories (search on coarsened histories, BFGS polish on the exact ones) reaches
/// the optimum `BGNBD.fit` finds with its full multi-start search on the exact data.
@Suite struct ChurnModelFitTests {
    /// 10 000 simulated customers over two years: exponential inter-purchase times, geometric dropout.
    static func simulate(seed: UInt64) -> (x: [Int32], tx: [Int32], t: [Int32]) {
        var rng = SeededRandom(state: seed)
        func uniform() -> Double { (Double(rng.next() >> 11) + 0.5) / Double(1 << 53) }
        let end = 730
        var x: [Int32] = [], tx: [Int32] = [], t: [Int32] = []
        for _ in 0..<10_000 {
            let first = rng.below(700)
            let rate = 0.03 * -log(uniform())
            let dropout = 0.4 * uniform()
            var time = Double(first), last = first, repeats: Int32 = 0
            while rate > 0 {
                time += -log(uniform()) / rate
                let day = Int(time)
                if day > end { break }
                if day != last { repeats += 1; last = day }
                if uniform() < dropout { break }
            }
            x.append(repeats); tx.append(Int32(last - first)); t.append(Int32(end - first))
        }
        return (x, tx, t)
    }

    @Test(arguments: [UInt64(7), 2024])
    func coarseSearchThenPolishMatchesExactSearch(_ seed: UInt64) throws {
        let (x, tx, t) = Self.simulate(seed: seed)
        let groups = DistinctPurchaseHistories(frequency: x, recencyDays: tx, ageDays: t, assign: false)
        try #require(groups.groups > ChurnModelFit.searchGroupLimit)
        let fast = ChurnModelFit.fit(groups)
        #expect(fast.method.hasPrefix("search on t_x, T in") && fast.method.hasSuffix("exact histories (\(groups.groups) groups)"))
        let exact = try BGNBD.fit(frequency: x.map(Double.init), recency: tx.map { Double($0) / 7 }, age: t.map { Double($0) / 7 })
        let a = fast.model.parameters, b = exact.parameters
        for (name, u, v) in [("r", a.r, b.r), ("alpha", a.alpha, b.alpha), ("a", a.a, b.a), ("b", a.b, b.b)] {
            #expect(abs(u - v) <= 2e-3 * abs(v), "\(name): \(u) vs \(v)")
        }
        #expect(abs(fast.model.logLikelihood - exact.logLikelihood) <= 1e-6 * abs(exact.logLikelihood))
    }

    @Test func coarseningMergesAndKeepsCounts() {
        let x: [Int32] = [0, 0, 1, 1, 1, 2], tx: [Int32] = [0, 0, 5, 6, 9, 12], t: [Int32] = [10, 11, 20, 21, 20, 30]
        let exact = DistinctPurchaseHistories(frequency: x, recencyDays: tx, ageDays: t, assign: true)
        #expect(exact.groups == 6 - 0)
        let coarse = exact.coarsened(binDays: 4)
        // (0,0,8)×2, (1,4,20)×2 [tx 5 and 6 → 4, T 20 and 21 → 20], (1,8,20), (2,12,28)
        #expect(coarse.frequency == [0, 1, 1, 2])
        #expect(coarse.recencyDays == [0, 4, 8, 12])
        #expect(coarse.ageDays == [8, 20, 20, 28])
        #expect(coarse.count == [2, 2, 1, 1])
        #expect(coarse.binDays == 4)
        #expect(exact.group == [0, 1, 2, 3, 4, 5])
    }
}
