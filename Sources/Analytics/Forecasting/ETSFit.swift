import Foundation

/// The outcome of `ETS.fit`: the AICc-selected model (or the fallback used instead), every candidate's AICc, and notes.
/// Codable as written into models.json.
public struct ETSFit: Codable, Sendable, Equatable {
    public struct Candidate: Codable, Sendable, Equatable {
        public var model: String
        /// nil when the model was not admissible for this series (too few values, non-positive data for M).
        public var aicc: Double?
        public var converged: Bool?
    }

    public var seasonPeriod: Int
    public var observations: Int
    /// The selected ETS model; nil when a fallback method forecasts instead.
    public var selected: ETSModelFit?
    public var fallback: FallbackMethod?
    public var candidates: [Candidate]
    public var notes: [String]
    /// The series itself, kept only for fallbacks (which forecast from raw values); empty for ETS fits.
    var fallbackSeries: [Double]

    public var modelName: String { selected?.spec.name ?? fallback?.rawValue ?? "none" }

    /// Simulation settings for models without closed-form variance; fixed so reports are reproducible.
    public static let simulationPaths = 5_000
    public static let simulationSeed: UInt64 = 0x5EED_2005

    /// Point forecasts and 80 %/95 % intervals for 1…`horizon` steps ahead (empty for horizon < 1).
    public func forecast(horizon: Int) -> Forecast {
        guard horizon > 0 else {
            return Forecast(model: modelName, point: [], lo80: [], hi80: [], lo95: [], hi95: [], intervalMethod: "none (horizon < 1)", notes: notes)
        }
        guard let fit = selected else {
            return FallbackForecaster.forecast(
                fallbackSeries, seasonPeriod: seasonPeriod, method: fallback ?? .naive, horizon: horizon, notes: notes)
        }
        return fit.spec.hasAnalyticVariance ? analytic(fit, horizon) : simulated(fit, horizon)
    }

    static func pointForecast(_ fit: ETSModelFit, horizon h: Int) -> [Double] {
        let s = fit.finalState
        let phi = fit.parameters.phi ?? 1
        var damping = 0.0
        var out = [Double](repeating: 0, count: h)
        for i in 0..<h {
            switch fit.spec.trend {
            case .none: damping = 0
            case .additive: damping = Double(i + 1)
            case .damped: damping += pow(phi, Double(i + 1))
            }
            let base = s.level + damping * s.trend
            switch fit.spec.season {
            case .none: out[i] = base
            case .additive: out[i] = base + s.season[i % s.season.count]
            case .multiplicative: out[i] = base * s.season[i % s.season.count]
            }
        }
        return out
    }

    /// Class-1 variance (Hyndman et al. 2008, Table 6.1): σ²_h = σ²(1 + Σ_{j<h} c_j²), c_j = α + β·φ_j + γ·[m | j],
    /// with φ_j = j (additive trend), φ + … + φ^j (damped), 0 (none).
    private func analytic(_ fit: ETSModelFit, _ h: Int) -> Forecast {
        let p = fit.parameters
        let point = Self.pointForecast(fit, horizon: h)
        var lo80 = point, hi80 = point, lo95 = point, hi95 = point
        var accumulated = 1.0
        var phiJ = 0.0
        for i in 0..<h {
            if i > 0 {
                let j = i
                switch fit.spec.trend {
                case .none: phiJ = 0
                case .additive: phiJ = Double(j)
                case .damped: phiJ += pow(p.phi ?? 1, Double(j))
                }
                var c = p.alpha + (p.beta ?? 0) * phiJ
                if fit.spec.season != .none && j % seasonPeriod == 0 { c += p.gamma ?? 0 }
                accumulated += c * c
            }
            let sd = (fit.sigma2 * accumulated).squareRoot()
            lo80[i] = point[i] - NormalQuantile.z80 * sd
            hi80[i] = point[i] + NormalQuantile.z80 * sd
            lo95[i] = point[i] - NormalQuantile.z95 * sd
            hi95[i] = point[i] + NormalQuantile.z95 * sd
        }
        return Forecast(model: fit.spec.name, point: point, lo80: lo80, hi80: hi80, lo95: lo95, hi95: hi95, intervalMethod: "analytic", notes: notes)
    }

    /// Multiplicative seasonality has no closed-form variance: simulate future sample paths with Gaussian errors from
    /// a fixed seed and take empirical quantiles.
    private func simulated(_ fit: ETSModelFit, _ h: Int) -> Forecast {
        let p = fit.parameters
        let recursion = ETSRecursion(spec: fit.spec, alpha: p.alpha, beta: p.beta ?? 0, gamma: p.gamma ?? 0, phi: p.phi ?? 1)
        let paths = Self.simulationPaths
        let sigma = fit.sigma2.squareRoot()
        var generator = SeededGenerator(seed: Self.simulationSeed)
        // Column-major by step so each step's quantiles read one contiguous slice.
        var draws = [Double](repeating: 0, count: paths * h)
        for path in 0..<paths {
            var state = fit.finalState
            for i in 0..<h {
                let phase = i % state.season.count
                let value = recursion.step(&state, phase: phase, error: sigma * generator.nextGaussian())
                draws[i * paths + path] = value.isFinite ? value : 0
            }
        }
        let point = Self.pointForecast(fit, horizon: h)
        var lo80 = point, hi80 = point, lo95 = point, hi95 = point
        for i in 0..<h {
            var slice = Array(draws[(i * paths)..<((i + 1) * paths)])
            slice.sort()
            lo80[i] = Self.quantile(slice, 0.10)
            hi80[i] = Self.quantile(slice, 0.90)
            lo95[i] = Self.quantile(slice, 0.025)
            hi95[i] = Self.quantile(slice, 0.975)
        }
        return Forecast(
            model: fit.spec.name, point: point, lo80: lo80, hi80: hi80, lo95: lo95, hi95: hi95,
            intervalMethod: "simulation (\(paths) paths, seed \(Self.simulationSeed))", notes: notes)
    }

    /// Linear interpolation between order statistics (Hyndman & Fan type 7, R's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
