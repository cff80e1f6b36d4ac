/// The language a report is written in: picks the label catalog and the number and date style.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en

    /// The `lang` attribute of the page.
    public var htmlLang: String { self == .zh ? "zh-CN" : "en" }
}
