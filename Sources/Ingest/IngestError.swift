import Columns
import LibCSV
import PostgresDB
import SQLiteDB

/// Why a source could not be loaded at all (bad rows are quarantined instead). Every message names
/// the file and, where there is one, the line and column, and says what was expected.
public enum IngestError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case notAFile(path: String)
    case undecodable(path: String, encoding: TextEncoding, offset: Int)
    case parse(path: String, line: Int, error: CSVError)
    case missingHeader(path: String)
    case missingKeyColumn(path: String, table: CanonicalTable, key: String, headers: [String])
    case unknownMappedHeader(path: String, canonical: String, header: String, headers: [String])
    case unknownColumn(path: String, column: String, table: CanonicalTable)
    case sqlite(SQLiteError)
    case notASQLiteDatabase(path: String, detail: String)
    case postgres(PostgresError)
    case accountingMismatch(source: String, read: Int, loaded: Int, quarantined: Int)
    case table(path: String, TableError)
    case notAnXLSX(path: String, detail: String)
    case unknownSheet(path: String, sheet: String, sheets: [String])
    case profile(path: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "\(path): cannot open: \(reason)"
        case .notAFile(let path):
            "\(path): not a regular file"
        case .undecodable(let path, let encoding, let offset):
            "\(path): byte \(offset): not valid \(encoding.rawValue); expected UTF-8, GB18030/GBK or UTF-16 with a BOM"
        case .parse(let path, let line, let error):
            "\(path):\(line): CSV parse error: \(error.message) (libcsv code \(error.code))"
        case .missingHeader(let path):
            "\(path):1: expected a header line, found an empty file"
        case .missingKeyColumn(let path, let table, let key, let headers):
            "\(path):1: no column maps to \(table.rawValue).\(key) (the key); headers are: \(headers.joined(separator: ", "))"
                + "; map one with `columns: { \(key): <header> }`"
        case .unknownMappedHeader(let path, let canonical, let header, let headers):
            "\(path):1: `\(canonical): \(header)` names a header that is not in the file"
                + (nearest(header, in: headers).map { " (did you mean `\($0)`?)" } ?? "")
                + "; headers are: \(headers.joined(separator: ", "))"
        case .unknownColumn(let path, let column, let table):
            "\(path): `\(column)` is not a column of \(table.rawValue); expected one of "
                + table.fields.map(\.name).joined(separator: ", ")
        case .sqlite(let e):
            e.description
        case .postgres(let e):
            e.description
        case .notASQLiteDatabase(let path, let detail):
            "\(path): not a readable SQLite database (\(detail)); expected a SQLite 3 file"
        case .accountingMismatch(let source, let read, let loaded, let quarantined):
            "\(source): internal error: \(read) rows read but \(loaded) loaded + \(quarantined) quarantined"
        case .table(let path, let e):
            "\(path): \(e)"
        case .notAnXLSX(let path, let detail):
            "\(path): not a readable xlsx workbook: \(detail)"
        case .unknownSheet(let path, let sheet, let sheets):
            "\(path): no sheet named '\(sheet)'\(NameSuggestion.hint(for: sheet, in: sheets)); sheets: \(sheets.joined(separator: ", "))"
        case .profile(let path, let line, let message):
            "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
        }
    }
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
func nearest(_ word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased())
    var best: (String, Int)?
    for c in candidates {
        let d = editDistance(w, Array(c.lowercased()))
        if d <= max(2, w.count / 3), best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
