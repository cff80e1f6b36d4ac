import Columns

/// The rows an expression is evaluated over: the base table (customers), or inside an
/// aggregate's `where`, the rows of a related table that belong to some customer, each with the
/// base row it belongs to (`owner`), so a base column named there is read through it.
struct Frame {
    let table: Table
    /// nil for the base frame; the related table's name otherwise.
    let relatedName: String?
    /// Frame row i is table row `rows[i]`; nil means frame rows are table rows.
    let rows: [Int32]?
    /// Frame row → base row (-1 when it belongs to none); nil for the base frame.
    let owner: [Int32]?
    let rowCount: Int

    static func base(_ table: Table) -> Frame {
        Frame(table: table, relatedName: nil, rows: nil, owner: nil, rowCount: table.rowCount)
    }

    var isBase: Bool { relatedName == nil }

    /// A column of the frame's own table, aligned with the frame's rows.
    func ownColumn(_ name: String) -> Column? {
        guard let c = table[name] else { return nil }
        guard let rows else { return c }
        return c.gather(rows)
    }

    /// A per-base-row column carried to the frame's rows through `owner`.
    func fromBase(_ column: Column) -> Column {
        guard let owner else { return column }
        return column.gather(optionalRows: owner)
    }
}
