import CLibPQ

/// A server-side cursor over one query inside a read-only transaction (so a source query can never
/// change the database). `fetch()` returns the next batch; a batch shorter than `batchSize` is the last.
/// `close()` ends the transaction; a cursor dropped without it rolls back.
public final class Cursor {
    public let connection: Connection
    public let name: String
    public let query: String
    public let batchSize: Int
    private var open = true

    init(connection: Connection, name: String, query: String, batchSize: Int) throws(PostgresError) {
        self.connection = connection
        self.name = name
        self.query = query
        self.batchSize = max(1, batchSize)
        try connection.run("BEGIN READ ONLY")
        do {
            try connection.execute("DECLARE \(name) NO SCROLL CURSOR FOR \(Self.trimmed(query))")
        } catch {
            // Report the user's query, not our DECLARE wrapper around it.
            try? connection.run("ROLLBACK")
            open = false
            throw PostgresError(stage: error.stage, message: error.message, sqlState: error.sqlState, sql: query,
                                target: error.target)
        }
    }

    deinit {
        if open { try? connection.run("ROLLBACK") }
    }

    /// The next at most `batchSize` rows; the first result carries the column names and types even when empty.
    public func fetch() throws(PostgresError) -> QueryResult {
        do {
            return try connection.execute("FETCH FORWARD \(batchSize) FROM \(name)")
        } catch {
            try? connection.run("ROLLBACK")
            open = false
            throw PostgresError(stage: error.stage, message: error.message, sqlState: error.sqlState, sql: query,
                                target: error.target)
        }
    }

    public func close() throws(PostgresError) {
        guard open else { return }
        open = false
        try connection.run("CLOSE \(name); COMMIT")
    }

    /// DECLARE takes one statement: drop the trailing semicolons and blanks people end queries with.
    static func trimmed(_ query: String) -> Substring {
        var s = Substring(query)
        while let last = s.last, last == ";" || last.isWhitespace { s.removeLast() }
        return s
    }
}
