import Columns

/// A query result as an aligned text table for a terminal: columns padded by display width
/// (CJK characters take two columns), numbers right-aligned, nulls empty, long cells cut with
/// "…", control characters replaced so a cell cannot move the cursor or recolour the terminal.
public enum TextTable {
    public static let maxCellWidth = 40

    public static func render(_ table: Table) -> String {
        let names = table.columnNames
        var cells = [[String]]()
        cells.reserveCapacity(table.rowCount)
        for r in 0..<table.rowCount {
            cells.append(table.columns.map { clean($0.text(at: r) ?? "") })
        }
        let header = names.map(clean)
        var widths = header.map(width)
        for row in cells {
            for (j, c) in row.enumerated() { widths[j] = max(widths[j], width(c)) }
        }
        let rightAligned = table.columns.map { $0.type == .int64 || $0.type == .double }
        func line(_ row: [String]) -> String {
            var out = ""
            for (j, c) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[j] - width(c))
                if j > 0 { out += "  " }
                out += rightAligned[j] ? pad + c : (j == row.count - 1 ? c : c + pad)
            }
            return out
        }
        var lines = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        for row in cells { lines.append(line(row)) }
        return lines.joined(separator: "\n")
    }

    /// Terminal columns of a string.
    public static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + QueryError.width($1) }
    }

    /// Control characters → U+FFFD (tabs → a space), then cut to `maxCellWidth` columns.
    static func clean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var w = 0
        for u in s.unicodeScalars {
            let shown: Unicode.Scalar = u == "\t" ? " " : (u.value < 0x20 || (0x7F...0x9F).contains(u.value) ? "\u{FFFD}" : u)
            let sw = QueryError.width(shown)
            if w + sw > maxCellWidth - 1 {
                out.append("…")
                return String(out)
            }
            out.append(shown)
            w += sw
        }
        return String(out)
    }
}
