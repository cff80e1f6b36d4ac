/// Smoothing parameters and initial states of a fitted ETS model. β, γ, φ are nil when the component is absent.
public struct ETSParameters: Codable, Sendable, Equatable {
    public var alpha: Double
    public var beta: Double?
    public var gamma: Double?
    public var phi: Double?
    public var initialLevel: Double
    public var initialTrend: Double?
    /// Seasonal states for the first m observations, in observation order (sum 0 for additive, mean 1 for multiplicative).
    public var initialSeason: [Double]
}

/// Level, trend and seasonal states after the last observation — what forecasting continues from.
public struct ETSState: Codable, Sendable, Equatable {
    public var level: Double
    public var trend: Double
    /// season[k] is the seasonal state used k + 1 steps after the last observation (k < m).
    public var season: [Double]
}
