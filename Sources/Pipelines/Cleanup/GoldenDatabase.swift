import Columns
import Foundation
import SQLiteDB

/// Writes tables into a new SQLite database and returns its bytes, so golden.sqlite is published
/// with the other files (atomically, with its sha256 in the manifest). Column types map as
/// int64/bool → INTEGER, double → REAL, string/date/timestamp → TEXT (ISO dates, `YYYY-MM-DD
/// HH:MM:SS` UTC); nulls stay NULL. The same tables in the same order give the same bytes: SQLite
/// writes no clock or random values into the file, and rows go in in table order.
enum GoldenDatabase {
    static func bytes(of tables: [Table], scratchFolder: String = NSTemporaryDirectory()) throws -> [UInt8] {
        let path = (scratchFolder as NSString).appendingPathComponent("crm-golden-\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1e6)).sqlite")
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: path + "-journal")
        }
        do {
            let db = try Database(path: path, mode: .create)
            // One transaction, no journal file and no fsync: the database is a scratch file until it
            // is read back; durability comes from the publisher, which fsyncs the copy it publishes.
            try db.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096; "
                + "PRAGMA cache_size = -65536; PRAGMA locking_mode = EXCLUSIVE; BEGIN")
            for t in tables { try write(t, into: db) }
            try db.execute("COMMIT")
        } catch {
            throw CleanupError.cannotWriteDatabase(String(describing: error))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CleanupError.cannotWriteDatabase("the scratch database \(path) could not be read back")
        }
        return Array(data)
    }

    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func sqlType(_ t: ColumnType) -> String {
        switch t {
        case .int64, .bool: "INTEGER"
        case .double: "REAL"
        case .string, .date, .timestamp: "TEXT"
        }
    }

    static func write(_ t: Table, into db: Database) throws {
        let columns = zip(t.columnNames, t.columns).map { "\(quoted($0)) \(sqlType($1.type))" }.joined(separator: ", ")
        try db.execute("CREATE TABLE \(quoted(t.name)) (\(columns))")
        guard t.rowCount > 0, t.columnCount > 0 else { return }
        let marks = [String](repeating: "?", count: t.columnCount).joined(separator: ", ")
        let insert = try db.prepare("INSERT INTO \(quoted(t.name)) VALUES (\(marks))")
        // Text goes in straight from the column's bytes, dates through one reused buffer: no String per cell.
        var scratch = ISODateText()
        for r in 0..<t.rowCount {
            insert.reset()
            for (k, column) in t.columns.enumerated() {
                let i = Int32(k + 1)
                if column.isNull(r) {
                    try insert.bindNull(i)
                    continue
                }
                switch column {
                case .int64(let c): try insert.bind(i, int: c.values[r])
                case .bool(let c): try insert.bind(i, int: c.values[r] ? 1 : 0)
                case .double(let c): try insert.bind(i, double: c.values[r])
                case .string(let c): try c.withBytes(r) { bytes in try insert.bind(i, utf8: bytes) }
                case .date(let c): try scratch.date(Int(c.values[r])) { bytes in try insert.bind(i, utf8: bytes) }
                case .timestamp(let c): try scratch.timestamp(c.values[r]) { bytes in try insert.bind(i, utf8: bytes) }
                }
            }
            _ = try insert.step()
        }
    }
}
