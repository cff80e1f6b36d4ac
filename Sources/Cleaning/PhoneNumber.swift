/// What a phone number turned out to be.
public enum PhoneKind: String, Sendable, Codable, CaseIterable {
    /// Chinese mobile: 11 digits, 1[3-9]…
    case mobile
    /// Chinese fixed line with its area code.
    case landline
    /// 400/800 service numbers (10 digits, not dialable from abroad, so kept national).
    case tollFree
    /// Short national service codes such as 95588, 10086, 12345.
    case shortCode
    /// A number under another country code, written in E.164.
    case international
    /// Nothing recognisable.
    case unknown
    /// The cell was empty or only separators.
    case empty
}

/// The result of normalising one phone cell. `value` is never invented: for a number that could
/// not be recognised it is the input, width-folded and trimmed, and `isValid` is false with the
/// reason in `issue`.
public struct PhoneNumber: Sendable, Equatable, Codable {
    /// E.164 (`+8613812345678`, `+861088886666;ext=123`), national digits for toll-free and short
    /// codes, or the cleaned input when invalid.
    public var value: String
    public var kind: PhoneKind
    public var isValid: Bool
    /// Why the number is not valid; nil when it is.
    public var issue: String?

    public init(value: String, kind: PhoneKind, isValid: Bool, issue: String? = nil) {
        self.value = value
        self.kind = kind
        self.isValid = isValid
        self.issue = issue
    }
}
