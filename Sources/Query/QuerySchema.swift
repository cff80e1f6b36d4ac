import Columns

/// What a segment expression may refer to: the columns of the table it selects rows from
/// (customers), the related tables aggregates range over (orders, tickets, …) with their
/// columns, and the names of saved segments for `@name`.
public struct QuerySchema: Sendable {
    public struct TableSchema: Sendable {
        public var name: String
        /// In table order; order matters for deterministic suggestions.
        public var columns: [(name: String, type: ColumnType)]

        public init(name: String, columns: [(name: String, type: ColumnType)]) {
            self.name = name
            self.columns = columns
        }

        public init(_ table: Table) {
            self.init(name: table.name, columns: zip(table.columnNames, table.columns).map { ($0, $1.type) })
        }

        public func type(of column: String) -> ColumnType? {
            columns.first { $0.name == column }?.type
        }
    }

    public var base: TableSchema
    public var related: [TableSchema]
    public var segments: [String]

    public init(base: TableSchema, related: [TableSchema] = [], segments: [String] = []) {
        self.base = base
        self.related = related
        self.segments = segments
    }

    /// From loaded tables (e.g. a snapshot's): `base` is the table segments select from.
    public init(base: Table, related: [Table] = [], segments: [String] = []) {
        self.init(base: TableSchema(base), related: related.map(TableSchema.init), segments: segments)
    }

    public func relatedTable(_ name: String) -> TableSchema? {
        related.first { $0.name == name }
    }
}
