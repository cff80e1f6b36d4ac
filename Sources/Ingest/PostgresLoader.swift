import Columns
import PostgresDB

/// Loads a query (or a whole table) from a live PostgreSQL database into a `Table`, streaming it
/// through a cursor `batchSize` rows at a time so memory holds one batch beyond the columns being
/// built. Result columns are typed by their OID (int2/4/8 → int64, float4/8/numeric → double, bool,
/// date, timestamp/timestamptz → timestamp UTC, anything else → its text); a canonical table's or a
/// declared type wins and the text is converted to it. Row accounting, quarantine and lineage are as for
/// SQLite: the "line" is the 1-based result row, the source is the target (password redacted) and query.
public enum PostgresLoader {
    /// `columnMapForHeaders`, when given, computes the column map from the result's column names
    /// (a profile picks among candidate headers) and replaces `columnMap`.
    public static func load(connection conninfo: String, query: String, table: CanonicalTable? = nil,
                            columnMap: [String: String] = [:], types declared: [String: ColumnType] = [:],
                            dateOrder: DateOrder = .auto, batchSize: Int = 10_000,
                            columnMapForHeaders: (([String]) -> [String: String])? = nil) throws(IngestError) -> LoadResult
    {
        let connection = try postgres { () throws(PostgresError) in try Connection(conninfo) }
        let cursor = try postgres { () throws(PostgresError) in try connection.openCursor(for: query, batchSize: batchSize) }
        var batch = try postgres(cursor.fetch)
        let target = connection.target.redacted
        // One line, as errors show the query: a multi-line query from a pipeline file would otherwise
        // put line breaks into every lineage cell (merge_log.csv, quarantine.csv).
        let source = "\(target): " + query.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let headers = (0..<batch.columnCount).map { batch.columnName($0) }
        let mapping = try HeaderMapping.map(headers: headers, table: table,
                                            columnMap: columnMapForHeaders?(headers) ?? columnMap, path: target)
        let kinds = mapping.columns.map { SourceKind(oid: batch.columnType($0.sourceIndex)) }
        let types = zip(mapping.columns, kinds).map { m, kind in
            declared[m.name] ?? declared[m.header] ?? table?.field(m.name)?.type ?? kind.columnType
        }
        var load = RowLoader(columns: mapping.columns.map(\.sourceIndex), kinds: kinds, types: types,
                             names: mapping.columns.map(\.name),
                             keyIndex: table.flatMap { t in mapping.columns.firstIndex { $0.name == t.key } },
                             source: source, dateOrder: dateOrder)
        load.checkDuplicates = load.keyIndex.map { types[$0] == .string } == true && table?.keyIsUnique == true
        while true {
            load.append(batch)
            guard batch.rowCount == cursor.batchSize else { break }
            batch = try postgres(cursor.fetch)
        }
        try postgres(cursor.close)

        var result = try load.finish(tableName: table?.rawValue ?? "query",
                                     target: target)
        if load.checkDuplicates, let k = load.keyIndex {
            CSVLoader.removeDuplicateKeys(&result, hashes: load.hashes, keyColumn: mapping.columns[k].name,
                                          delimiter: UInt8(ascii: ","), quarantine: &load.quarantine, path: source)
        }
        load.quarantine.sort { $0.line < $1.line }
        let account = RowAccount(source: source, rowsRead: load.rowsRead, rowsLoaded: result.rowCount,
                                 rowsQuarantined: load.quarantine.count)
        try account.verify()
        var sources: [String: String] = [:]
        for m in mapping.columns { sources[m.name] = m.header }
        return LoadResult(table: result, account: account, quarantine: load.quarantine, encoding: .utf8,
                          delimiter: nil, unmappedHeaders: mapping.unmappedHeaders, columnSources: sources)
    }

    private static func postgres<T>(_ body: () throws(PostgresError) -> T) throws(IngestError) -> T {
        do { return try body() } catch { throw .postgres(error) }
    }

    /// Loads a whole table; `schema.table` names a table outside the search path. Names are quoted, so
    /// they are matched exactly (as Odoo creates them: lower case).
    public static func load(connection conninfo: String, tableName: String, table: CanonicalTable? = nil,
                            columnMap: [String: String] = [:], batchSize: Int = 10_000) throws(IngestError)
        -> LoadResult
    {
        let quoted = tableName.split(separator: ".", maxSplits: 1).map(quoteIdentifier).joined(separator: ".")
        return try load(connection: conninfo, query: "SELECT * FROM \(quoted)", table: table, columnMap: columnMap,
                        batchSize: batchSize)
    }

    /// The connection string as it may be shown: `postgresql://user@host:port/db`, no password.
    public static func redactedTarget(_ conninfo: String) -> String { ConnectionTarget(conninfo).redacted }

    static func quoteIdentifier(_ name: Substring) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
