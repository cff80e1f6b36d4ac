import Testing
@testable import Reports

@Suite struct NiceScaleTests {
    @Test(arguments: [
        (0.0, 97.0, [0.0, 20, 40, 60, 80, 100]),
        (0.0, 1.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (-12.0, 37.0, [-20.0, -10, 0, 10, 20, 30, 40]),
        (0.0, 12_345_678.0, [0.0, 5_000_000, 10_000_000, 15_000_000]),
        (5.0, 5.0, [0.0, 1, 2, 3, 4, 5]),
        (0.0, 0.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (Double.nan, Double.infinity, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    ])
    func ticks(min: Double, max: Double, expected: [Double]) {
        let s = NiceScale(min: min, max: max)
        #expect(s.ticks.count == expected.count)
        for (a, b) in zip(s.ticks, expected) { #expect(abs(a - b) < 1e-9 * Swift.max(1, abs(b))) }
    }

    @Test(arguments: [(0.0, 1.0), (-3.0, 7.5), (100.0, 100_000.0), (0.001, 0.0042)])
    func ticksCoverTheRange(min: Double, max: Double) {
        let s = NiceScale(min: min, max: max)
        #expect(s.lower <= min && s.upper >= max)
        #expect(s.ticks.count >= 2 && s.ticks.count <= 11)
        #expect(s.fraction(s.lower) == 0 && s.fraction(s.upper) == 1)
    }
}
