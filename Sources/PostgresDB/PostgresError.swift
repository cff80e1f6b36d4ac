/// A failed libpq call, on one line: where (the connection target, password redacted), what was
/// being done (connecting, or the SQL), libpq's own message and — for server errors — the SQLSTATE.
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Stage: String, Sendable, Equatable {
        /// Opening the connection: refused, authentication, missing database, bad connection string.
        case connect
        /// Running a statement on an open connection.
        case query
    }

    public var stage: Stage
    /// libpq's message with its line breaks and tabs folded into one line.
    public var message: String
    /// The five-character SQLSTATE (`42P01` undefined table, `28P01` bad password …) when the server sent one.
    public var sqlState: String?
    public var sql: String?
    /// The connection target with any password removed; safe to print and log.
    public var target: String

    public init(stage: Stage, message: String, sqlState: String? = nil, sql: String? = nil, target: String) {
        self.stage = stage
        self.message = Self.oneLine(message)
        self.sqlState = sqlState
        self.sql = sql
        self.target = target
    }

    public var isUndefinedTable: Bool { sqlState == "42P01" }

    public var description: String {
        var s = "\(target): "
        switch stage {
        case .connect: s += "cannot connect: \(message)"
        case .query: s += "postgres error\(sqlState.map { " \($0)" } ?? ""): \(message)"
        }
        if let sql { s += " — in: " + sql.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return s
    }

    /// libpq separates hints and per-host attempts with newlines and tabs, and pads "FATAL:  ".
    static func oneLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
        return lines.joined(separator: "; ")
    }
}
