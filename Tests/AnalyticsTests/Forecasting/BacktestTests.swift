import Testing

@testable import Analytics

@Suite struct BacktestTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var actual: [Double], forecast: [Double], training: [Double], season: Int
        var smape: Double?, mase: Double?
        var testDescription: String { "\(actual) vs \(forecast)" }
    }

    static let cases: [Case] = [
        Case(actual: [100, 200], forecast: [110, 180], training: [1, 2, 4], season: 1, smape: (200 * 10 / 210 + 200 * 20 / 380) / 2, mase: 15 / 1.5),
        Case(actual: [0, 0], forecast: [0, 0], training: [1, 2], season: 1, smape: 0, mase: 0),
        Case(actual: [5], forecast: [5], training: [3, 3, 3], season: 1, smape: 0, mase: nil),
        Case(actual: [], forecast: [], training: [1, 2], season: 1, smape: nil, mase: nil),
        // Seasonal scale: lag-2 differences of [1, 5, 3, 9] are 2 and 4.
        Case(actual: [10], forecast: [13], training: [1, 5, 3, 9], season: 2, smape: 200.0 * 3 / 23, mase: 1),
    ]

    @Test(arguments: cases) func accuracyMeasures(_ c: Case) {
        let smape = AccuracyMeasures.smape(actual: c.actual, forecast: c.forecast)
        let mase = AccuracyMeasures.mase(actual: c.actual, forecast: c.forecast, training: c.training, seasonPeriod: c.season)
        #expect((smape == nil) == (c.smape == nil))
        #expect((mase == nil) == (c.mase == nil))
        if let s = smape, let e = c.smape { #expect(abs(s - e) < 1e-9) }
        if let s = mase, let e = c.mase { #expect(abs(s - e) < 1e-9) }
    }

    @Test func rollingOriginOnLynx() throws {
        let result = Backtest.rollingOrigin(series: SeriesFixtures.lynx, seasonPeriod: 1, horizon: 5, step: 5, maxOrigins: 4)
        #expect(result.origins == 4)
        #expect(result.models.count == 4)
        let smape = try #require(result.smape), mase = try #require(result.mase)
        #expect(smape.isFinite && smape > 0 && smape < 200)
        #expect(mase.isFinite && mase > 0)
        #expect(result.notes.contains { $0.contains("last 4 origins") })
    }

    @Test(arguments: [[Double](), [1], [4, 5]]) func tooShortToBacktest(_ series: [Double]) {
        let result = Backtest.rollingOrigin(series: series, seasonPeriod: 12, horizon: 3)
        #expect(result.origins <= 1)
        if series.count < 2 { #expect(result.origins == 0 && !result.notes.isEmpty && result.smape == nil) }
    }
}
