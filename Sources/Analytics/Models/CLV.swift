import Foundation

/// Customer lifetime value over a finite horizon: expected purchases per month from a buy-till-you-die model times the
/// Gamma-Gamma expected spend, discounted monthly — the discrete form `lifetimes` and Fader-Hardie's spreadsheets use.
public enum CLV {
    /// What the CLV sum needs from a purchase model: cumulative expected purchases in the next `t` periods.
    public typealias ExpectedPurchases = (_ t: Double, _ frequency: Double, _ recency: Double, _ age: Double) -> Double

    /// - Parameters:
    ///   - months: horizon in months.
    ///   - monthlyDiscountRate: e.g. 0.01 for 1 % per month; month i's value is divided by (1 + rate)^i.
    ///   - periodsPerMonth: model time units in one month (30/7 ≈ 4.29 when the model was fitted in weeks).
    /// - Returns: one value per customer, in the input order; never NaN (a non-finite term counts as 0).
    public static func compute(
        expectedPurchases: ExpectedPurchases, spend: GammaGammaModel,
        frequency: [Double], recency: [Double], age: [Double], monetary: [Double],
        months: Int, monthlyDiscountRate: Double, periodsPerMonth: Double
    ) -> [Double] {
        let n = min(frequency.count, recency.count, age.count, monetary.count)
        guard months > 0, periodsPerMonth > 0, monthlyDiscountRate > -1 else { return [Double](repeating: 0, count: n) }
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let value = spend.expectedAverageValue(frequency: frequency[i], monetary: monetary[i])
            var previous = 0.0
            var total = 0.0
            for month in 1...months {
                let cumulative = expectedPurchases(Double(month) * periodsPerMonth, frequency[i], recency[i], age[i])
                let inMonth = cumulative - previous
                previous = cumulative
                let term = inMonth * value / pow(1 + monthlyDiscountRate, Double(month))
                if term.isFinite { total += term }
            }
            out[i] = total
        }
        return out
    }

    /// Convenience for the BG/NBD model.
    public static func compute(
        model: BGNBDModel, spend: GammaGammaModel, frequency: [Double], recency: [Double], age: [Double],
        monetary: [Double], months: Int, monthlyDiscountRate: Double, periodsPerMonth: Double
    ) -> [Double] {
        compute(
            expectedPurchases: { model.expectedPurchases(t: $0, frequency: $1, recency: $2, age: $3) }, spend: spend,
            frequency: frequency, recency: recency, age: age, monetary: monetary, months: months,
            monthlyDiscountRate: monthlyDiscountRate, periodsPerMonth: periodsPerMonth)
    }
}
