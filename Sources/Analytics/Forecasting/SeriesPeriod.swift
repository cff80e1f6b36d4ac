/// Spacing of a series' observations, and the season length conventionally used with it (Hyndman & Athanasopoulos,
/// FPP §2.1). Callers with another cycle (e.g. a 5-day business week) pass `seasonPeriod` directly instead.
public enum SeriesPeriod: String, Codable, Sendable, CaseIterable {
    case day, week, month, quarter, year

    /// Observations per season: 7 for days (weekly cycle), 52 for weeks, 12 for months, 4 for quarters, 1 for years.
    public var seasonPeriod: Int {
        switch self {
        case .day: return 7
        case .week: return 52
        case .month: return 12
        case .quarter: return 4
        case .year: return 1
        }
    }
}

extension ETS {
    /// `fit(series:seasonPeriod:)` with the season length implied by the observation spacing.
    public static func fit(series y: [Double], period: SeriesPeriod) throws(ForecastError) -> ETSFit {
        try fit(series: y, seasonPeriod: period.seasonPeriod)
    }
}
