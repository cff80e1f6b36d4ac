import Foundation
import Columns

/// Runs an SQL script in DuckDB (python3 `duckdb`) over CSV files written from test tables, and
/// returns the rows of the last statement as text: the independent computation analyses are
/// checked against.
enum DuckDB {
    /// Writes `tables` as CSV (header, ISO dates/timestamps, empty = null) into a fresh temp
    /// directory, runs `sql` there (CSV files are referenced as `'<name>.csv'`), returns rows.
    static func query(_ sql: String, tables: [Table]) throws -> [[String?]] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("analytics-duckdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for t in tables {
            var text = t.columnNames.joined(separator: ",") + "\n"
            for r in 0..<t.rowCount {
                text += t.columns.map { c in c.text(at: r).map(quote) ?? "" }.joined(separator: ",") + "\n"
            }
            try text.write(to: dir.appendingPathComponent("\(t.name).csv"), atomically: true, encoding: .utf8)
        }
        try sql.write(to: dir.appendingPathComponent("query.sql"), atomically: true, encoding: .utf8)
        let script = """
            import duckdb, sys, csv
            con = duckdb.connect()
            statements = [s for s in open('query.sql').read().split(';') if s.strip()]
            for s in statements[:-1]:
                con.execute(s)
            rows = con.execute(statements[-1]).fetchall()
            w = csv.writer(sys.stdout, lineterminator='\\n')
            for row in rows:
                w.writerow(['\\\\N' if v is None else (repr(v) if isinstance(v, float) else str(v)) for v in row])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DuckDBError.failed(String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map { line in
            parseCSVLine(String(line)).map { $0 == "\\N" ? nil : $0 }
        }
    }

    enum DuckDBError: Error { case failed(String) }

    private static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    private static func parseCSVLine(_ line: String) -> [String] {
        var out: [String] = [], field = "", quoted = false, chars = Array(line), i = 0
        while i < chars.count {
            let ch = chars[i]
            if quoted {
                if ch == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(ch) }
            } else if ch == "\"" { quoted = true }
            else if ch == "," { out.append(field); field = "" }
            else { field.append(ch) }
            i += 1
        }
        out.append(field)
        return out
    }
}

/// Cell comparison: integers and text exactly; doubles to 1e-9 relative (sums of the same exact
/// binary amounts in another order can differ in the last bit only when amounts are inexact; the
/// generated amounts are multiples of 0.25, so in practice equality is exact).
func sameCell(_ a: String?, _ b: String?) -> Bool {
    if a == b { return true }
    guard let a, let b, let x = Double(a), let y = Double(b) else { return false }
    return abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
}
