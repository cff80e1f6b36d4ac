extension Table {
    /// Checks, in debug builds, what every operation must preserve: all columns and the lineage
    /// have `rowCount` rows, names are unique, dictionary codes point into their dictionaries.
    @inline(__always)
    public func checkInvariants() {
        #if DEBUG
        precondition(columnNames.count == columns.count, "\(name): names and columns differ in number")
        precondition(Set(columnNames).count == columnNames.count, "\(name): duplicate column names")
        for (n, c) in zip(columnNames, columns) {
            precondition(c.count == rowCount, "\(name).\(n): \(c.count) rows, table has \(rowCount)")
            if case .string(let s) = c, case .dictionary(let codes, let dict) = s.storage {
                for code in codes { precondition(code >= 0 && Int(code) < dict.count, "\(name).\(n): code out of range") }
            }
        }
        if let lineage {
            precondition(lineage.count == rowCount, "\(name): lineage has \(lineage.count) rows, table has \(rowCount)")
            precondition(lineage.sourceIndex.count == lineage.line.count, "\(name): lineage arrays differ")
        }
        #endif
    }
}
