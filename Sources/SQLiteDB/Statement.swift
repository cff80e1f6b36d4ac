import CSQLite

/// The one owner of a `sqlite3_stmt*`, finalized in `deinit`. Column accessors read the current row
/// after `step()` returned true; `withText` hands out SQLite's own bytes without making a String.
public final class Statement {
    /// SQLite's storage class of a value in the current row.
    public enum StorageClass: Sendable, Equatable { case integer, real, text, blob, null }

    let handle: OpaquePointer
    public let database: Database
    public let sql: String

    init(database: Database, sql: String) throws(SQLiteError) {
        self.database = database
        self.sql = sql
        var st: OpaquePointer?
        let rc = sqlite3_prepare_v2(database.handle, sql, -1, &st, nil)
        guard rc == SQLITE_OK, let st else {
            if let st { sqlite3_finalize(st) }
            throw database.error(rc == SQLITE_OK ? SQLITE_MISUSE : rc, sql: sql,
                                 message: rc == SQLITE_OK ? "no statement in the SQL" : nil)
        }
        handle = st
    }

    deinit { sqlite3_finalize(handle) }

    /// Advances to the next row; false when done.
    public func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(rc, sql: sql)
        }
    }

    public func reset() { sqlite3_reset(handle) }

    public func bind(_ index: Int32, text: String) throws(SQLiteError) {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let rc = sqlite3_bind_text(handle, index, text, -1, transient)
        if rc != SQLITE_OK { throw database.error(rc, sql: sql) }
    }

    /// Binds UTF-8 bytes as text without making a String (SQLite copies them).
    public func bind(_ index: Int32, utf8: UnsafeRawBufferPointer) throws(SQLiteError) {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let rc: Int32
        if let base = utf8.baseAddress, utf8.count > 0 {
            rc = sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(utf8.count), transient)
        } else {
            rc = sqlite3_bind_text(handle, index, "", 0, transient)
        }
        if rc != SQLITE_OK { throw database.error(rc, sql: sql) }
    }

    public func bind(_ index: Int32, int: Int64) throws(SQLiteError) {
        let rc = sqlite3_bind_int64(handle, index, int)
        if rc != SQLITE_OK { throw database.error(rc, sql: sql) }
    }

    public func bind(_ index: Int32, double: Double) throws(SQLiteError) {
        let rc = sqlite3_bind_double(handle, index, double)
        if rc != SQLITE_OK { throw database.error(rc, sql: sql) }
    }

    public func bindNull(_ index: Int32) throws(SQLiteError) {
        let rc = sqlite3_bind_null(handle, index)
        if rc != SQLITE_OK { throw database.error(rc, sql: sql) }
    }

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func columnName(_ i: Int32) -> String {
        sqlite3_column_name(handle, i).map { String(cString: $0) } ?? "column\(i + 1)"
    }

    /// The declared type of a result column that is a table column (`INTEGER`, `TEXT`, `DATE` …); nil for expressions.
    public func declaredType(_ i: Int32) -> String? {
        sqlite3_column_decltype(handle, i).map { String(cString: $0) }
    }

    public func storageClass(_ i: Int32) -> StorageClass {
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    public func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
    public func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }

    public func text(_ i: Int32) -> String? {
        guard sqlite3_column_type(handle, i) != SQLITE_NULL else { return nil }
        return withText(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The value as UTF-8 text (SQLite converts numbers), valid only inside `body`.
    public func withText<R>(_ i: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let p = sqlite3_column_text(handle, i)
        let n = Int(sqlite3_column_bytes(handle, i))
        return try body(UnsafeRawBufferPointer(start: p, count: p == nil ? 0 : n))
    }
}
