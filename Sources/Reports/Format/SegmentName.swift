/// RFM segment names as a manager reads them. Analyses and CSVs keep the canonical English names of
/// the 11-segment map (they are data, joined on and queried with `segment = 'Champions'`); only the
/// page shows them in the report's language. Names the map does not know are shown as they are.
public enum SegmentName {
    /// canonical name → Chinese, in the wording common in Chinese CRM and marketing practice.
    static let chinese: [String: String] = [
        "Champions": "冠军客户",
        "Loyal": "忠诚客户",
        "Potential Loyalist": "潜在忠诚客户",
        "New": "新客户",
        "Promising": "有潜力客户",
        "Need Attention": "需要关注",
        "About to Sleep": "即将沉睡",
        "At Risk": "有流失风险",
        "Can't Lose Them": "不能失去",
        "Hibernating": "休眠客户",
        "Lost": "已流失",
    ]

    public static func text(_ canonical: String, _ language: ReportLanguage) -> String {
        language == .zh ? chinese[canonical] ?? canonical : canonical
    }
}
