/// One constant value, as written in a filter (`amount > 100`, `region = '华东'`). Its cases mirror
/// `ColumnType`; there is no null constant — use `ColumnCondition.isNull`.
public enum Scalar: Sendable, Hashable, CustomStringConvertible {
    case int64(Int64)
    case double(Double)
    case bool(Bool)
    /// Days since 1970-01-01.
    case date(Int32)
    /// Seconds since 1970-01-01T00:00:00Z.
    case timestamp(Int64)
    case string(String)

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

    /// A date constant from its civil parts.
    public static func date(year: Int, month: Int, day: Int) -> Scalar {
        .date(Int32(CivilDate.days(year: year, month: month, day: day)))
    }

    public var description: String {
        switch self {
        case .int64(let v): String(v)
        case .double(let v): formatDouble(v)
        case .bool(let v): v ? "true" : "false"
        case .date(let d): CivilDate.iso(Int(d))
        // CivilDate's arithmetic overflows near Int64's ends; such seconds print as a number.
        case .timestamp(let t): (-100_000_000_000_000...100_000_000_000_000).contains(t) ? CivilDate.isoTimestamp(t) : "\(t)s"
        case .string(let s): "'" + s + "'"
        }
    }
}
