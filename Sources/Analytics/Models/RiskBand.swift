/// Churn-risk band from P(alive), for the report's "customers at risk" list.
public enum RiskBand: String, Codable, Sendable, CaseIterable, Comparable {
    case low, medium, high

    /// Default cut points: P(alive) < 0.3 is high risk, < 0.7 medium, otherwise low. Thresholds are shown in the
    /// report so a reader can disagree with them.
    public static let defaultThresholds = (high: 0.3, medium: 0.7)

    public init(pAlive: Double, highBelow: Double = RiskBand.defaultThresholds.high, mediumBelow: Double = RiskBand.defaultThresholds.medium) {
        // A NaN probability is treated as the worst case rather than silently "low".
        if !(pAlive >= highBelow) { self = .high } else if pAlive < mediumBelow { self = .medium } else { self = .low }
    }

    public static func < (lhs: RiskBand, rhs: RiskBand) -> Bool {
        let order: [RiskBand] = [.low, .medium, .high]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}
