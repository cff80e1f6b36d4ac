/// Settings of the churn / customer-value analysis (`ChurnAnalysis`).
public struct ChurnParameters: Sendable {
    /// Horizon of the `expected_purchases` column, in days (converted to the model's weeks).
    public var horizonDays: Int
    /// CLV horizon in months of 30 days (the convention of `lifetimes` and Fader–Hardie's spreadsheets).
    public var clvMonths: Int
    /// Monthly discount rate of the CLV sum (0.01 = 1 % a month).
    public var monthlyDiscount: Double
    /// P(alive) below `highRiskBelow` is high risk, below `mediumRiskBelow` medium, otherwise low.
    public var highRiskBelow: Double
    public var mediumRiskBelow: Double

    public init(horizonDays: Int = 90, clvMonths: Int = 12, monthlyDiscount: Double = 0.01,
                highRiskBelow: Double = RiskBand.defaultThresholds.high,
                mediumRiskBelow: Double = RiskBand.defaultThresholds.medium) {
        self.horizonDays = horizonDays
        self.clvMonths = clvMonths
        self.monthlyDiscount = monthlyDiscount
        self.highRiskBelow = highRiskBelow
        self.mediumRiskBelow = mediumRiskBelow
    }
}
