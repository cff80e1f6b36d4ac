import Foundation

/// Automatic exponential smoothing: every admissible additive-error ETS model (trend N/A/Ad × season N/A/M) is fitted
/// by maximum likelihood and the one with the lowest AICc is kept (Hyndman et al. 2008; Hyndman & Khandakar 2008).
/// Series too short or degenerate for ETS get a benchmark method instead, and the result says so.
public enum ETS {
    /// Longest season the seasonal models are fitted for (forecast::ets uses the same limit).
    public static let maximumSeasonPeriod = 24

    /// Fits a series of equally spaced observations.
    /// - Parameter seasonPeriod: observations per season (12 monthly, 4 quarterly, 52 weekly, 7 daily); 1 = none.
    public static func fit(series y: [Double], seasonPeriod m: Int) throws(ForecastError) -> ETSFit {
        guard !y.isEmpty else { throw .emptySeries }
        guard m >= 1 else { throw .invalidSeasonPeriod(m) }
        if let bad = y.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(index: bad, value: y[bad]) }
        let n = y.count
        var notes: [String] = []

        func fallback(_ reason: String) -> ETSFit {
            let method = FallbackForecaster.choose(count: n, seasonPeriod: m)
            return ETSFit(
                seasonPeriod: m, observations: n, selected: nil, fallback: method, candidates: [],
                notes: notes + ["\(reason); forecast by \(method.rawValue) instead of ETS"], fallbackSeries: y)
        }

        let lowest = y.min()!, highest = y.max()!
        if highest - lowest <= 1e-12 * max(1, abs(highest)) {
            notes.append("constant series: every value is \(y[0])")
            let fit = ETSFit(
                seasonPeriod: m, observations: n, selected: nil, fallback: .naive, candidates: [],
                notes: notes + ["constant series; forecast by naive (the constant) with zero-width intervals"], fallbackSeries: y)
            return fit
        }

        var specs = ETSSpec.all
        if m == 1 {
            specs.removeAll { $0.season != .none }
        } else if m > maximumSeasonPeriod {
            // As forecast::ets: m − 1 free seasonal states make the likelihood too flat to estimate and AICc's
            // penalty swamps them (weekly data, m = 52); a seasonal-naive benchmark or a coarser series is better.
            specs.removeAll { $0.season != .none }
            notes.append("season period \(m) exceeds \(maximumSeasonPeriod): seasonal ETS models not considered (aggregate to months for seasonality)")
        } else if n < 2 * m {
            specs.removeAll { $0.season != .none }
            notes.append("\(n) values are fewer than two full seasons of \(m): seasonal models not considered")
        }
        if lowest <= 0 && specs.contains(where: { $0.season == .multiplicative }) {
            specs.removeAll { $0.season == .multiplicative }
            notes.append("series has zero or negative values: multiplicative seasonality not considered")
        }

        var candidates: [ETSFit.Candidate] = []
        var best: ETSModelFit?
        for spec in specs {
            let k = ETSEstimation.freeParameters(spec, seasonPeriod: m) + 1
            // forecast::ets's rule: at least k + 4 observations, so AICc's correction is defined and not dominant.
            guard n >= k + 4, let fitted = ETSEstimation.fit(y, spec: spec, seasonPeriod: m), fitted.aicc.isFinite else {
                candidates.append(.init(model: spec.name, aicc: nil, converged: nil))
                continue
            }
            candidates.append(.init(model: spec.name, aicc: fitted.aicc, converged: fitted.convergence.converged))
            if best == nil || fitted.aicc < best!.aicc { best = fitted }
        }
        guard let selected = best else {
            return fallback("\(n) values are too few for any ETS model (ETS(A,N,N) needs at least 7)")
        }
        if !selected.convergence.converged { notes.append("optimizer did not fully converge for \(selected.spec.name)") }
        return ETSFit(
            seasonPeriod: m, observations: n, selected: selected, fallback: nil, candidates: candidates, notes: notes,
            fallbackSeries: [])
    }

    /// Fits one given model (no selection); nil when the series is too short or the model inadmissible for it.
    public static func fit(series y: [Double], seasonPeriod m: Int, spec: ETSSpec) -> ETSModelFit? {
        guard !y.isEmpty, m >= 1, y.allSatisfy(\.isFinite) else { return nil }
        if spec.season != .none && (m < 2 || y.count < 2 * m) { return nil }
        if spec.season == .multiplicative && y.contains(where: { $0 <= 0 }) { return nil }
        return ETSEstimation.fit(y, spec: spec, seasonPeriod: m)
    }
}
