/// Trend component of an ETS model (Hyndman, Koehler, Ord & Snyder 2008, "Forecasting with Exponential Smoothing").
public enum ETSTrend: String, Codable, Sendable, CaseIterable {
    case none = "N", additive = "A", damped = "Ad"
}

/// Seasonal component of an ETS model.
public enum ETSSeason: String, Codable, Sendable, CaseIterable {
    case none = "N", additive = "A", multiplicative = "M"
}

/// One member of the additive-error ETS family: ETS(A, trend, season).
public struct ETSSpec: Codable, Sendable, Hashable, CustomStringConvertible {
    public var trend: ETSTrend
    public var season: ETSSeason

    public init(trend: ETSTrend, season: ETSSeason) {
        self.trend = trend
        self.season = season
    }

    public var name: String { "ETS(A,\(trend.rawValue),\(season.rawValue))" }
    public var description: String { name }

    /// Models whose h-step forecast variance has a closed form (Hyndman et al. 2008, class 1, Table 6.1):
    /// additive error, additive or no season. The others get simulated intervals.
    var hasAnalyticVariance: Bool { season != .multiplicative }

    /// Candidates in a fixed order so that AICc ties resolve deterministically to the simpler model.
    static let all: [ETSSpec] = ETSSeason.allCases.flatMap { season in ETSTrend.allCases.map { ETSSpec(trend: $0, season: season) } }
}
