import Cleaning

/// The `cleanup:` block of a pipeline file, read by `crm clean`: where the cleaned set goes, in
/// which language its data-quality page is written, and the validation rules that quarantine or
/// flag source rows before they are matched.
public struct CleanupSettings: Sendable {
    /// Output folder, absolute (resolved against the pipeline file); nil = `reports/cleanup` in the project.
    public var out: String?
    public var lang: String = "en"
    /// Checked on the customers table, in order, before cleaning and matching.
    public var validate: [ValidationRule] = []

    public init(out: String? = nil, lang: String = "en", validate: [ValidationRule] = []) {
        self.out = out
        self.lang = lang
        self.validate = validate
    }
}
