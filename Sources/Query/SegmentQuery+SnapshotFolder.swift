import Columns
import Snapshot

extension SegmentQuery {
    /// Compiles `source` against a snapshot folder reading only what it needs: the query is
    /// checked against the manifest's schema, then only the base table and the related tables
    /// its aggregates (and the segments it uses) range over are read. A query on customers alone
    /// never touches the order file. Throws `QueryError` for the query, `SnapshotError` for the files.
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
        let needed = Set(([expression] + compiled.values.map(\.expression)).flatMap(aggregateTables))

        func read(_ e: SnapshotManifest.TableEntry) throws -> Table {
            let table = try ArrowFileReader.read(path: directory + "/" + e.file, tableName: e.name)
            guard table.rowCount == e.rows, table.columnNames == e.columns.map(\.name) else {
                throw SnapshotError.invalid("\(directory)/\(e.file): rows or columns differ from the manifest's")
            }
            return table
        }
        let baseTable = try read(baseEntry)
        var related = [Table]()
        for e in others where needed.contains(e.name) { related.append(try read(e)) }
        return try SegmentQuery(source, base: baseTable, related: related, asOf: manifest.asOfDays, segments: texts)
    }

    static func aggregateTables(_ e: Expr) -> [String] {
        var out = [String]()
        if case .aggregate(let a) = e.kind { out.append(a.table) }
        for c in e.kind.children { out += aggregateTables(c) }
        return out
    }
}
