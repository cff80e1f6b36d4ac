/// Ticket priorities as exports write them (urgent/high/normal/low, or already Chinese) shown in the
/// report's language, and ordered by severity rather than alphabetically.
public enum PriorityName {
    /// canonical lower-case value → (severity rank, Chinese)
    static let known: [String: (rank: Int, zh: String)] = [
        "urgent": (0, "紧急"), "critical": (0, "紧急"), "紧急": (0, "紧急"),
        "high": (1, "高"), "高": (1, "高"),
        "medium": (2, "中"), "normal": (2, "中"), "中": (2, "中"), "普通": (2, "普通"),
        "low": (3, "低"), "低": (3, "低"),
    ]

    public static func text(_ value: String, _ language: ReportLanguage) -> String {
        language == .zh ? known[value.lowercased()]?.zh ?? value : value
    }

    /// Most severe first; values the table does not know follow in their own order.
    public static func severityRank(_ value: String) -> Int {
        known[value.lowercased()]?.rank ?? 4
    }
}
