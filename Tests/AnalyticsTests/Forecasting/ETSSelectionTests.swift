import Testing

@testable import Analytics

/// Behaviour on real seasonal series with the last 12 months held out. Reference figures (statsforecast 2.1.1
/// AutoETS on the same split): AirPassengers sMAPE 7.45 (ETS(M,N,M)) / 4.65 (additive-error ETS(A,N,A)); wineind
/// 8.99 (ETS(M,N,M)) / 9.40 (ETS(A,A,A)). Bounds below leave room for a different but sound model choice.
@Suite struct ETSSelectionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var series: [Double]
        var maxSMAPE: Double
        var minInside95: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "AirPassengers", series: SeriesFixtures.airPassengers, maxSMAPE: 6, minInside95: 10),
        Case(name: "wineind", series: SeriesFixtures.wineind, maxSMAPE: 11, minInside95: 9),
    ]

    @Test(arguments: cases) func seasonalSeriesSelectsASeasonalModelAndCoversTheHoldout(_ c: Case) throws {
        let training = Array(c.series.dropLast(12)), holdout = Array(c.series.suffix(12))
        let fit = try ETS.fit(series: training, seasonPeriod: 12)
        let model = try #require(fit.selected)
        #expect(model.spec.season != .none, "selected \(model.spec.name)")
        #expect(fit.fallback == nil)
        #expect(fit.candidates.count == 9)
        let f = fit.forecast(horizon: 12)
        let smape = try #require(AccuracyMeasures.smape(actual: holdout, forecast: f.point))
        #expect(smape < c.maxSMAPE, "sMAPE \(smape)")
        let inside95 = holdout.indices.filter { f.lo95[$0] <= holdout[$0] && holdout[$0] <= f.hi95[$0] }.count
        #expect(inside95 >= c.minInside95)
        for i in 0..<12 {
            #expect(f.lo95[i] <= f.lo80[i] && f.lo80[i] <= f.point[i] && f.point[i] <= f.hi80[i] && f.hi80[i] <= f.hi95[i])
        }
    }

    /// ETS(A,N,N) on lynx (training = all but the last 10 years): statsforecast's AICc 1965.85 omits the constant
    /// n(log 2π + 1 − log n); with it, 1777.96. The same optimum means the likelihood and AICc are the textbook ones.
    @Test func simpleExponentialSmoothingMatchesStatsforecast() throws {
        let fit = try #require(ETS.fit(series: Array(SeriesFixtures.lynx.dropLast(10)), seasonPeriod: 1, spec: ETSSpec(trend: .none, season: .none)))
        #expect(abs(fit.aicc - 1777.96) < 0.05, "AICc \(fit.aicc)")
    }

    /// Class-1 analytic variance for ETS(A,N,N): σ²_h = σ²(1 + (h − 1)α²).
    @Test func analyticIntervalWidthFollowsTheFormula() throws {
        let fit = try #require(ETS.fit(series: SeriesFixtures.lynx, seasonPeriod: 1, spec: ETSSpec(trend: .none, season: .none)))
        let wrapped = ETSFit(seasonPeriod: 1, observations: SeriesFixtures.lynx.count, selected: fit, fallback: nil, candidates: [], notes: [], fallbackSeries: [])
        let f = wrapped.forecast(horizon: 5)
        #expect(f.intervalMethod == "analytic")
        for h in 1...5 {
            let alpha = fit.parameters.alpha
            let variance: Double = fit.sigma2 * (1 + Double(h - 1) * alpha * alpha)
            let expected: Double = NormalQuantile.z95 * variance.squareRoot()
            #expect(abs((f.hi95[h - 1] - f.point[h - 1]) - expected) < 1e-9 * expected)
        }
    }

    @Test func dampedTrendIsFiniteAndDamped() throws {
        let trending: [Double] = (0..<60).map { (t: Int) -> Double in
            let wiggle = Double((t * 37) % 11) - 5
            return 3 * Double(t) + 50 + wiggle
        }
        let fit = try #require(ETS.fit(series: trending, seasonPeriod: 1, spec: ETSSpec(trend: .damped, season: .none)))
        let phi = try #require(fit.parameters.phi)
        #expect(phi >= 0.8 && phi <= 0.98)
        let wrapped = ETSFit(seasonPeriod: 1, observations: 60, selected: fit, fallback: nil, candidates: [], notes: [], fallbackSeries: [])
        let f = wrapped.forecast(horizon: 24)
        for values in [f.point, f.lo95, f.hi95] { #expect(values.allSatisfy { $0.isFinite }) }
        // A damped trend's increments shrink geometrically.
        #expect(f.point[23] - f.point[22] < f.point[1] - f.point[0])
    }

    /// Multiplicative seasonality has simulated intervals; the fixed seed makes them reproducible bit for bit.
    @Test func simulatedIntervalsAreDeterministic() throws {
        let training = Array(SeriesFixtures.airPassengers.prefix(72))
        let fit = try #require(ETS.fit(series: training, seasonPeriod: 12, spec: ETSSpec(trend: .additive, season: .multiplicative)))
        let wrapped = ETSFit(seasonPeriod: 12, observations: 72, selected: fit, fallback: nil, candidates: [], notes: [], fallbackSeries: [])
        let first = wrapped.forecast(horizon: 6), second = wrapped.forecast(horizon: 6)
        #expect(first == second)
        #expect(first.intervalMethod.hasPrefix("simulation"))
        for i in 0..<6 { #expect(first.lo95[i] < first.point[i] && first.point[i] < first.hi95[i]) }
    }
}
