import Testing

@testable import Analytics

@Suite struct BatchForecastingTests {
    static let series: [[Double]] = [
        Array(SeriesFixtures.lynx.prefix(40)), [], [3, 4], Array(SeriesFixtures.lynx.suffix(30)), [1, .nan],
        (0..<25).map { Double($0) }, [7, 7, 7],
    ]

    /// Same results, in the same order, whatever the thread count — and equal to fitting one by one.
    @Test(arguments: [1, 2, 3]) func deterministicAcrossThreads(_ threads: Int) {
        let batch = BatchForecasting.forecast(Self.series, seasonPeriod: 1, horizon: 3, threads: threads)
        #expect(batch.count == Self.series.count)
        for (i, s) in Self.series.enumerated() {
            switch Result(catching: { () throws(ForecastError) -> ETSFit in try ETS.fit(series: s, seasonPeriod: 1) }) {
            case let .success(fit): #expect(batch[i] == fit.forecast(horizon: 3))
            case let .failure(error): #expect(batch[i].point.isEmpty && batch[i].notes == [error.description])
            }
        }
    }

    @Test func emptyBatch() {
        #expect(BatchForecasting.fit([], seasonPeriod: 12).isEmpty)
    }
}
