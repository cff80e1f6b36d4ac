/// Point forecasts with 80 % and 95 % prediction intervals, one entry per step ahead.
public struct Forecast: Codable, Sendable, Equatable {
    /// e.g. "ETS(A,Ad,M)", "seasonal naive", "drift".
    public var model: String
    public var point: [Double]
    public var lo80: [Double]
    public var hi80: [Double]
    public var lo95: [Double]
    public var hi95: [Double]
    /// How the intervals were obtained: "analytic", "simulation (n paths, seed s)", or "none (…)".
    public var intervalMethod: String
    /// Why a fallback was used, what was excluded, and anything else a reader of the forecast should know.
    public var notes: [String]

    public var horizon: Int { point.count }
}

/// Standard normal quantiles for the two interval levels reported.
enum NormalQuantile {
    static let z80 = 1.2815515655446004
    static let z95 = 1.959963984540054
}
