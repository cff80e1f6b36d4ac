import Foundation

/// A small RFC 4180 reader for checking the generator's output (quoted fields, doubled quotes,
/// newlines inside quotes). Test support only; the product parses CSV through Ingest.
enum CSVTestReader {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var chars = Array(text.unicodeScalars)[...]
        var pendingField = false
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": inQuotes = true; pendingField = true
            case ",": row.append(field); field = ""; pendingField = true
            case "\r": continue
            case "\n":
                row.append(field); rows.append(row); row = []; field = ""; pendingField = false
            default: field.unicodeScalars.append(c); pendingField = true
            }
        }
        if pendingField || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Header + rows as dictionaries keyed by column name.
    static func table(atPath path: String) throws -> (header: [String], rows: [[String: String]]) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return table(text)
    }

    static func table(_ text: String) -> (header: [String], rows: [[String: String]]) {
        let all = parse(text)
        guard let header = all.first else { return ([], []) }
        let rows = all.dropFirst().map { values in
            Dictionary(uniqueKeysWithValues: zip(header, values + Array(repeating: "", count: max(0, header.count - values.count))))
        }
        return (header, Array(rows))
    }
}
