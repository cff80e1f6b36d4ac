/// Settings of the KPI forecasts (`KPIForecastAnalysis`).
public struct KPIForecastParameters: Sendable {
    /// Months forecast ahead of the last complete month.
    public var horizonMonths: Int
    /// Observations per season of the monthly series.
    public var seasonPeriod: Int
    /// Most recent rolling origins the backtest evaluates per series (each is one ETS model selection).
    public var backtestOrigins: Int
    /// Win probability per opportunity stage (labels matched case-insensitively, values in [0, 1]); nil = calibrate
    /// from closed opportunities' history.
    public var stageProbabilities: [String: Double]?

    public init(horizonMonths: Int = 6, seasonPeriod: Int = 12, backtestOrigins: Int = 6, stageProbabilities: [String: Double]? = nil) {
        self.horizonMonths = horizonMonths
        self.seasonPeriod = seasonPeriod
        self.backtestOrigins = backtestOrigins
        self.stageProbabilities = stageProbabilities
    }
}
