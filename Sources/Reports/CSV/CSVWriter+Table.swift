import Columns

extension CSVWriter {
    /// A `Table` as CSV: a header of column names, then one record per row. Nulls are empty
    /// fields; strings are written from the column's bytes and integers digit by digit, so no
    /// String is built per cell for them. Other types use `Column.text(at:)`.
    public static func encode(_ table: Table, bom: Bool) -> [UInt8] {
        var w = CSVWriter(bom: bom, reserve: 64 + table.rowCount * table.columnCount * 8)
        for name in table.columnNames { w.writeText(name) }
        w.endRecord()
        for row in 0..<table.rowCount {
            for column in table.columns {
                if column.isNull(row) {
                    w.writeEmpty()
                    continue
                }
                switch column {
                case .string(let s): s.withBytes(row) { w.writeText($0) }
                case .int64(let c): w.writeInteger(c.values[row])
                default: w.writeRaw(column.text(at: row) ?? "")
                }
            }
            w.endRecord()
        }
        return w.bytes
    }

    /// A header and rows of text as CSV (every field treated as text).
    public static func encode(header: [String], rows: [[String?]], bom: Bool) -> [UInt8] {
        var w = CSVWriter(bom: bom)
        w.writeRecord(header)
        for r in rows { w.writeRecord(r) }
        return w.bytes
    }
}

extension ReportLanguage {
    /// Chinese users open CSVs in Excel, which needs the BOM to read UTF-8.
    public var csvWantsBOM: Bool { self == .zh }
}
