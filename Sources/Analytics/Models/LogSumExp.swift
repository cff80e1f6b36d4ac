import Foundation

/// log(e^a + e^b) and log(e^a − e^b) without overflow: the likelihoods here add terms like (α+T)^-(r+x) whose logs are
/// in the hundreds for heavy buyers.
enum LogSumExp {
    static func add(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        let m = max(a, b)
        return m + log1p(exp(-abs(a - b)))
    }

    /// Requires a ≥ b; returns −∞ when they are equal.
    static func subtract(_ a: Double, _ b: Double) -> Double {
        if b == -.infinity { return a }
        if !(a > b) { return -.infinity }
        return a + log1p(-exp(b - a))
    }
}
