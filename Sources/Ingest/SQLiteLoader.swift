#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Columns
import SQLiteDB

/// Loads any table or query of a SQLite file into a `Table`. SQLite's declared types are mapped
/// (INT → int64, REAL/FLOAT/DOUBLE/NUMERIC/DECIMAL → double, DATE → date, DATETIME/TIMESTAMP →
/// timestamp, BOOL → bool, otherwise text), the canonical table's types win when one is given,
/// and text values are parsed with the same parsers as CSV. Row accounting and quarantine are as
/// for CSV, with the 1-based result row as the "line".
public enum SQLiteLoader {
    /// `columnMapForHeaders`, when given, computes the column map from the result's column names
    /// (a profile picks among candidate headers) and replaces `columnMap`.
    public static func load(path: String, query: String, table: CanonicalTable? = nil,
                            columnMap: [String: String] = [:], types declared: [String: ColumnType] = [:],
                            dateOrder: DateOrder = .auto, busyTimeoutMilliseconds: Int32 = 2000,
                            columnMapForHeaders: (([String]) -> [String: String])? = nil)
        throws(IngestError) -> LoadResult
    {
        let db = try open(path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        let statement: Statement
        do { statement = try db.prepare(query) } catch { throw classify(error) }
        let source = "\(path): \(query)"
        let headers = (0..<statement.columnCount).map { statement.columnName($0) }
        let mapping = try HeaderMapping.map(headers: headers, table: table,
                                            columnMap: columnMapForHeaders?(headers) ?? columnMap, path: path)
        var types = [ColumnType]()
        for m in mapping.columns {
            if let t = declared[m.name] ?? declared[m.header] {
                types.append(t)
            } else if let table {
                types.append(table.field(m.name)?.type ?? .string)
            } else {
                types.append(try sampledType(statement, column: Int32(m.sourceIndex), dateOrder: dateOrder))
            }
        }
        statement.reset()
        let keyIndex = table.flatMap { t in mapping.columns.firstIndex { $0.name == t.key } }
        let checkDuplicates = keyIndex != nil && table?.keyIsUnique == true && types[keyIndex!] == ColumnType.string

        var builders = zip(mapping.columns, types).map { _, t in AnyColumnBuilder(type: t) }
        var staged = [Int64](repeating: 0, count: types.count)
        var stagedNull = [Bool](repeating: false, count: types.count)
        var lines: [UInt32] = []
        var hashes: [UInt64] = []
        var quarantine: [QuarantinedRow] = []
        var row = 0
        rows: while try step(statement) {
            row += 1
            for (c, m) in mapping.columns.enumerated() {
                let i = Int32(m.sourceIndex)
                if statement.storageClass(i) == .null {
                    if c == keyIndex {
                        quarantine.append(rejected(statement, source: source, row: row, column: m.name,
                                                   reason: "missing key \(m.name)"))
                        continue rows
                    }
                    stagedNull[c] = true
                    continue
                }
                stagedNull[c] = false
                if let failure = stage(statement, i, as: types[c], into: &staged[c], dateOrder: dateOrder) {
                    quarantine.append(rejected(statement, source: source, row: row, column: m.name, reason: failure))
                    continue rows
                }
            }
            for c in builders.indices {
                if stagedNull[c] {
                    builders[c].appendNull()
                    continue
                }
                switch types[c] {
                case .string: statement.withText(Int32(mapping.columns[c].sourceIndex)) { builders[c].strings.append($0) }
                case .int64, .timestamp: builders[c].integers.append(staged[c])
                case .double: builders[c].doubles.append(Double(bitPattern: UInt64(bitPattern: staged[c])))
                case .bool: builders[c].bools.append(staged[c] != 0)
                case .date: builders[c].days.append(Int32(truncatingIfNeeded: staged[c]))
                }
            }
            lines.append(UInt32(truncatingIfNeeded: row))
            if checkDuplicates, let k = keyIndex {
                hashes.append(statement.withText(Int32(mapping.columns[k].sourceIndex)) { ByteHash.hash($0) })
            }
        }
        var result: Table
        do {
            result = try Table(name: table?.rawValue ?? "query",
                               columns: zip(mapping.columns, builders).map { ($0.name, $1.finish()) },
                               lineage: Lineage(sources: [source], sourceIndex: [UInt16](repeating: 0, count: lines.count),
                                                line: lines))
        } catch {
            throw .table(path: path, error)
        }
        if checkDuplicates, let k = keyIndex {
            CSVLoader.removeDuplicateKeys(&result, hashes: hashes, keyColumn: mapping.columns[k].name,
                                          delimiter: UInt8(ascii: ","), quarantine: &quarantine, path: source)
        }
        quarantine.sort { $0.line < $1.line }
        let account = RowAccount(source: source, rowsRead: row, rowsLoaded: result.rowCount,
                                 rowsQuarantined: quarantine.count)
        try account.verify()
        var sources: [String: String] = [:]
        for m in mapping.columns { sources[m.name] = m.header }
        return LoadResult(table: result, account: account, quarantine: quarantine, encoding: .utf8, delimiter: nil,
                          unmappedHeaders: mapping.unmappedHeaders, columnSources: sources)
    }

    /// Loads a whole table by name.
    public static func load(path: String, tableName: String, table: CanonicalTable? = nil,
                            columnMap: [String: String] = [:]) throws(IngestError) -> LoadResult {
        let quoted = "\"" + tableName.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        return try load(path: path, query: "SELECT * FROM \(quoted)", table: table, columnMap: columnMap)
    }

    /// The user tables of a SQLite file.
    public static func tableNames(path: String) throws(IngestError) -> [String] {
        let db = try open(path)
        do { return try db.tableNames() } catch { throw classify(error) }
    }

    /// Opens read-only after checking the 16-byte SQLite header, so a CSV or a zero-length file is
    /// reported as "not a SQLite database" instead of surfacing later as a missing table.
    static func open(_ path: String, busyTimeoutMilliseconds: Int32 = 2000) throws(IngestError) -> Database {
        let fd = Glibc.open(path, O_RDONLY)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var header = [UInt8](repeating: 0, count: 16)
        let n = read(fd, &header, 16)
        close(fd)
        guard n == 16, header == Array("SQLite format 3\0".utf8) else {
            throw .notASQLiteDatabase(path: path, detail: n <= 0 ? "the file is empty"
                                      : "the file does not start with the SQLite header")
        }
        do {
            let db = try Database(path: path, mode: .readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            // Touch the schema now: a truncated or corrupt file fails here with a clear code.
            _ = try db.tableNames()
            return db
        } catch {
            throw classify(error)
        }
    }

    /// Corruption is reported as "not a readable SQLite database"; everything else (locked, bad SQL)
    /// keeps SQLite's own code, message and SQL.
    static func classify(_ e: SQLiteError) -> IngestError {
        if e.isCorrupt { return .notASQLiteDatabase(path: e.path, detail: "\(e.codeName): \(e.message)") }
        return .sqlite(e)
    }

    private static func step(_ st: Statement) throws(IngestError) -> Bool {
        do { return try st.step() } catch { throw classify(error) }
    }

    /// From SQLite's declared type, or — for expressions — the storage classes of the first 100 rows.
    private static func sampledType(_ st: Statement, column i: Int32, dateOrder: DateOrder) throws(IngestError)
        -> ColumnType
    {
        if let declared = st.declaredType(i)?.uppercased() {
            if declared.contains("INT") { return declared.contains("POINT") ? .string : .int64 }
            if declared.contains("BOOL") { return .bool }
            if declared.contains("DATETIME") || declared.contains("TIMESTAMP") { return .timestamp }
            if declared.contains("DATE") { return .date }
            if ["REAL", "FLOA", "DOUB", "NUMERIC", "DECIMAL"].contains(where: { declared.contains($0) }) { return .double }
            if declared.contains("CHAR") || declared.contains("TEXT") || declared.contains("CLOB") { return .string }
        }
        st.reset()
        var classes = Set<Statement.StorageClass>()
        var texts: [[UInt8]] = []
        var seen = 0
        while seen < 100, try step(st) {
            seen += 1
            let c = st.storageClass(i)
            classes.insert(c)
            if c == .text { texts.append(st.withText(i) { Array($0) }) }
        }
        classes.remove(.null)
        if classes == [.integer] { return .int64 }
        if classes.isSubset(of: [.integer, .real]) && !classes.isEmpty { return .double }
        if classes == [.text] { return TypeInference.infer(texts, dateOrder: dateOrder) }
        return .string
    }

    private static func stage(_ st: Statement, _ i: Int32, as type: ColumnType, into slot: inout Int64,
                              dateOrder: DateOrder) -> String? {
        let storage = st.storageClass(i)
        switch type {
        case .string:
            return st.withText(i) { UTF8Validation.isCleanText($0) } ? nil : "bad encoding: not valid UTF-8 text"
        case .int64:
            if storage == .integer { slot = st.int64(i); return nil }
            if storage == .real, let v = Int64(exactly: st.double(i)) { slot = v; return nil }
            if let v = st.withText(i, { IntegerParser.parse($0) }) { slot = v; return nil }
            return expected("an integer", st, i)
        case .double:
            if storage == .integer || storage == .real { slot = Int64(bitPattern: st.double(i).bitPattern); return nil }
            if let v = st.withText(i, { AmountParser.parse($0) }) { slot = Int64(bitPattern: v.bitPattern); return nil }
            return expected("a number", st, i)
        case .bool:
            if storage == .integer { slot = st.int64(i) != 0 ? 1 : 0; return nil }
            if let v = st.withText(i, { BoolParser.parse($0) }) { slot = v ? 1 : 0; return nil }
            return expected("a boolean", st, i)
        case .date:
            if let v = st.withText(i, { DateParser.parseDate($0, order: dateOrder) }) { slot = Int64(v); return nil }
            return expected("a date", st, i)
        case .timestamp:
            if storage == .integer {
                let v = st.int64(i)
                slot = abs(v) >= 100_000_000_000 ? v / 1000 : v  // milliseconds past ~5138 AD are not seconds
                return nil
            }
            if storage == .real { slot = Int64(st.double(i)); return nil }
            if let v = st.withText(i, { DateParser.parseTimestamp($0, order: dateOrder) }) { slot = v; return nil }
            return expected("a date-time", st, i)
        }
    }

    private static func expected(_ what: String, _ st: Statement, _ i: Int32) -> String {
        "cannot parse '\(st.withText(i) { RecordText.excerpt($0) })' as \(what)"
    }

    private static func rejected(_ st: Statement, source: String, row: Int, column: String, reason: String)
        -> QuarantinedRow
    {
        let raw = (0..<st.columnCount).map { st.text($0) ?? "" }.joined(separator: ",")
        return QuarantinedRow(source: source, line: row, column: column, reason: reason, raw: raw)
    }
}
