import CLibPQ

/// The one owner of a `PGresult*`, cleared in `deinit`. Values are libpq's text form; `withValue`
/// lends libpq's own bytes (NUL-terminated) without making a String.
public final class QueryResult {
    let handle: OpaquePointer
    public let connection: Connection
    public let rowCount: Int
    public let columnCount: Int

    /// Takes ownership of `result` and throws — with the server's message, SQLSTATE and the SQL — if it
    /// is not a success.
    init(checking result: OpaquePointer?, connection: Connection, sql: String) throws(PostgresError) {
        guard let result else {
            throw PostgresError(stage: .query, message: connection.lastMessage, sql: sql,
                                target: connection.target.redacted)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            break
        default:
            let error = Self.error(of: result, connection: connection, sql: sql)
            PQclear(result)
            throw error
        }
        handle = result
        self.connection = connection
        rowCount = Int(PQntuples(result))
        columnCount = Int(PQnfields(result))
    }

    deinit { PQclear(handle) }

    public func columnName(_ c: Int) -> String {
        PQfname(handle, Int32(c)).map { String(cString: $0) } ?? "column\(c + 1)"
    }

    /// The column's type OID (see `PostgresTypeOID`); domains report their base type only if the query casts.
    public func columnType(_ c: Int) -> UInt32 { PQftype(handle, Int32(c)) }

    public func isNull(_ row: Int, _ c: Int) -> Bool { PQgetisnull(handle, Int32(row), Int32(c)) != 0 }

    /// The value's text bytes (empty for NULL), valid only inside `body`; a NUL follows the last byte.
    public func withValue<R>(_ row: Int, _ c: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let p = PQgetvalue(handle, Int32(row), Int32(c))
        let n = Int(PQgetlength(handle, Int32(row), Int32(c)))
        return try body(UnsafeRawBufferPointer(start: p, count: p == nil ? 0 : n))
    }

    public func text(_ row: Int, _ c: Int) -> String? {
        isNull(row, c) ? nil : withValue(row, c) { String(decoding: $0, as: UTF8.self) }
    }

    static func error(of result: OpaquePointer, connection: Connection, sql: String) -> PostgresError {
        func field(_ code: UInt8) -> String? { PQresultErrorField(result, Int32(code)).map { String(cString: $0) } }
        var message = field(UInt8(ascii: "M")) ?? String(cString: PQresultErrorMessage(result))
        if message.isEmpty { message = connection.lastMessage }
        if let detail = field(UInt8(ascii: "D")) { message += " (\(detail))" }
        if let hint = field(UInt8(ascii: "H")) { message += "; hint: \(hint)" }
        return PostgresError(stage: .query, message: message, sqlState: field(UInt8(ascii: "C")), sql: sql,
                             target: connection.target.redacted)
    }
}
