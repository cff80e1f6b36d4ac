import Testing

@testable import Analytics

/// Series a nightly KPI run really produces: a new metric with 3 months of history, a dead product (all zeros),
/// refunds (negative), a flat line. None may crash or produce NaN; a fallback must say so.
@Suite struct DegenerateSeriesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var series: [Double]
        var seasonPeriod: Int
        var model: String
        var noteContains: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "one value", series: [42], seasonPeriod: 12, model: "naive", noteContains: "too few values to estimate"),
        Case(name: "two values", series: [3, 5], seasonPeriod: 1, model: "drift", noteContains: "too few for any ETS model"),
        Case(name: "three points", series: [10, 12, 11], seasonPeriod: 12, model: "drift", noteContains: "too few for any ETS model"),
        Case(name: "short seasonal", series: [5, 9, 4, 6, 5, 10], seasonPeriod: 4, model: "seasonal naive", noteContains: "too few for any ETS model"),
        Case(name: "constant", series: [7, 7, 7, 7, 7, 7, 7, 7, 7, 7], seasonPeriod: 1, model: "naive", noteContains: "constant series"),
        Case(name: "zeros", series: [Double](repeating: 0, count: 30), seasonPeriod: 12, model: "naive", noteContains: "constant series"),
        Case(name: "negative values", series: (0..<36).map { Double(($0 * 7) % 12) - 8 }, seasonPeriod: 12, model: "ETS", noteContains: "zero or negative values"),
        Case(name: "under two seasons", series: (0..<20).map { Double($0 % 12) + 10 }, seasonPeriod: 12, model: "ETS", noteContains: "fewer than two full seasons"),
        Case(name: "weekly season", series: (0..<120).map { Double(($0 * 13) % 52) + 100 }, seasonPeriod: 52, model: "ETS", noteContains: "exceeds 24"),
        Case(name: "huge values", series: (0..<24).map { 1e12 + Double($0 % 5) * 1e9 }, seasonPeriod: 1, model: "ETS", noteContains: nil),
    ]

    @Test(arguments: cases) func neverCrashesNorNaN(_ c: Case) throws {
        let fit = try ETS.fit(series: c.series, seasonPeriod: c.seasonPeriod)
        #expect(fit.modelName.hasPrefix(c.model), "model \(fit.modelName)")
        if let note = c.noteContains { #expect(fit.notes.contains { $0.contains(note) } || fit.forecast(horizon: 1).notes.contains { $0.contains(note) }, "notes \(fit.notes)") }
        let f = fit.forecast(horizon: 8)
        #expect(f.point.count == 8)
        for values in [f.point, f.lo80, f.hi80, f.lo95, f.hi95] { #expect(values.allSatisfy { $0.isFinite }) }
        for i in 0..<8 { #expect(f.lo95[i] <= f.point[i] && f.point[i] <= f.hi95[i]) }
    }

    static let errors: [([Double], Int, ForecastError)] = [
        ([], 12, .emptySeries),
        ([1, .nan, 3], 1, .nonFiniteValue(index: 1, value: .nan)),
        ([1, 2, .infinity], 1, .nonFiniteValue(index: 2, value: .infinity)),
        ([1, 2, 3], 0, .invalidSeasonPeriod(0)),
    ]

    @Test(arguments: 0..<errors.count) func refusesWithWhatAndWhere(_ i: Int) {
        let (series, m, expected) = Self.errors[i]
        do {
            _ = try ETS.fit(series: series, seasonPeriod: m)
            Issue.record("expected \(expected)")
        } catch {
            // NaN ≠ NaN, so compare the description, which names the position.
            #expect(error.description == expected.description)
        }
    }

    @Test func nonPositiveHorizonGivesEmptyForecast() throws {
        let f = try ETS.fit(series: SeriesFixtures.lynx, seasonPeriod: 1).forecast(horizon: 0)
        #expect(f.point.isEmpty)
    }
}

@Suite struct SeriesPeriodTests {
    @Test(arguments: [(SeriesPeriod.day, 7), (.week, 52), (.month, 12), (.quarter, 4), (.year, 1)])
    func seasonLengths(_ period: SeriesPeriod, _ m: Int) {
        #expect(period.seasonPeriod == m)
    }

    @Test func monthlyPeriodFitsSeasonally() throws {
        let fit = try ETS.fit(series: Array(SeriesFixtures.airPassengers.prefix(48)), period: .month)
        #expect(fit.seasonPeriod == 12)
        #expect(fit.candidates.contains { $0.model == "ETS(A,N,A)" && $0.aicc != nil })
    }
}
