/// A named set of equal-length columns, with optional lineage. Column order is kept, since it is
/// the order users see in CSVs and reports.
public struct Table: Sendable {
    public var name: String
    public private(set) var columnNames: [String]
    public private(set) var columns: [Column]
    public var lineage: Lineage?
    public private(set) var rowCount: Int

    public init(name: String, rowCount: Int = 0) {
        self.name = name
        self.columnNames = []
        self.columns = []
        self.lineage = nil
        self.rowCount = rowCount
    }

    public init(name: String, columns: [(String, Column)], lineage: Lineage? = nil) throws(TableError) {
        self.init(name: name, rowCount: columns.first?.1.count ?? lineage?.count ?? 0)
        for (n, c) in columns { try add(n, c) }
        if let lineage {
            guard lineage.count == rowCount else {
                throw .lengthMismatch(table: name, column: "lineage", expected: rowCount, got: lineage.count)
            }
            self.lineage = lineage
        }
        checkInvariants()
    }

    public var columnCount: Int { columns.count }

    public func index(of column: String) -> Int? { columnNames.firstIndex(of: column) }

    public subscript(column: String) -> Column? {
        index(of: column).map { columns[$0] }
    }

    public func column(_ name: String) throws(TableError) -> Column {
        guard let c = self[name] else { throw .noSuchColumn(table: self.name, column: name, available: columnNames) }
        return c
    }

    /// Adds a column, or replaces the one of the same name.
    public mutating func add(_ name: String, _ column: Column) throws(TableError) {
        if columns.isEmpty && lineage == nil && rowCount == 0 { rowCount = column.count }
        guard column.count == rowCount else {
            throw .lengthMismatch(table: self.name, column: name, expected: rowCount, got: column.count)
        }
        if let i = index(of: name) {
            columns[i] = column
        } else {
            columnNames.append(name)
            columns.append(column)
        }
    }

    public mutating func remove(_ name: String) {
        guard let i = index(of: name) else { return }
        columnNames.remove(at: i)
        columns.remove(at: i)
    }

    /// Rows `rows` of every column (and of the lineage), in that order.
    public func gather(_ rows: some Collection<Int>) -> Table {
        var out = Table(name: name, rowCount: rows.count)
        out.columnNames = columnNames
        RowIndices.withChecked(rows, count: rowCount) { rows in
            out.columns = columns.map { $0.gather(rows: rows) }
            out.lineage = lineage?.gather(rows: rows)
        }
        out.checkInvariants()
        return out
    }

    /// Only the named columns, in the given order.
    public func select(_ names: [String]) throws(TableError) -> Table {
        var out = Table(name: name, rowCount: rowCount)
        out.lineage = lineage
        for n in names { try out.add(n, try column(n)) }
        return out
    }
}

public enum TableError: Error, Equatable, CustomStringConvertible {
    case lengthMismatch(table: String, column: String, expected: Int, got: Int)
    case noSuchColumn(table: String, column: String, available: [String])
    case typeMismatch(table: String, column: String, expected: ColumnType, got: ColumnType)

    public var description: String {
        switch self {
        case .lengthMismatch(let t, let c, let e, let g):
            "table \(t): column \(c) has \(g) rows, the table has \(e)"
        case .noSuchColumn(let t, let c, let available):
            "table \(t) has no column \(c) (columns: \(available.joined(separator: ", ")))"
        case .typeMismatch(let t, let c, let e, let g):
            "table \(t): column \(c) is \(g), expected \(e)"
        }
    }
}
