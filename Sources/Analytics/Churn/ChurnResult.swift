/// The models the churn analysis fitted, as written into models.json. `bgnbd` is nil when the purchase model could
/// not be fitted (the analysis notes say why); `gammaGamma` is nil without a BG/NBD fit and otherwise carries its own
/// notes (parameters nil when the spend data could not support a fit).
public struct ChurnModels: Codable, Sendable, Equatable {
    public var bgnbd: BGNBDModel?
    public var gammaGamma: GammaGammaModel?
    /// How the BG/NBD likelihood was evaluated: "exact" or "weekly bins, polished on exact histories".
    public var fitMethod: String?
    /// Distinct (x, t_x, T) histories the likelihood was summed over.
    public var distinctHistories: Int
}

/// `ChurnAnalysis`'s output: the tables and notes every section returns, plus the fitted models. The same models are
/// also attached to `analysis.models`, so a runner that only sees `AnalysisResult`s (the suite) can still write them.
public struct ChurnResult: Sendable {
    public var analysis: AnalysisResult
    public var models: ChurnModels
}
