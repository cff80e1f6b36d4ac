/// A record that was not loaded: where it was (source, physical line, column), why, and its text,
/// so it can be fixed and re-fed. Written to quarantine.csv.
public struct QuarantinedRow: Codable, Sendable, Equatable {
    public var source: String
    /// 1-based physical line where the record starts (for SQLite, the 1-based result row).
    public var line: Int
    public var column: String?
    public var reason: String
    public var raw: String

    public init(source: String, line: Int, column: String?, reason: String, raw: String) {
        self.source = source
        self.line = line
        self.column = column
        self.reason = reason
        self.raw = raw
    }

    /// `file:line: column: reason`, the form printed on a terminal.
    public var location: String {
        "\(source):\(line)" + (column.map { " [\($0)]" } ?? "")
    }
}
