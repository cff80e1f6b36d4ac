/// One KPI series' forecast model and backtest, as written into models.json.
public struct KPISeriesModel: Codable, Sendable, Equatable {
    public var series: String
    /// nil when the series could not be fitted at all (the note says why).
    public var fit: ETSFit?
    public var backtest: Backtest.Result?
}

/// The win probability used for one stage of the pipeline forecast and where it came from.
public struct StageProbability: Codable, Sendable, Equatable {
    public var stage: String
    public var probability: Double
    /// "parameter", "calibrated" (won / closed among closed opportunities that reached the stage).
    public var source: String
    /// Closed opportunities that reached the stage (calibrated only).
    public var closedReached: Int?
}

public struct KPIForecastModels: Codable, Sendable, Equatable {
    public var series: [KPISeriesModel]
    public var stageProbabilities: [StageProbability]
}

/// `KPIForecastAnalysis`'s output: tables and notes, plus the fitted models (also attached to `analysis.models`).
public struct KPIForecastResult: Sendable {
    public var analysis: AnalysisResult
    public var models: KPIForecastModels
}
