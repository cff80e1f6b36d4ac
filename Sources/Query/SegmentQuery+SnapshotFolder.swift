import Columns
import Snapshot

extension SegmentQuery {
    /// Compiles `source` against a snapshot folder reading only what it needs: the query is
    /// checked against the manifest's schema, then only the columns it (and the segments it
    /// uses) name are read, of the base table and of the related tables its aggregates range
    /// over. A related table's join to the base comes from its precomputed `OwnerRows` file when
    /// the snapshot has one. String columns are read plain: one query compares each value once
    /// or twice, less than re-encoding them would cost. `result` reads the columns it shows.
    /// Throws `QueryError` for the query, `SnapshotError` for the files.
    public static func open(
        _ source: String, snapshotDirectory directory: String, segments texts: [String: String] = [:], base: String = "customers"
    ) throws -> SegmentQuery {
        let manifest = try SnapshotReader.readManifest(directory: directory)
        guard let baseEntry = manifest.tables.first(where: { $0.name == base }) else {
            throw QueryError(
                "the snapshot has no \(base) table (tables: \(manifest.tables.map(\.name).joined(separator: ", ")))", at: SourceRange(0, 0))
        }
        func schema(_ e: SnapshotManifest.TableEntry) -> QuerySchema.TableSchema {
            QuerySchema.TableSchema(name: e.name, columns: e.columns.map { ($0.name, $0.type) })
        }
        let others = manifest.tables.filter { $0.name != base }
        let full = QuerySchema(base: schema(baseEntry), related: others.map(schema), segments: texts.keys.sorted())
        let expression = try TypeChecker.check(source, against: full)
        var compiled = [String: NamedSegment]()
        try compileSegments(used: expression, texts: texts, schema: full, into: &compiled, chain: [])
        let expressions = [expression] + compiled.values.map(\.expression)
        let needed = Set(expressions.flatMap(aggregateTables))
        let named = Set(expressions.flatMap(columnNames))

        func open(_ e: SnapshotManifest.TableEntry) throws -> ArrowTableFile {
            let file = try ArrowTableFile(path: directory + "/" + e.file, tableName: e.name)
            guard file.rowCount == e.rows, file.columnNames == e.columns.map(\.name), file.columnTypes == e.columns.map(\.type) else {
                throw SnapshotError.invalid("\(directory)/\(e.file): rows or columns differ from the manifest's")
            }
            return file
        }
        func read(_ file: ArrowTableFile, plus extra: String?) throws -> Table {
            try file.table(columns: file.columnNames.filter { named.contains($0) || $0 == extra }, dictionaryEncode: false)
        }
        let baseFile = try open(baseEntry)
        var related = [Table]()
        var owners = [String: [Int32]]()
        var joinAtQueryTime = false
        for e in others where needed.contains(e.name) {
            let file = try open(e)
            let owner = try SnapshotReader.ownerRows(directory: directory, entry: e, baseRows: baseFile.rowCount)
            owners[e.name] = owner
            if owner == nil { joinAtQueryTime = true }
            related.append(try read(file, plus: owner == nil ? RelatedRows.key : nil))
        }
        let baseTable = try read(baseFile, plus: joinAtQueryTime ? RelatedRows.key : nil)
        return try SegmentQuery(
            source, base: baseTable, related: related, asOf: manifest.asOfDays, segments: texts, owners: owners, baseFile: baseFile)
    }

    static func aggregateTables(_ e: Expr) -> [String] {
        var out = [String]()
        if case .aggregate(let a) = e.kind { out.append(a.table) }
        for c in e.kind.children { out += aggregateTables(c) }
        return out
    }

    /// Every column name `e` mentions, qualified or not, and every aggregated field: the
    /// columns to read from whichever tables have them.
    static func columnNames(_ e: Expr) -> [String] {
        var out = [String]()
        switch e.kind {
        case .column(_, let name): out.append(name)
        case .aggregate(let a): if let f = a.field { out.append(f) }
        default: break
        }
        for c in e.kind.children { out += columnNames(c) }
        return out
    }
}
