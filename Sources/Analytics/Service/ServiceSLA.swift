public struct ServiceParameters: Sendable {
    /// First-response SLA in hours by priority (matched case-insensitively).
    public var firstResponseHours: [String: Double]
    /// Resolution SLA in hours by priority.
    public var resolutionHours: [String: Double]

    /// Defaults after common support tiers (urgent 1 h / 4 h, high 4 h / 1 d, medium 8 h / 3 d,
    /// low 1 d / 7 d), with the Chinese priority names 紧急/高/中/低 as synonyms.
    public init(firstResponseHours: [String: Double] = ServiceParameters.defaultFirstResponse,
                resolutionHours: [String: Double] = ServiceParameters.defaultResolution) {
        self.firstResponseHours = firstResponseHours
        self.resolutionHours = resolutionHours
    }

    public static let defaultFirstResponse: [String: Double] = [
        "urgent": 1, "high": 4, "medium": 8, "normal": 8, "low": 24, "紧急": 1, "高": 4, "中": 8, "低": 24,
    ]
    public static let defaultResolution: [String: Double] = [
        "urgent": 4, "high": 24, "medium": 72, "normal": 72, "low": 168, "紧急": 4, "高": 24, "中": 72, "低": 168,
    ]

    /// The (first response, resolution) thresholds of a priority label.
    func thresholds(for priority: String) -> (Double?, Double?) {
        let key = priority.lowercased()
        func find(_ map: [String: Double]) -> Double? { map.first { $0.key.lowercased() == key }?.value }
        return (find(firstResponseHours), find(resolutionHours))
    }
}
