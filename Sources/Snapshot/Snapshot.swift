import Columns

/// The tables of one run's snapshot, by name, with the manifest that describes them.
public struct Snapshot: Sendable {
    public let manifest: SnapshotManifest
    /// Tables in manifest order.
    public let tables: [Table]

    public var asOf: Int32? { manifest.asOfDays }
    public var tableNames: [String] { tables.map(\.name) }

    public subscript(name: String) -> Table? {
        tables.first { $0.name == name }
    }

    public func table(_ name: String) throws(SnapshotError) -> Table {
        guard let t = self[name] else {
            throw .invalid("no table \"\(name)\" (tables: \(tableNames.joined(separator: ", ")))")
        }
        return t
    }
}
