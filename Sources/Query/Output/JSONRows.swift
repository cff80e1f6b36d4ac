import Columns

/// A query result as a JSON array with one object per line (so `grep`/`head` still work on it):
/// numbers as numbers (non-finite doubles as null), booleans, dates and timestamps as ISO text,
/// nulls as null. Keys are the column names, in column order.
public enum JSONRows {
    public static func render(_ table: Table) -> String {
        var out = "["
        let keys = table.columnNames.map(quoted)
        for r in 0..<table.rowCount {
            out += r == 0 ? "\n{" : ",\n{"
            for (j, column) in table.columns.enumerated() {
                if j > 0 { out += "," }
                out += keys[j] + ":" + value(column, r)
            }
            out += "}"
        }
        out += table.rowCount == 0 ? "]" : "\n]"
        return out
    }

    private static func value(_ c: Column, _ r: Int) -> String {
        guard let text = c.text(at: r) else { return "null" }
        switch c {
        case .int64, .bool: return text
        case .double(let d): return d.values[r].isFinite ? text : "null"
        default: return quoted(text)
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u == "\u{2028}" || u == "\u{2029}":
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
