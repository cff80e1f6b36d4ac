/// Finds a sheet's header and names its columns. Real exports put a title row above the header
/// ("客户列表  导出于 2024-03-05", one cell merged across the table) or group columns under merged
/// cells ("联系方式" over 手机 and 邮箱); both are recognised so the column names are the real ones.
struct SheetHeader {
    var names: [String]
    /// The last sheet row that belongs to the header; data starts after it.
    var lastRow: Int

    /// Reads the header rows from `rows`, leaving it positioned on the last header row.
    static func read(_ rows: inout SheetRows, merges: [CellRange], options: ExcelOptions) -> SheetHeader? {
        // First non-empty row at or after the requested header row.
        var first: [String] = []
        var firstRow = 0
        while rows.next() {
            if let wanted = options.headerRow, rows.rowNumber < wanted { continue }
            guard rows.width > 0 else { continue }
            first = (0..<rows.width).map { rows.string($0) }
            firstRow = rows.rowNumber
            break
        }
        guard firstRow > 0 else { return nil }
        // A title row: one value, merged across several columns (or followed by a wider row).
        if options.headerRow == nil, first.filter({ !$0.isEmpty }).count == 1 {
            let spans = merges.contains { $0.firstRow == firstRow && $0.lastColumn > $0.firstColumn }
            var probe = rows
            var nextRowWidth = 0
            while probe.next() { if probe.width > 0 { nextRowWidth = probe.countNonEmpty(); break } }
            if spans || nextRowWidth > 1 {
                var skipped = rows
                while skipped.next() {
                    guard skipped.width > 0 else { continue }
                    rows = skipped
                    first = (0..<rows.width).map { rows.string($0) }
                    firstRow = rows.rowNumber
                    break
                }
            }
        }
        fill(&first, row: firstRow, merges: merges)
        let grouped = merges.contains { $0.firstRow == firstRow && $0.lastColumn > $0.firstColumn }
        let count = max(1, options.headerRows ?? (grouped ? 2 : 1))
        var layers = [first]
        var lastRow = firstRow
        while layers.count < count {
            var probe = rows
            guard probe.next() else { break }
            rows = probe
            lastRow = rows.rowNumber
            var layer = (0..<rows.width).map { rows.string($0) }
            fill(&layer, row: lastRow, merges: merges)
            layers.append(layer)
        }
        let width = layers.map(\.count).max() ?? 0
        var names = (0..<width).map { c -> String in
            // The most specific (lowest) non-empty name.
            for layer in layers.reversed() where c < layer.count && !layer[c].isEmpty { return layer[c] }
            return ""
        }
        // A name repeated under different groups keeps its group: "联系人/电话" vs "公司/电话".
        if layers.count > 1 {
            var counts: [String: Int] = [:]
            for n in names { counts[n, default: 0] += 1 }
            for c in names.indices where counts[names[c], default: 0] > 1 && !names[c].isEmpty {
                let group = layers[0].count > c ? layers[0][c] : ""
                if !group.isEmpty && group != names[c] { names[c] = group + "/" + names[c] }
            }
        }
        return SheetHeader(names: names, lastRow: lastRow)
    }

    /// Copies each merged range's top-left value into the range's other cells on this row.
    private static func fill(_ values: inout [String], row: Int, merges: [CellRange]) {
        for m in merges where m.firstRow <= row && row <= m.lastRow {
            if values.count <= m.lastColumn { values += Array(repeating: "", count: m.lastColumn + 1 - values.count) }
            let v = m.firstRow == row ? values[m.firstColumn] : ""
            // Vertical merges (a name spanning both header rows) are taken from the top row by the caller.
            guard !v.isEmpty else { continue }
            for c in m.firstColumn...m.lastColumn where values[c].isEmpty { values[c] = v }
        }
    }
}
