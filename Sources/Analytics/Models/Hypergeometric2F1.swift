import Foundation

/// Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 and positive a, b, c — the only region the BG/NBD
/// conditional expectation and the Pareto/NBD likelihood need.
///
/// Summed as the power series with every term positive, so there is no cancellation; terms can grow very large
/// before they shrink (a, b ≈ frequency of a heavy buyer), so the running sum is kept as mantissa × e^shift and the
/// result is returned as a logarithm.
enum Hypergeometric2F1 {
    /// log ₂F₁(a, b; c; z). Returns NaN outside the supported region, and when the series has not converged after
    /// `maxTerms` terms (z within ~1e-4 of 1): an optimizer's trial step into such a corner then reads as an
    /// infeasible point instead of costing millions of terms per customer.
    static func log2F1(a: Double, b: Double, c: Double, z: Double, maxTerms: Int = 200_000) -> Double {
        guard a > 0, b > 0, c > 0, z >= 0, z < 1 else { return .nan }
        if z == 0 { return 0 }
        var shift = 0.0      // log of the scale the partial sums are expressed in
        var term = 1.0       // current term / e^shift
        var sum = 1.0        // partial sum / e^shift
        var k = 0.0
        var n = 0
        while n < maxTerms {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            sum += term
            k += 1
            n += 1
            if sum > 1e250 {
                shift += log(sum)
                term /= sum
                sum = 1
            }
            // Once the term ratio is below 1 the tail is bounded by a geometric series with that ratio.
            let ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            if ratio < 1 && term * ratio / (1 - ratio) <= 1e-16 * sum { return shift + log(sum) }
        }
        return .nan
    }

    /// Plain signed series for the corner where c ≤ 0 (BG/NBD with x = 0 and a + b < 1): terms may change sign, so no
    /// logarithm; callers only reach it for light (small a, b) cases where the terms stay moderate.
    static func signedSeries(a: Double, b: Double, c: Double, z: Double, maxTerms: Int = 2_000_000) -> Double {
        guard z >= 0, z < 1, c != c.rounded(.down) || c > 0 else { return .nan }
        var term = 1.0, sum = 1.0, k = 0.0
        for _ in 0..<maxTerms {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            sum += term
            k += 1
            if k > abs(c) + 2 && abs(term) <= 1e-16 * abs(sum) { break }
        }
        return sum
    }
}
