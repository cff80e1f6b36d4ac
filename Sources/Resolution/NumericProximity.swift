/// Closeness of two numbers on a scale: 1 when equal, falling linearly to 0 at `scale` apart.
/// Used for amounts, ages and other attributes where near counts as agreement.
public enum NumericProximity {
    public static func similarity(_ a: Double, _ b: Double, scale: Double) -> Double {
        guard a.isFinite, b.isFinite else { return 0 }
        if a == b { return 1 }
        guard scale > 0 else { return 0 }
        return max(0, 1 - abs(a - b) / scale)
    }
}
