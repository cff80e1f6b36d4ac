/// The 8-class RFM map of Chinese CRM practice (重要价值客户 … 一般挽留客户): each of R, F, M is
/// "high" or "low" against its mean over the scored customers, giving 2³ classes. "High R" means
/// **more recent**: recency (days since the last purchase) strictly below the mean. High F / high M:
/// frequency / monetary strictly above the mean. A value equal to the mean counts as low.
///
/// | R | F | M | class |
/// |---|---|---|---|
/// | 高 | 高 | 高 | 重要价值 (important value) |
/// | 高 | 低 | 高 | 重要发展 (important to develop) |
/// | 低 | 高 | 高 | 重要保持 (important to keep) |
/// | 低 | 低 | 高 | 重要挽留 (important to win back) |
/// | 高 | 高 | 低 | 一般价值 |
/// | 高 | 低 | 低 | 一般发展 |
/// | 低 | 高 | 低 | 一般保持 |
/// | 低 | 低 | 低 | 一般挽留 |
public enum RFMChineseClass: String, CaseIterable, Sendable {
    case importantValue = "重要价值"
    case importantDevelop = "重要发展"
    case importantKeep = "重要保持"
    case importantRetain = "重要挽留"
    case generalValue = "一般价值"
    case generalDevelop = "一般发展"
    case generalKeep = "一般保持"
    case generalRetain = "一般挽留"

    public init(recentHigh r: Bool, frequencyHigh f: Bool, monetaryHigh m: Bool) {
        switch (r, f, m) {
        case (true, true, true): self = .importantValue
        case (true, false, true): self = .importantDevelop
        case (false, true, true): self = .importantKeep
        case (false, false, true): self = .importantRetain
        case (true, true, false): self = .generalValue
        case (true, false, false): self = .generalDevelop
        case (false, true, false): self = .generalKeep
        case (false, false, false): self = .generalRetain
        }
    }

    public static let ruleText = """
        R, F, M each high/low against the mean of scored customers: R high = recency days below the mean \
        (more recent); F, M high = strictly above the mean. 重要价值 高高高, 重要发展 高低高, 重要保持 低高高, \
        重要挽留 低低高, 一般价值 高高低, 一般发展 高低低, 一般保持 低高低, 一般挽留 低低低 (R F M).
        """
}
