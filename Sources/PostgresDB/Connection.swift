#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibPQ

/// The one owner of a `PGconn*`: connected in `init`, finished in `deinit`. Results and cursors keep
/// their connection alive. The session is pinned to UTF-8 (bytes as stored for SQL_ASCII databases), ISO
/// dates and UTC, so text values have one fixed shape whatever the server's defaults are.
public final class Connection {
    let handle: OpaquePointer
    public let target: ConnectionTarget
    private var cursorCount = 0

    /// `conninfo` is a URI or keyword/value string; a `connect_timeout` in it wins over the default here.
    public init(_ conninfo: String, connectTimeoutSeconds: Int = 10) throws(PostgresError) {
        let target = ConnectionTarget(conninfo)
        self.target = target
        // dbname is expanded as a full connection string; keywords after it override it, those before it
        // are defaults it can override.
        let keywords = ["connect_timeout", "fallback_application_name", "dbname", "client_encoding"]
        let values = [String(connectTimeoutSeconds), "crm", conninfo, "UTF8"]
        let conn = withCStrings(keywords) { k in withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
        guard let conn else {
            throw PostgresError(stage: .connect, message: "out of memory", target: target.redacted)
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(conn))
            PQfinish(conn)
            throw PostgresError(stage: .connect, message: message, target: target.redacted)
        }
        handle = conn
        try run("SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET IntervalStyle = 'iso_8601'; SET extra_float_digits = 3")
        // A SQL_ASCII database stores bytes unchecked (old ERP installs hold GBK or Latin-1 there). Asked for
        // UTF8, the server fails the whole query at the first such byte; taking the bytes as stored lets the
        // loader quarantine just those rows.
        if serverEncoding == "SQL_ASCII" { try run("SET client_encoding = 'SQL_ASCII'") }
    }

    deinit { PQfinish(handle) }

    /// The database's encoding as the server reports it (`UTF8`, `SQL_ASCII`, `EUC_CN` …).
    public var serverEncoding: String {
        PQparameterStatus(handle, "server_encoding").map { String(cString: $0) } ?? ""
    }

    /// The server's version as a number, e.g. 150018 for 15.18.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Runs one statement and returns its rows (text format). Parameters are never spliced into SQL.
    @discardableResult
    public func execute(_ sql: String, parameters: [String?] = []) throws(PostgresError) -> QueryResult {
        let result: OpaquePointer? = withOptionalCStrings(parameters) { params in
            PQexecParams(handle, sql, Int32(parameters.count), nil, params, nil, nil, 0)
        }
        return try QueryResult(checking: result, connection: self, sql: sql)
    }

    /// Runs commands that return no rows; several statements separated by `;` are allowed.
    public func run(_ sql: String) throws(PostgresError) {
        _ = try QueryResult(checking: PQexec(handle, sql), connection: self, sql: sql)
    }

    /// Declares a cursor over `query` in a read-only transaction; rows come `batchSize` at a time, so
    /// memory stays bounded by one batch however large the result is.
    public func openCursor(for query: String, batchSize: Int = 10_000) throws(PostgresError) -> Cursor {
        // The cursor owns the transaction; a second one would be committed or rolled back by the first.
        guard PQtransactionStatus(handle) == PQTRANS_IDLE else {
            throw PostgresError(stage: .query, message: "a cursor or transaction is already open on this connection",
                                sql: query, target: target.redacted)
        }
        cursorCount += 1
        return try Cursor(connection: self, name: "crm_cursor_\(cursorCount)", query: query, batchSize: batchSize)
    }

    var lastMessage: String { String(cString: PQerrorMessage(handle)) }
}

/// Calls `body` with a NULL-terminated C array (as PQconnectdbParams wants) of copies of `strings`.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    withOptionalCStrings(strings + [nil]) { body($0!) }
}

/// Calls `body` with a C array of NUL-terminated copies of `strings` (nil stays NULL), valid only during the call.
private func withOptionalCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    if strings.isEmpty { return body(nil) }
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
    defer { copies.forEach { free($0) } }
    return copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { body($0.baseAddress) }
}
