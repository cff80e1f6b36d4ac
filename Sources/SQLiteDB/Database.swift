import CSQLite

/// The one owner of an `sqlite3*` connection: opened in `init`, closed in `deinit`. Statements keep
/// their database alive, so a handle is never closed under a live statement.
public final class Database {
    public enum Mode: Sendable { case readOnly, readWrite, create }

    let handle: OpaquePointer
    public let path: String

    public init(path: String, mode: Mode = .readOnly, busyTimeoutMilliseconds: Int32 = 2000) throws(SQLiteError) {
        self.path = path
        var flags: Int32 = SQLITE_OPEN_NOMUTEX
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message, path: path)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Compiles one statement.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs SQL that returns no rows (several statements allowed).
    public func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(errorMessage)
            throw error(rc, sql: sql, message: message)
        }
    }

    /// The names of the user tables, in name order.
    public func tableNames() throws(SQLiteError) -> [String] {
        let st = try prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        var names: [String] = []
        while try st.step() { names.append(st.text(0) ?? "") }
        return names
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func error(_ rc: Int32, sql: String?, message: String? = nil) -> SQLiteError {
        SQLiteError(code: rc & 0xFF, extendedCode: sqlite3_extended_errcode(handle), message: message ?? lastMessage,
                    sql: sql, path: path)
    }
}
