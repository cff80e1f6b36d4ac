import Columns

/// Win probabilities arrive as `75`, `75%`, `75 %` or full-width `75％` (Chinese exports); the
/// canonical column holds the number on the 0–100 scale Salesforce and Odoo use. The profile loader
/// reads the column as text and converts it here; a value that is no percentage quarantines its
/// row, exactly as a failed parse during loading would.
enum PercentValues {
    static func convert(_ result: inout LoadResult, column: String) throws(IngestError) {
        guard let text = result.table[column]?.strings else { return }
        var values = [Double](repeating: 0, count: text.count)
        var validity = Validity(allValid: 0)
        var bad: [Int] = []
        for r in 0..<text.count {
            guard text.validity.isValid(r) else {
                validity.append(false)
                continue
            }
            if let v = text.withBytes(r, { parse($0) }) {
                values[r] = v
                validity.append(true)
            } else {
                validity.append(false)
                bad.append(r)
            }
        }
        do {
            try result.table.add(column, .double(PrimitiveColumn(values: values, validity: validity)))
        } catch {
            throw .table(path: result.account.source, error)
        }
        guard !bad.isEmpty else { return }
        let badSet = Set(bad)
        for r in bad {
            let line = result.table.lineage.map { Int($0.line[r]) } ?? r + 1
            let raw = result.table.columns.map { $0.text(at: r) ?? "" }.joined(separator: ",")
            result.quarantine.append(QuarantinedRow(
                source: result.account.source, line: line, column: column,
                reason: "cannot parse '\(text[r] ?? "")' as a percentage", raw: raw))
        }
        result.table = result.table.gather((0..<result.table.rowCount).filter { !badSet.contains($0) })
        result.quarantine.sort { $0.line < $1.line }
        result.account.rowsLoaded = result.table.rowCount
        result.account.rowsQuarantined = result.quarantine.count
        try result.account.verify()
    }

    /// The number before an optional `%` / `％` sign (spaces allowed between).
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        if end >= 1, bytes[end - 1] == 0x25 {
            end -= 1
        } else if end >= 3, bytes[end - 3] == 0xEF, bytes[end - 2] == 0xBC, bytes[end - 1] == 0x85 {
            end -= 3
        }
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        guard end > 0 else { return nil }
        return AmountParser.parse(UnsafeRawBufferPointer(rebasing: bytes[0..<end]))
    }
}
