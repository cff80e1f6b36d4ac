extension Table {
    /// Stacks tables row-wise (several sources of one canonical table, or chunks of one file).
    /// Columns are matched by name; a column missing from one input is null for its rows; the
    /// column order is first-seen. A name whose types disagree across inputs is an error, since
    /// silently coercing would hide a mapping mistake.
    public static func concatenate(_ tables: [Table], name: String? = nil) throws(TableError) -> Table {
        let outName = name ?? tables.first?.name ?? "table"
        guard tables.count > 1 else { return tables.first.map { var t = $0; t.name = outName; return t } ?? Table(name: outName) }
        var order: [String] = []
        var types: [String: ColumnType] = [:]
        for t in tables {
            for (n, c) in zip(t.columnNames, t.columns) {
                if let known = types[n] {
                    guard known == c.type else { throw .typeMismatch(table: t.name, column: n, expected: known, got: c.type) }
                } else {
                    types[n] = c.type
                    order.append(n)
                }
            }
        }
        let total = tables.reduce(0) { $0 + $1.rowCount }
        var out = Table(name: outName, rowCount: total)
        for n in order {
            var builder = ColumnConcatenator(type: types[n]!, capacity: total)
            for t in tables {
                if let c = t[n] { builder.append(c) } else { builder.appendNulls(t.rowCount) }
            }
            try out.add(n, builder.finish())
        }
        if tables.allSatisfy({ $0.lineage != nil }) {
            var lineage = Lineage()
            for t in tables { lineage.append(contentsOf: t.lineage!) }
            out.lineage = lineage
        }
        out.checkInvariants()
        return out
    }
}

/// Appends whole columns of one type. Strings are re-interned when any input is
/// dictionary-encoded, so the result keeps one dictionary; plain inputs stay plain.
struct ColumnConcatenator {
    private var builder: AnyColumnBuilder

    init(type: ColumnType, capacity: Int) {
        builder = AnyColumnBuilder(type: type, capacity: capacity)
    }

    mutating func append(_ c: Column) {
        let validity = c.validity
        switch c {
        case .int64(let p), .timestamp(let p):
            for r in 0..<p.count { validity.isValid(r) ? builder.integers.append(p.values[r]) : builder.integers.appendNull() }
        case .double(let p):
            for r in 0..<p.count { validity.isValid(r) ? builder.doubles.append(p.values[r]) : builder.doubles.appendNull() }
        case .bool(let p):
            for r in 0..<p.count { validity.isValid(r) ? builder.bools.append(p.values[r]) : builder.bools.appendNull() }
        case .date(let p):
            for r in 0..<p.count { validity.isValid(r) ? builder.days.append(p.values[r]) : builder.days.appendNull() }
        case .string(let s):
            for r in 0..<s.count {
                if validity.isValid(r) { s.withBytes(r) { builder.strings.append($0) } } else { builder.strings.appendNull() }
            }
        }
    }

    mutating func appendNulls(_ n: Int) {
        for _ in 0..<n { builder.appendNull() }
    }

    func finish() -> Column { builder.finish() }
}
