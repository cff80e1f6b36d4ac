/// One column of a sort, and its direction. Nulls sort last in both directions.
public struct SortKey: Sendable, Hashable {
    public var column: String
    public var descending: Bool

    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    public static func ascending(_ column: String) -> SortKey { SortKey(column) }
    public static func descending(_ column: String) -> SortKey { SortKey(column, descending: true) }
}
