import Foundation
import Testing

@testable import Analytics

@Suite struct CLVTests {
    static let spend = GammaGammaModel(
        parameters: GammaGammaParameters(p: 6.25, q: 3.74, v: 15.44), logLikelihood: nil, convergence: nil,
        customersUsed: 0, customersWithoutRepeat: 0, customersWithNonPositiveValue: 0, frequencySpendCorrelation: nil,
        observedMeanValue: 0, notes: [])

    /// With a purchase model of exactly one purchase per period and no discount, CLV = months × periods/month × E[Z].
    @Test(arguments: [(12, 0.0), (6, 0.0), (12, 0.01)]) func constantRateModel(_ months: Int, _ rate: Double) {
        let values = CLV.compute(
            expectedPurchases: { t, _, _, _ in t }, spend: Self.spend, frequency: [2], recency: [30], age: [38], monetary: [22.345],
            months: months, monthlyDiscountRate: rate, periodsPerMonth: 4)
        let perMonth = 4 * 24.6596128609
        let expected = (1...months).reduce(0.0) { $0 + perMonth / pow(1 + rate, Double($1)) }
        #expect(abs(values[0] - expected) < 1e-6)
    }

    @Test func discountingLowersValueAndInvalidHorizonGivesZero() {
        let bg = ConditionalExpectationTests.bg
        func clv(_ months: Int, _ rate: Double) -> Double {
            CLV.compute(model: bg, spend: Self.spend, frequency: [7], recency: [35], age: [38.86], monetary: [30],
                        months: months, monthlyDiscountRate: rate, periodsPerMonth: 30 / 7)[0]
        }
        #expect(clv(12, 0.01) < clv(12, 0))
        #expect(clv(24, 0.01) > clv(12, 0.01))
        #expect(clv(0, 0.01) == 0)
        #expect(clv(12, -2) == 0)
    }

    @Test(arguments: [(0.0, RiskBand.high), (0.29, .high), (0.3, .medium), (0.69, .medium), (0.7, .low), (1, .low), (.nan, .high)])
    func riskBands(_ pAlive: Double, _ band: RiskBand) {
        #expect(RiskBand(pAlive: pAlive) == band)
    }
}
