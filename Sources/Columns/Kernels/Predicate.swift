/// The comparison of a column with a constant.
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// A test of one column's value. Null rows never pass a value test (`= x`, `!= x`, `in`, `contains`
/// …) — SQL's rule that a comparison with null is unknown — and only pass `isNull`.
///
/// Orderings: numbers numerically (an int64 column compared with a double constant compares as
/// Double; NaN fails every comparison but `!=`), `false < true`, dates and timestamps by time,
/// strings by their UTF-8 bytes (which is Unicode code point order, not a locale's collation).
public enum ColumnCondition: Sendable, Hashable {
    case compare(ComparisonOperator, Scalar)
    /// `low <= value <= high`, both ends included.
    case between(Scalar, Scalar)
    /// Equal to one of the constants.
    case isIn([Scalar])
    case isNull
    case isNotNull
    /// The string contains these bytes (an empty needle matches every non-null row).
    case contains(String)
    /// The string starts with these bytes.
    case hasPrefix(String)
}

/// A row filter over a table's columns, evaluated by `Table.filter` into a `SelectionVector`.
///
/// `not` is the set complement of its operand within the rows considered, so `not(region = '华东')`
/// keeps the rows whose region is null; write `.compare("region", .notEqual, …)` to leave them out.
public indirect enum Predicate: Sendable, Hashable {
    case column(String, ColumnCondition)
    case and(Predicate, Predicate)
    case or(Predicate, Predicate)
    case not(Predicate)

    public static func compare(_ column: String, _ op: ComparisonOperator, _ value: Scalar) -> Predicate {
        .column(column, .compare(op, value))
    }

    public static func between(_ column: String, _ low: Scalar, _ high: Scalar) -> Predicate {
        .column(column, .between(low, high))
    }

    public static func isIn(_ column: String, _ values: [Scalar]) -> Predicate { .column(column, .isIn(values)) }
    public static func isNull(_ column: String) -> Predicate { .column(column, .isNull) }
    public static func isNotNull(_ column: String) -> Predicate { .column(column, .isNotNull) }
    public static func contains(_ column: String, _ needle: String) -> Predicate { .column(column, .contains(needle)) }
    public static func hasPrefix(_ column: String, _ prefix: String) -> Predicate { .column(column, .hasPrefix(prefix)) }
}
