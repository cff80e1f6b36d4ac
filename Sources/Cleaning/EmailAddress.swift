/// The result of normalising one e-mail cell. A suspected typo in the domain is reported in
/// `suggestion`, never applied: `zhang@gmial.com` may be a real mailbox.
public struct EmailAddress: Sendable, Equatable, Codable {
    /// Trimmed, width-folded, lower-cased; the cleaned input when invalid; "" when empty.
    public var value: String
    public var isValid: Bool
    /// Why the address is not valid, or what looks wrong about it.
    public var issue: String?
    /// The well-known domain the address probably meant (`gmail.com` for `gmial.com`).
    public var suggestedDomain: String?

    public init(value: String, isValid: Bool, issue: String? = nil, suggestedDomain: String? = nil) {
        self.value = value
        self.isValid = isValid
        self.issue = issue
        self.suggestedDomain = suggestedDomain
    }

    /// The part after the last `@`, or "" when there is none.
    public var domain: Substring {
        guard let at = value.lastIndex(of: "@") else { return "" }
        return value[value.index(after: at)...]
    }
}
