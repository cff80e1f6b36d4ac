import Foundation

/// The few distributions the synthetic data needs, written out so results do not depend on the
/// standard library's (unspecified, changeable) `random(in:)` algorithms.
extension Xoshiro256 {
    /// Uniform in [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform integer in 0..<bound (Lemire's multiply-shift; the tiny bias is irrelevant here).
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    @inline(__always)
    public mutating func chance(_ p: Double) -> Bool { uniform() < p }

    /// Uniform in (0, 1], safe to take the logarithm of.
    @inline(__always)
    mutating func openUniform() -> Double { 1.0 - uniform() }

    public mutating func exponential(mean: Double) -> Double {
        -log(openUniform()) * mean
    }

    /// Standard normal by Box–Muller (one of the pair is dropped: simplicity over speed).
    public mutating func normal() -> Double {
        let u1 = openUniform()
        let u2 = uniform()
        return sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
    }

    /// exp(N(log median, sigma²)).
    public mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * normal())
    }

    /// Gamma(shape, scale) by Marsaglia & Tsang (2000), with the shape < 1 boost.
    public mutating func gamma(shape: Double, scale: Double) -> Double {
        if shape < 1 {
            let u = openUniform()
            return gamma(shape: shape + 1, scale: scale) * pow(u, 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / sqrt(9 * d)
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = openUniform()
            if u < 1 - 0.0331 * x * x * x * x { return d * v * scale }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v * scale }
        }
    }

    public mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, scale: 1)
        let y = gamma(shape: b, scale: 1)
        return x / (x + y)
    }

    /// Poisson by inversion for small means, normal approximation above 30 (counts only).
    public mutating func poisson(mean: Double) -> Int {
        if mean <= 0 { return 0 }
        if mean > 30 {
            return max(0, Int((mean + sqrt(mean) * normal()).rounded()))
        }
        let limit = exp(-mean)
        var k = 0
        var p = uniform()
        while p > limit {
            k += 1
            p *= uniform()
        }
        return k
    }

    /// Index into `cumulative` (ascending running totals, last = total) with probability ∝ weight.
    public mutating func pick(cumulative: [Double]) -> Int {
        let target = uniform() * cumulative[cumulative.count - 1]
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

/// Running totals of weights, the form `pick(cumulative:)` samples from.
func cumulativeWeights(_ weights: [Double]) -> [Double] {
    var total = 0.0
    return weights.map { total += $0; return total }
}
