import Columns

extension PIIMask {
    public enum Kind: Sendable, Equatable { case phone, email, name }

    /// `table` with the named string columns masked (nulls stay null). The runner calls this on a
    /// scoped table before writing it when the pipeline asks for `mask_pii`. A named column that is
    /// missing is an error (a typo would otherwise leak the data); one that is not a string column
    /// is an error too.
    public static func masking(_ table: Table, _ columns: [(name: String, kind: Kind)]) throws(TableError) -> Table {
        var sources: [StringColumn] = []
        for (name, _) in columns {
            let column = try table.column(name)
            guard let strings = column.strings else {
                throw .typeMismatch(table: table.name, column: name, expected: .string, got: column.type)
            }
            sources.append(strings)
        }
        // Columns are independent: each is masked on its own core into its own slot.
        let masked = ParallelChunks.map(columns.count, parallel: table.rowCount > 10_000) { i in
            mask(sources[i], rows: table.rowCount, kind: columns[i].kind)
        }
        var out = table
        for (i, (name, _)) in columns.enumerated() { try out.add(name, .string(masked[i])) }
        return out
    }

    private static func mask(_ strings: StringColumn, rows: Int, kind: Kind) -> StringColumn {
        var buffer = StringBuffer()
        buffer.reserveCapacity(strings: rows, bytes: rows * 16)
        var masked: [UInt8] = []
        for row in 0..<rows {
            guard strings.validity.isValid(row) else { buffer.append(""); continue }
            switch kind {
            // Phones and e-mails are masked from the bytes, without a String per value.
            case .phone, .email:
                masked.removeAll(keepingCapacity: true)
                strings.withBytes(row) { kind == .phone ? appendPhone($0, to: &masked) : appendEmail($0, to: &masked) }
                masked.withUnsafeBytes { buffer.append($0) }
            case .name: buffer.append(self.name(strings[row] ?? ""))
            }
        }
        return StringColumn(storage: .plain(buffer), validity: strings.validity)
    }
}
