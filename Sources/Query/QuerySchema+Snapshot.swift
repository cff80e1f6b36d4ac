import Snapshot

extension QuerySchema {
    /// The schema of a run's snapshot: segments select rows of `base` (customers), and every
    /// other table is a related table aggregates may range over.
    public init(snapshot: Snapshot, base: String = "customers", segments: [String] = []) throws(QueryError) {
        guard let baseTable = snapshot[base] else {
            throw QueryError(
                "the snapshot has no \(base) table (tables: \(snapshot.tableNames.joined(separator: ", ")))", at: SourceRange(0, 0))
        }
        self.init(base: baseTable, related: snapshot.tables.filter { $0.name != base }, segments: segments)
    }
}
