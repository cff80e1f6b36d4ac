import Columns
import Foundation

/// Writes a run's `snapshot/` folder: one Arrow IPC file per table (`NAME.arrow`) and the
/// `snapshot.json` manifest. Each file is written under a temporary name and renamed into
/// place, and the manifest goes last, so readers never see a half-written file.
///
/// Every other table with the base table's key column also gets its `OwnerRows` file
/// (`orders.customer_rows`): the join queries would otherwise compute each time.
public enum SnapshotWriter {
    /// The base table segments select from and the key event tables join it on.
    public static let baseTable = "customers"
    public static let joinKey = "customer_id"

    /// The `OwnerRows` file of event table `table`.
    static func ownerRowsFile(_ table: String) -> String { table + ".customer_rows" }

    /// Each table is let go once its file is written: when the caller hands over the only
    /// reference (a run's enriched customers), its memory is free while the rest is written.
    @discardableResult
    public static func write(
        tables: consuming [Table], asOf: Int32?, to directory: String, rowsPerBatch: Int = ArrowFileWriter.defaultRowsPerBatch
    ) throws -> SnapshotManifest {
        var seen = Set<String>()
        for name in tables.map(\.name) {
            try validate(tableName: name)
            guard seen.insert(name).inserted else { throw SnapshotError.invalid("table \"\(name)\" given twice") }
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SnapshotError.io("\(directory): cannot create directory (\(error.localizedDescription))")
        }
        let previous = try? SnapshotReader.readManifest(directory: directory)
        let baseKey = tables.first { $0.name == baseTable }?[joinKey]
        var entries = [SnapshotManifest.TableEntry]()
        for i in tables.indices {
            let t = tables[i]
            defer { tables[i] = Table(name: t.name) }
            let file = t.name + ".arrow"
            let path = directory + "/" + file
            let written = try ArrowFileWriter.write(t, to: path + ".tmp", rowsPerBatch: rowsPerBatch)
            try rename(path + ".tmp", to: path)
            entries.append(
                SnapshotManifest.TableEntry(
                    name: t.name, file: file, rows: t.rowCount, bytes: written.bytes, batches: written.batches,
                    sha256: written.sha256,
                    columns: zip(t.columnNames, t.columns).map { .init(name: $0, type: $1.type) }))
            if t.name != baseTable, let baseKey, let key = t[joinKey], let owner = OwnerRows.compute(base: baseKey, related: key) {
                let indexFile = ownerRowsFile(t.name)
                let written = try OwnerRows.write(owner, baseRows: baseKey.count, to: directory + "/" + indexFile + ".tmp")
                try rename(directory + "/" + indexFile + ".tmp", to: directory + "/" + indexFile)
                entries[entries.count - 1].ownerRows = SnapshotManifest.OwnerRowsEntry(
                    base: baseTable, key: joinKey, file: indexFile, bytes: written.bytes, sha256: written.sha256)
            }
        }
        let manifest = SnapshotManifest(
            format: SnapshotManifest.formatName, formatVersion: SnapshotManifest.currentFormatVersion,
            asOf: asOf.map { CivilDate.iso(Int($0)) }, asOfDays: asOf, tables: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json: Data
        do { json = try encoder.encode(manifest) } catch { throw SnapshotError.invalid("manifest: \(error)") }
        let manifestPath = directory + "/" + SnapshotManifest.fileName
        do {
            try (json + Data("\n".utf8)).write(to: URL(fileURLWithPath: manifestPath + ".tmp"))
        } catch {
            throw SnapshotError.io("\(manifestPath): cannot write (\(error.localizedDescription))")
        }
        try rename(manifestPath + ".tmp", to: manifestPath)
        // Tables of the previous snapshot that this one lacks would otherwise linger beside it
        // (and show up in a `*.arrow` glob); only files a manifest of ours named are removed.
        for old in previous?.tables ?? [] where (try? validate(tableName: old.name)) != nil {
            if !seen.contains(old.name) { unlink(directory + "/" + old.name + ".arrow") }
            if let index = old.ownerRows, entries.first(where: { $0.name == old.name })?.ownerRows == nil,
                index.file == ownerRowsFile(old.name) {
                unlink(directory + "/" + index.file)
            }
        }
        return manifest
    }

    /// Table names become file names, so they are restricted to letters, digits, `_` and `-`.
    static func validate(tableName name: String) throws(SnapshotError) {
        let ok = !name.isEmpty && name.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D
        }
        guard ok else {
            throw .invalid("table name \"\(name)\" must be letters, digits, '_' or '-' (it names a file)")
        }
    }

    private static func rename(_ from: String, to: String) throws(SnapshotError) {
        guard Foundation.rename(from, to) == 0 else {
            throw .io("\(to): cannot rename into place (\(String(cString: strerror(errno))))")
        }
    }
}
