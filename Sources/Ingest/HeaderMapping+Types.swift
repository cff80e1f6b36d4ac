import Columns

extension HeaderMapping {
    /// Each mapped column's type where it is fixed without looking at data: declared in `types`
    /// (by canonical name or header) first, then the canonical table's type (extras of a canonical
    /// table are strings); nil where the loader must infer it from a sample.
    func fixedTypes(declared types: [String: ColumnType], table: CanonicalTable?) -> [ColumnType?] {
        columns.map { m in
            if let t = types[m.name] ?? types[m.header] { return t }
            if let table { return table.field(m.name)?.type ?? .string }
            return nil
        }
    }
}
