/// A normalised person name: `display` for golden records and reports, `key` for matching.
public struct PersonName: Sendable, Equatable, Codable {
    /// Width-folded, trimmed, single-spaced; `LAST, First` turned to `First Last`; all-caps or
    /// all-lower Latin words title-cased. "" when empty.
    public var display: String
    /// `display` lower-cased with punctuation dropped: what comparisons and blocking use.
    public var key: String

    public init(display: String, key: String) {
        self.display = display
        self.key = key
    }
}
