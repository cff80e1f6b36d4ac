import Testing
@testable import Resolution

@Suite struct ExpectationMaximizationTests {
    /// Draws comparison vectors from a known Fellegi–Sunter model, then checks EM recovers it.
    static func synthetic(pairs: Int, lambda: Double, m: [[Double]], u: [[Double]], missing: Double, seed: UInt64) -> ([Int8], [Double]) {
        var g = SplitMix64(seed: seed)
        func uniform() -> Double { Double(g.next() >> 11) / Double(1 << 53) }
        func draw(_ p: [Double]) -> Int8 {
            var x = uniform()
            for (i, v) in p.enumerated() { x -= v; if x < 0 { return Int8(i) } }
            return Int8(p.count - 1)
        }
        var levels: [Int8] = []
        for _ in 0..<pairs {
            let match = uniform() < lambda
            for k in 0..<m.count { levels.append(uniform() < missing ? -1 : draw(match ? m[k] : u[k])) }
        }
        let lc = m.map(\.count)
        return Resolver.distinctPatterns(levels, fieldCount: m.count, levelCounts: lc)
    }

    static let m: [[Double]] = [[0.05, 0.15, 0.8], [0.1, 0.9], [0.02, 0.08, 0.2, 0.7], [0.3, 0.7]]
    static let u: [[Double]] = [[0.9, 0.08, 0.02], [0.95, 0.05], [0.85, 0.1, 0.04, 0.01], [0.6, 0.4]]

    @Test(arguments: [(0.3, 0.0, UInt64(1)), (0.1, 0.2, UInt64(2)), (0.5, 0.1, UInt64(3))])
    func recoversMAndUWithoutLabels(_ c: (Double, Double, UInt64)) {
        let (patterns, counts) = Self.synthetic(pairs: 60_000, lambda: c.0, m: Self.m, u: Self.u, missing: c.1, seed: c.2)
        let r = ExpectationMaximization.fit(patterns: patterns, counts: counts, levelCounts: Self.m.map(\.count), maxIterations: 1000, tolerance: 1e-8)
        #expect(r.converged)
        #expect(abs(r.matchShare - c.0) < 0.02, "λ \(r.matchShare)")
        for k in 0..<Self.m.count {
            for l in 0..<Self.m[k].count {
                #expect(abs(r.m[k][l] - Self.m[k][l]) < 0.03, "m[\(k)][\(l)] = \(r.m[k][l])")
                #expect(abs(r.u[k][l] - Self.u[k][l]) < 0.03, "u[\(k)][\(l)] = \(r.u[k][l])")
            }
        }
    }

    @Test func withUFixedRecoversM() {
        let (patterns, counts) = Self.synthetic(pairs: 40_000, lambda: 0.05, m: Self.m, u: Self.u, missing: 0.1, seed: 9)
        let r = ExpectationMaximization.fit(patterns: patterns, counts: counts, levelCounts: Self.m.map(\.count), fixedU: Self.u,
                                            maxIterations: 1000, tolerance: 1e-9)
        #expect(r.u == Self.u)
        #expect(abs(r.matchShare - 0.05) < 0.01)
        for k in 0..<Self.m.count { for l in 0..<Self.m[k].count { #expect(abs(r.m[k][l] - Self.m[k][l]) < 0.05, "m[\(k)][\(l)] = \(r.m[k][l])") } }
    }

    @Test func emptyInputDoesNotCrash() {
        let r = ExpectationMaximization.fit(patterns: [], counts: [], levelCounts: [2, 3])
        #expect(r.m.count == 2 && r.m[1].count == 3)
    }
}
