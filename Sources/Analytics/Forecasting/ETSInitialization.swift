/// Heuristic initial states (Hyndman et al. 2008, §2.6.1): seasonal indices from a classical decomposition of the first
/// seasons, level and trend from a straight line through the first (seasonally adjusted) observations. They are only
/// starting values — the states are then estimated with the smoothing parameters by maximum likelihood.
enum ETSInitialization {
    struct Start {
        var level: Double
        var trend: Double
        var season: [Double]
    }

    static func start(_ y: [Double], spec: ETSSpec, seasonPeriod m: Int) -> Start {
        var season: [Double] = []
        var adjusted = y
        if spec.season != .none {
            season = seasonalIndices(y, m: m, multiplicative: spec.season == .multiplicative)
            for t in adjusted.indices {
                adjusted[t] = spec.season == .multiplicative ? y[t] / season[t % m] : y[t] - season[t % m]
            }
        }
        let k = min(adjusted.count, max(10, spec.season == .none ? 10 : 2 * m))
        let head = Array(adjusted.prefix(k))
        if spec.trend == .none {
            return Start(level: head.reduce(0, +) / Double(head.count), trend: 0, season: season)
        }
        // Least squares y = a + b·t, t = 1…k; l0 = a is the level one step before the first observation.
        let n = Double(head.count)
        let meanT = (n + 1) / 2
        let meanY = head.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (i, v) in head.enumerated() {
            let dt = Double(i + 1) - meanT
            sxy += dt * (v - meanY)
            sxx += dt * dt
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        return Start(level: meanY - slope * meanT, trend: slope, season: season)
    }

    /// Average detrended value per seasonal position over the first (up to four) seasons, detrended by a centred
    /// moving average of order m (2×m for even m); normalised to sum 0 (additive) or mean 1 (multiplicative).
    static func seasonalIndices(_ y: [Double], m: Int, multiplicative: Bool) -> [Double] {
        let span = min(y.count, 4 * m)
        let half = m / 2
        var sums = [Double](repeating: 0, count: m)
        var counts = [Double](repeating: 0, count: m)
        if span > 2 * half {
            for t in half..<(span - half) where t + half < y.count {
                var trend = 0.0
                if m % 2 == 1 {
                    for j in (t - half)...(t + half) { trend += y[j] }
                    trend /= Double(m)
                } else {
                    guard t + half < y.count else { continue }
                    trend = 0.5 * (y[t - half] + y[t + half])
                    for j in (t - half + 1)..<(t + half) { trend += y[j] }
                    trend /= Double(m)
                }
                let detrended = multiplicative ? (trend != 0 ? y[t] / trend : 1) : y[t] - trend
                sums[t % m] += detrended
                counts[t % m] += 1
            }
        }
        var indices = (0..<m).map { counts[$0] > 0 ? sums[$0] / counts[$0] : (multiplicative ? 1 : 0) }
        if multiplicative {
            let mean = indices.reduce(0, +) / Double(m)
            indices = indices.map { mean > 0 && $0 > 0 ? $0 / mean : 1 }
        } else {
            let mean = indices.reduce(0, +) / Double(m)
            indices = indices.map { $0 - mean }
        }
        return indices
    }
}
