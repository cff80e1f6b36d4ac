import Columns

/// The type of a segment-language expression: the column types, plus durations (`90d`) and the
/// type of a bare `null`.
public enum ValueType: String, Sendable, Equatable {
    case int, double, bool, date, timestamp, string, duration, null

    public init(_ column: ColumnType) {
        switch column {
        case .int64: self = .int
        case .double: self = .double
        case .bool: self = .bool
        case .date: self = .date
        case .timestamp: self = .timestamp
        case .string: self = .string
        }
    }

    var isNumeric: Bool { self == .int || self == .double }
    var isTemporal: Bool { self == .date || self == .timestamp }

    /// How the type reads in an error: "a number", "a date".
    var phrase: String {
        switch self {
        case .int: "an integer"
        case .double: "a number"
        case .bool: "a condition (true/false)"
        case .date: "a date"
        case .timestamp: "a timestamp"
        case .string: "text"
        case .duration: "a duration"
        case .null: "null"
        }
    }
}
