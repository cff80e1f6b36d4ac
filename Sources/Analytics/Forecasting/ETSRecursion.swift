/// The additive-error state-space recursions (Hyndman et al. 2008, Table 2.3, additive-error half):
///   ŷ_t = (l + φb) ⊕ s,  e_t = y_t − ŷ_t,
///   l ← l + φb + α e (/ s for a multiplicative season),  b ← φb + β e (/ s),  s ← s + γ e (/ (l + φb)).
/// One loop over a contiguous buffer, no allocation per step: this runs thousands of times per fit.
struct ETSRecursion {
    var spec: ETSSpec
    var alpha: Double
    var beta: Double
    var gamma: Double
    var phi: Double

    struct Outcome {
        /// Sum of squared one-step errors; +∞ if a multiplicative model's states left the positive region.
        var sse: Double
        var level: Double
        var trend: Double
        /// Seasonal slot the next observation would use.
        var phase: Int
    }

    /// `season` holds the initial seasonal states on entry and the final ones (unrotated) on exit.
    func run(_ y: UnsafeBufferPointer<Double>, level l0: Double, trend b0: Double, season: inout [Double]) -> Outcome {
        var level = l0
        var trend = spec.trend == .none ? 0 : b0
        let damping = spec.trend == .damped ? phi : (spec.trend == .none ? 0 : 1)
        let m = season.count
        var sse = 0.0
        var k = 0
        for t in 0..<y.count {
            let base = level + damping * trend
            let error: Double
            switch spec.season {
            case .none:
                error = y[t] - base
                level = base + alpha * error
                trend = damping * trend + beta * error
            case .additive:
                let s = season[k]
                error = y[t] - (base + s)
                level = base + alpha * error
                trend = damping * trend + beta * error
                season[k] = s + gamma * error
            case .multiplicative:
                let s = season[k]
                guard s > 0, base > 0 else { return Outcome(sse: .infinity, level: level, trend: trend, phase: k) }
                error = y[t] - base * s
                level = base + alpha * error / s
                trend = damping * trend + beta * error / s
                season[k] = s + gamma * error / base
            }
            sse += error * error
            if m > 0 { k += 1; if k == m { k = 0 } }
        }
        return Outcome(sse: sse.isFinite ? sse : .infinity, level: level, trend: trend, phase: k)
    }

    /// One simulated step from `state`; returns the simulated observation. `phase` is the seasonal slot to use.
    func step(_ state: inout ETSState, phase: Int, error: Double) -> Double {
        let damping = spec.trend == .damped ? phi : (spec.trend == .none ? 0 : 1)
        let base = state.level + damping * state.trend
        switch spec.season {
        case .none:
            state.level = base + alpha * error
            state.trend = damping * state.trend + beta * error
            return base + error
        case .additive:
            let s = state.season[phase]
            state.level = base + alpha * error
            state.trend = damping * state.trend + beta * error
            state.season[phase] = s + gamma * error
            return base + s + error
        case .multiplicative:
            let s = state.season[phase]
            let safeS = s == 0 ? 1e-12 : s
            let safeBase = base == 0 ? 1e-12 : base
            state.level = base + alpha * error / safeS
            state.trend = damping * state.trend + beta * error / safeS
            state.season[phase] = s + gamma * error / safeBase
            return base * s + error
        }
    }
}
