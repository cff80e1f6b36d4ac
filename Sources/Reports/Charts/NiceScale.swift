/// Axis ticks at "nice" numbers (1, 2, 5 × 10ⁿ) covering a data range, after Heckbert's
/// "Nice numbers for graph labels" (Graphics Gems, 1990).
public struct NiceScale: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let step: Double

    /// A scale covering `min...max` with about `targetTicks` ticks. An empty or degenerate range
    /// (equal ends, NaN, infinity) still gives a usable scale around the value or 0…1.
    ///
    /// `integerSteps` is for axes that count things (customers, orders): a step below 1 would put
    /// ticks at 0.2, 0.4… that a count label rounds to `0 0 0 1 1 1`, so the step is at least 1
    /// and the ticks are whole numbers (a maximum of 1 gives the ticks 0 and 1).
    public init(min: Double, max: Double, targetTicks: Int = 5, integerSteps: Bool = false) {
        var lo = min.isFinite ? min : 0
        var hi = max.isFinite ? max : 0
        if lo > hi { swap(&lo, &hi) }
        if lo == hi {
            if lo == 0 { hi = 1 } else if lo > 0 { lo = 0 } else { hi = 0 }
        }
        let range = Self.nice(hi - lo, round: false)
        let niceStep = Self.nice(range / Double(Swift.max(targetTicks - 1, 1)), round: true)
        // Nice steps of 1 or more are 1, 2, 5 × 10ⁿ: already whole numbers.
        let step = integerSteps ? Swift.max(1, niceStep) : niceStep
        self.step = step
        self.lower = (lo / step).rounded(.down) * step
        self.upper = (hi / step).rounded(.up) * step
    }

    /// Tick values from `lower` to `upper`, computed by index so no error accumulates.
    public var ticks: [Double] {
        let n = Int(((upper - lower) / step).rounded())
        return (0...Swift.max(n, 0)).map { i in
            let v = lower + Double(i) * step
            return abs(v) < step * 1e-9 ? 0 : v
        }
    }

    /// Where `v` falls between `lower` (0) and `upper` (1).
    public func fraction(_ v: Double) -> Double {
        guard v.isFinite, upper > lower else { return 0 }
        return (v - lower) / (upper - lower)
    }

    static func nice(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        var exponent = 0
        var f = x
        while f >= 10 { f /= 10; exponent += 1 }
        while f < 1 { f *= 10; exponent -= 1 }
        let niceFraction: Double =
            round
            ? (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10)
            : (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10)
        var p = 1.0
        for _ in 0..<abs(exponent) { p *= 10 }
        return exponent >= 0 ? niceFraction * p : niceFraction / p
    }
}
