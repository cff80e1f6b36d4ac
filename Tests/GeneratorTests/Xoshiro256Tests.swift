import Testing
@testable import Generator

@Suite struct Xoshiro256Tests {
    /// Published outputs of the reference C implementations.
    @Test func splitMix64MatchesReference() {
        var sm = SplitMix64(state: 1_234_567)
        let expected: [UInt64] = [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                                  4_593_380_528_125_082_431, 16_408_922_859_458_223_821]
        #expect(expected.map { _ in sm.next() } == expected)
    }

    @Test func xoshiroMatchesReference() {
        var rng = Xoshiro256(state: (1, 2, 3, 4))
        let expected: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240]
        #expect(expected.map { _ in rng.next() } == expected)
    }

    @Test func streamsAreIndependentAndRepeatable() {
        var a = Xoshiro256(seed: 9, stream: 1, index: 5)
        var b = Xoshiro256(seed: 9, stream: 1, index: 5)
        var c = Xoshiro256(seed: 9, stream: 1, index: 6)
        var d = Xoshiro256(seed: 9, stream: 2, index: 5)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
        #expect(first != (0..<8).map { _ in d.next() })
    }

    struct MomentCase: CustomTestStringConvertible, Sendable {
        let name: String
        let expectedMean: Double
        let draw: @Sendable (inout Xoshiro256) -> Double
        var testDescription: String { name }
    }

    static let moments: [MomentCase] = [
        MomentCase(name: "uniform", expectedMean: 0.5) { $0.uniform() },
        MomentCase(name: "exponential(3)", expectedMean: 3) { $0.exponential(mean: 3) },
        MomentCase(name: "gamma(0.9, 1/0.9)", expectedMean: 1) { $0.gamma(shape: 0.9, scale: 1 / 0.9) },
        MomentCase(name: "gamma(2, 0.5)", expectedMean: 1) { $0.gamma(shape: 2, scale: 0.5) },
        MomentCase(name: "beta(0.8, 3.2)", expectedMean: 0.2) { $0.beta(0.8, 3.2) },
        MomentCase(name: "poisson(4)", expectedMean: 4) { Double($0.poisson(mean: 4)) },
        MomentCase(name: "poisson(45)", expectedMean: 45) { Double($0.poisson(mean: 45)) },
        MomentCase(name: "normal", expectedMean: 0) { $0.normal() },
        MomentCase(name: "below(10)", expectedMean: 4.5) { Double($0.below(10)) },
    ]

    @Test(arguments: moments)
    func distributionMeans(_ c: MomentCase) {
        var rng = Xoshiro256(seed: 2024)
        let n = 100_000
        var sum = 0.0
        for _ in 0..<n { sum += c.draw(&rng) }
        let mean = sum / Double(n)
        #expect(abs(mean - c.expectedMean) <= max(0.02, 0.02 * c.expectedMean), "\(c.name): mean \(mean)")
    }

    @Test func logNormalMedian() {
        var rng = Xoshiro256(seed: 3)
        var values = (0..<20_001).map { _ in rng.logNormal(median: 500, sigma: 1) }
        values.sort()
        #expect(abs(values[10_000] - 500) < 20)
    }

    @Test func pickFollowsWeights() {
        var rng = Xoshiro256(seed: 11)
        let cumulative = cumulativeWeights([1, 0, 3])
        var counts = [0, 0, 0]
        for _ in 0..<40_000 { counts[rng.pick(cumulative: cumulative)] += 1 }
        #expect(counts[1] == 0)
        #expect(abs(Double(counts[2]) / Double(counts[0]) - 3) < 0.15)
    }
}
