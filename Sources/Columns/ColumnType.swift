/// The physical types a column can hold. Dates are days since 1970-01-01, timestamps seconds since
/// the epoch (UTC); both stay integers so kernels compare and bucket them without calendars.
public enum ColumnType: String, Sendable, CaseIterable, Codable {
    case int64
    case double
    case bool
    case date
    case timestamp
    case string
}
