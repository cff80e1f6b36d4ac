import Foundation

/// One typed column of a table.
public enum Column: Sendable {
    case int64(PrimitiveColumn<Int64>)
    case double(PrimitiveColumn<Double>)
    case bool(PrimitiveColumn<Bool>)
    /// Days since 1970-01-01.
    case date(PrimitiveColumn<Int32>)
    /// Seconds since 1970-01-01T00:00:00Z.
    case timestamp(PrimitiveColumn<Int64>)
    case string(StringColumn)

    public var type: ColumnType {
        switch self {
        case .int64: .int64
        case .double: .double
        case .bool: .bool
        case .date: .date
        case .timestamp: .timestamp
        case .string: .string
        }
    }

    public var count: Int { validity.count }

    public var validity: Validity {
        switch self {
        case .int64(let c): c.validity
        case .double(let c): c.validity
        case .bool(let c): c.validity
        case .date(let c): c.validity
        case .timestamp(let c): c.validity
        case .string(let c): c.validity
        }
    }

    @inline(__always)
    public func isNull(_ row: Int) -> Bool { !validity.isValid(row) }

    public func gather(_ rows: some Collection<Int>) -> Column {
        RowIndices.withChecked(rows, count: count) { gather(rows: $0) }
    }

    /// The value as text for display and CSV (dates ISO, timestamps `YYYY-MM-DD HH:MM:SS` UTC);
    /// nil for null.
    public func text(at row: Int) -> String? {
        guard validity.isValid(row) else { return nil }
        switch self {
        case .int64(let c): return String(c.values[row])
        case .double(let c): return formatDouble(c.values[row])
        case .bool(let c): return c.values[row] ? "true" : "false"
        case .date(let c): return CivilDate.iso(Int(c.values[row]))
        case .timestamp(let c): return CivilDate.isoTimestamp(c.values[row])
        case .string(let c): return c[row]
        }
    }

    /// Typed accessors that return nil when the column is of another type.
    public var int64s: PrimitiveColumn<Int64>? { if case .int64(let c) = self { c } else { nil } }
    public var doubles: PrimitiveColumn<Double>? { if case .double(let c) = self { c } else { nil } }
    public var bools: PrimitiveColumn<Bool>? { if case .bool(let c) = self { c } else { nil } }
    public var dates: PrimitiveColumn<Int32>? { if case .date(let c) = self { c } else { nil } }
    public var timestamps: PrimitiveColumn<Int64>? { if case .timestamp(let c) = self { c } else { nil } }
    public var strings: StringColumn? { if case .string(let c) = self { c } else { nil } }
}
