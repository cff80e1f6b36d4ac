import Columns

/// Why `crm clean` stopped, in one line that says what to change.
public enum CleanupError: Error, Equatable, CustomStringConvertible {
    case noCustomerSource(pipeline: String)
    case ambiguousSourceName(name: String, lines: [Int])
    case noCustomerID(columns: [String])
    case unknownValidationColumn(column: String, available: [String])
    /// rows read ≠ linked + quarantined for a source: a bug, never a user error, but stated plainly.
    case accountingMismatch(source: String, read: Int, linked: Int, quarantined: Int)
    case cannotCreateOutput(path: String, reason: String)
    case cannotWriteDatabase(String)
    case unknownRow(String)
    case quarantinedRow(row: String, reason: String)

    public var description: String {
        switch self {
        case .noCustomerSource(let p):
            "\(p): crm clean needs at least one source with 'table: customers'"
        case .ambiguousSourceName(let name, let lines):
            "two customer sources are both named '\(name)' (pipeline lines \(lines.map(String.init).joined(separator: ", "))); rows named \(name):LINE would be ambiguous — give each its own file or table"
        case .noCustomerID(let columns):
            "the customers have no customer_id column (columns: \(columns.joined(separator: ", "))); map one with 'columns: { customer_id: … }'"
        case .unknownValidationColumn(let c, let available):
            "cleanup.validate: no column '\(c)' in the customers loaded\(NameSuggestion.hint(for: c, in: available)) (columns: \(available.joined(separator: ", ")))"
        case .accountingMismatch(let s, let read, let linked, let q):
            "row accounting does not hold for \(s): \(read) rows read ≠ \(linked) linked + \(q) quarantined"
        case .cannotCreateOutput(let path, let reason): "cannot create the output folder \(path): \(reason)"
        case .cannotWriteDatabase(let reason): "cannot write golden.sqlite: \(reason)"
        case .unknownRow(let message): message
        case .quarantinedRow(let row, let reason):
            "row \(row) was quarantined (\(reason)), so it was never compared; see quarantine.csv"
        }
    }
}
