import Foundation

/// One ETS model fitted by maximum likelihood. With additive Gaussian errors the likelihood concentrates to
/// n·log(SSE) (Hyndman et al. 2008, §5.2), minimised jointly over smoothing parameters and initial states.
public struct ETSModelFit: Codable, Sendable, Equatable {
    public var spec: ETSSpec
    public var parameters: ETSParameters
    public var finalState: ETSState
    public var sse: Double
    /// Gaussian log-likelihood at σ² = SSE/n, all constants included (as R's forecast::ets reports it).
    public var logLikelihood: Double
    public var aic: Double
    public var aicc: Double
    public var bic: Double
    /// Residual variance SSE/(n − k), the σ² prediction intervals use.
    public var sigma2: Double
    /// Estimated quantities: smoothing parameters + free initial states + σ².
    public var parameterCount: Int
    public var convergence: Convergence
}

enum ETSEstimation {
    /// Bounds of the "usual" admissible region used by forecast::ets: 1e-4 ≤ β ≤ α ≤ 0.9999, γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98.
    static let lower = 1e-4, upper = 0.9999, phiLower = 0.8, phiUpper = 0.98

    static func logistic(_ u: Double) -> Double { 1 / (1 + exp(-u)) }
    static func logit(_ p: Double) -> Double { log(p / (1 - p)) }

    /// Number of free quantities for a spec (without σ²).
    static func freeParameters(_ spec: ETSSpec, seasonPeriod m: Int) -> Int {
        var k = 2  // α, l0
        if spec.trend != .none { k += 2 }  // β, b0
        if spec.trend == .damped { k += 1 }  // φ
        if spec.season != .none { k += 1 + (m - 1) }  // γ and m − 1 free seasonal states
        return k
    }

    static func fit(_ y: [Double], spec: ETSSpec, seasonPeriod m: Int) -> ETSModelFit? {
        let n = y.count
        let hasTrend = spec.trend != .none, damped = spec.trend == .damped, seasonal = spec.season != .none
        let multiplicative = spec.season == .multiplicative
        let period = seasonal ? m : 0
        let start = ETSInitialization.start(y, spec: spec, seasonPeriod: m)
        let mean = y.reduce(0, +) / Double(n)
        let spread = max((y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot(), 1e-8 * max(1, abs(mean)))
        // Initial states are searched as start + scale·u so every coordinate has a comparable step size.
        let stateScale = spread
        let sseFloor = 1e-20 * Double(n) * spread * spread
        let seasonScale = multiplicative ? 0.05 : spread

        struct Decoded { var recursion: ETSRecursion; var level: Double; var trend: Double; var season: [Double] }
        func decode(_ u: [Double]) -> Decoded? {
            var i = 0
            let alpha = lower + (upper - lower) * logistic(u[i]); i += 1
            var beta = 0.0, gamma = 0.0, phi = 1.0
            if hasTrend { beta = lower + (alpha - lower) * logistic(u[i]); i += 1 }
            if seasonal {
                let room = 1 - alpha - lower
                guard room > 0 else { return nil }
                gamma = lower + room * logistic(u[i]); i += 1
            }
            if damped { phi = phiLower + (phiUpper - phiLower) * logistic(u[i]); i += 1 }
            let level = start.level + stateScale * u[i]; i += 1
            var trend = 0.0
            if hasTrend { trend = start.trend + stateScale * 0.1 * u[i]; i += 1 }
            var season: [Double] = []
            if seasonal {
                season = [Double](repeating: 0, count: period)
                var partial = 0.0
                for j in 0..<(period - 1) { season[j] = start.season[j] + seasonScale * u[i]; partial += season[j]; i += 1 }
                season[period - 1] = multiplicative ? Double(period) - partial : -partial
                if multiplicative && season.contains(where: { $0 <= 0 }) { return nil }
            }
            return Decoded(
                recursion: ETSRecursion(spec: spec, alpha: alpha, beta: beta, gamma: gamma, phi: phi),
                level: level, trend: trend, season: season)
        }

        let dimension = freeParameters(spec, seasonPeriod: m)
        func startVector(alpha: Double, gammaShare: Double = 0.1) -> [Double] {
            var u = [logit((alpha - lower) / (upper - lower))]
            if hasTrend { u.append(logit(0.1)) }
            if seasonal { u.append(logit(gammaShare)) }
            if damped { u.append(logit(0.8)) }
            u.append(contentsOf: [Double](repeating: 0, count: dimension - u.count))
            return u
        }
        var scratch = [Double](repeating: 0, count: period)
        let objective: ([Double]) -> Double = { u in
            guard let d = decode(u) else { return .infinity }
            scratch = d.season
            let sse = y.withUnsafeBufferPointer { d.recursion.run($0, level: d.level, trend: d.trend, season: &scratch).sse }
            // Floor SSE at a tiny fraction of the series' variance: an exact fit (a perfectly linear series) would
            // otherwise send the objective to −∞ and the simplex chasing rounding noise.
            return sse.isFinite ? Double(n) * log(max(sse, sseFloor)) : .infinity
        }
        // Seasonal surfaces have corner optima (α → 1, γ → 0) that trap a single start; a start with a strong
        // seasonal update finds the interior optimum R's forecast::ets reports on AirPassengers.
        var starts = [startVector(alpha: 0.2), startVector(alpha: 0.7)]
        if seasonal { starts.append(startVector(alpha: 0.3, gammaShare: 0.8)) }
        // A short simplex phase only has to reach BFGS's basin: on AirPassengers, wineind, woolyrnq, austres and lynx
        // every candidate's AICc is identical (to 0.01) with 40·k or 300·k simplex steps, at a third of the time.
        let best = MultiStartMinimizer.minimize(objective, starts: starts, simplexIterations: 40 * dimension, simplexTolerance: 1e-9)
        guard best.value.isFinite, let d = decode(best.point) else { return nil }
        var season = d.season
        let outcome = y.withUnsafeBufferPointer { d.recursion.run($0, level: d.level, trend: d.trend, season: &season) }
        guard outcome.sse.isFinite else { return nil }
        var rotated = season
        for j in 0..<period { rotated[j] = season[(outcome.phase + j) % period] }

        let k = dimension + 1
        let sse = max(outcome.sse, sseFloor)
        let logLikelihood = -0.5 * Double(n) * (log(2 * Double.pi * sse / Double(n)) + 1)
        let aic = -2 * logLikelihood + 2 * Double(k)
        let aicc = n - k - 1 > 0 ? aic + 2 * Double(k * (k + 1)) / Double(n - k - 1) : .infinity
        let bic = aic + (log(Double(n)) - 2) * Double(k)
        let r = d.recursion
        return ETSModelFit(
            spec: spec,
            parameters: ETSParameters(
                alpha: r.alpha, beta: hasTrend ? r.beta : nil, gamma: seasonal ? r.gamma : nil, phi: damped ? r.phi : nil,
                initialLevel: d.level, initialTrend: hasTrend ? d.trend : nil, initialSeason: d.season),
            finalState: ETSState(level: outcome.level, trend: outcome.trend, season: rotated),
            sse: outcome.sse, logLikelihood: logLikelihood, aic: aic, aicc: aicc, bic: bic,
            sigma2: outcome.sse / Double(max(n - dimension, 1)), parameterCount: k, convergence: best.convergence)
    }
}
