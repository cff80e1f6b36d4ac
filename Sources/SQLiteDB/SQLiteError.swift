import CSQLite

/// A failed sqlite3 call: the primary and extended result codes, SQLite's message, the SQL being
/// run (if any) and the database file, so the message alone says what went wrong and where.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int32
    public var extendedCode: Int32
    public var message: String
    public var sql: String?
    public var path: String

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil, path: String) {
        self.code = code
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
        self.path = path
    }

    /// SQLite's generic wording for the code ("file is not a database", "database disk image is malformed").
    public var codeName: String { String(cString: sqlite3_errstr(code)) }

    public var isNotADatabase: Bool { code == SQLITE_NOTADB }
    public var isCorrupt: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }

    public var description: String {
        var s = "\(path): sqlite error \(code) (\(codeName)): \(message)"
        if let sql { s += " — in: \(sql)" }
        return s
    }
}
