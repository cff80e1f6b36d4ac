import Columns

extension PIIMask {
    public enum Kind: Sendable, Equatable { case phone, email, name }

    /// `table` with the named string columns masked (nulls stay null). The runner calls this on a
    /// scoped table before writing it when the pipeline asks for `mask_pii`. A named column that is
    /// missing is an error (a typo would otherwise leak the data); one that is not a string column
    /// is an error too.
    public static func masking(_ table: Table, _ columns: [(name: String, kind: Kind)]) throws(TableError) -> Table {
        var out = table
        for (name, kind) in columns {
            let column = try table.column(name)
            guard let strings = column.strings else {
                throw .typeMismatch(table: table.name, column: name, expected: .string, got: column.type)
            }
            var masked: [String?] = []
            masked.reserveCapacity(table.rowCount)
            for row in 0..<table.rowCount {
                guard let value = strings[row] else { masked.append(nil); continue }
                switch kind {
                case .phone: masked.append(phone(value))
                case .email: masked.append(email(value))
                case .name: masked.append(self.name(value))
                }
            }
            try out.add(name, .string(StringColumn(masked)))
        }
        return out
    }
}
