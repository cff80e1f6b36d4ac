/// One aggregate column of a group-by: what to compute, over which column, and the output name.
///
/// Null values are skipped by every function but `count` (SQL's rule); a group with no non-null
/// value gets null from `sum`, `min`, `max` and `mean`, and 0 from the counts.
/// Output types: counts → int64; `sum` → int64 for int64 input (throws on overflow), double for
/// double input; `mean` → double (int64 or double input); `min`/`max` → the input's type, for every
/// type (strings by UTF-8 bytes, `false < true`, NaN above every number).
public struct Aggregate: Sendable, Hashable {
    public enum Function: String, Sendable, Hashable {
        /// Rows in the group, nulls included.
        case count
        /// Non-null values in the group.
        case countNonNull
        /// Distinct non-null values in the group.
        case countDistinct
        case sum
        case min
        case max
        case mean
    }

    public var function: Function
    /// The input column; nil only for `count`.
    public var column: String?
    /// The output column's name.
    public var name: String

    public init(_ function: Function, _ column: String?, as name: String) {
        self.function = function
        self.column = column
        self.name = name
    }

    public static func count(as name: String = "count") -> Aggregate { Aggregate(.count, nil, as: name) }

    public static func countNonNull(_ column: String, as name: String? = nil) -> Aggregate {
        Aggregate(.countNonNull, column, as: name ?? "count_" + column)
    }

    public static func countDistinct(_ column: String, as name: String? = nil) -> Aggregate {
        Aggregate(.countDistinct, column, as: name ?? "distinct_" + column)
    }

    public static func sum(_ column: String, as name: String? = nil) -> Aggregate {
        Aggregate(.sum, column, as: name ?? "sum_" + column)
    }

    public static func min(_ column: String, as name: String? = nil) -> Aggregate {
        Aggregate(.min, column, as: name ?? "min_" + column)
    }

    public static func max(_ column: String, as name: String? = nil) -> Aggregate {
        Aggregate(.max, column, as: name ?? "max_" + column)
    }

    public static func mean(_ column: String, as name: String? = nil) -> Aggregate {
        Aggregate(.mean, column, as: name ?? "mean_" + column)
    }
}
