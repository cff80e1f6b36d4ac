import Foundation

/// Benchmark methods used when a series is too short (or too degenerate) for ETS: seasonal naive when at least one
/// full season is observed, otherwise drift (naive with a straight line through the first and last values), otherwise
/// naive. Intervals follow Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, §5.5 (residual σ scaled
/// by the method's h-step factor).
public enum FallbackMethod: String, Codable, Sendable {
    case naive = "naive"
    case seasonalNaive = "seasonal naive"
    case drift = "drift"
}

enum FallbackForecaster {
    static func choose(count n: Int, seasonPeriod m: Int) -> FallbackMethod {
        if m > 1 && n >= m + 1 { return .seasonalNaive }
        if n >= 2 { return .drift }
        return .naive
    }

    static func forecast(_ y: [Double], seasonPeriod m: Int, method: FallbackMethod, horizon h: Int, notes: [String]) -> Forecast {
        let n = y.count
        var residuals: [Double] = []
        var point = [Double](repeating: 0, count: h)
        var scale = [Double](repeating: 0, count: h)
        switch method {
        case .naive:
            for t in 1..<max(n, 1) { residuals.append(y[t] - y[t - 1]) }
            for i in 0..<h { point[i] = y[n - 1]; scale[i] = Double(i + 1).squareRoot() }
        case .seasonalNaive:
            for t in m..<n { residuals.append(y[t] - y[t - m]) }
            for i in 0..<h {
                let k = i / m  // completed seasons before step i + 1
                point[i] = y[n - m + (i % m)]
                scale[i] = Double(k + 1).squareRoot()
            }
        case .drift:
            let slope = (y[n - 1] - y[0]) / Double(n - 1)
            for t in 1..<n { residuals.append(y[t] - y[t - 1] - slope) }
            for i in 0..<h {
                let step = Double(i + 1)
                point[i] = y[n - 1] + step * slope
                scale[i] = (step * (1 + step / Double(n))).squareRoot()
            }
        }
        var notes = notes
        let dof = method == .drift ? residuals.count - 1 : residuals.count
        let sigma = dof > 0 ? (residuals.reduce(0) { $0 + $1 * $1 } / Double(dof)).squareRoot() : 0
        if dof <= 0 { notes.append("too few values to estimate the forecast error: intervals have zero width") }
        func band(_ z: Double, _ sign: Double) -> [Double] { (0..<h).map { point[$0] + sign * z * sigma * scale[$0] } }
        return Forecast(
            model: method.rawValue, point: point,
            lo80: band(NormalQuantile.z80, -1), hi80: band(NormalQuantile.z80, 1),
            lo95: band(NormalQuantile.z95, -1), hi95: band(NormalQuantile.z95, 1),
            intervalMethod: dof > 0 ? "analytic" : "none (no residual spread)", notes: notes)
    }
}
