import Checksums
import Columns
import Foundation

/// Opens a snapshot folder written by `SnapshotWriter`: reads the manifest, checks its format
/// version, reads every table and checks it against the manifest (rows, columns, and with
/// `verifyChecksums` the sha256 of each file).
public enum SnapshotReader {
    public static func open(directory: String, verifyChecksums: Bool = false) throws(SnapshotError) -> Snapshot {
        let manifest = try readManifest(directory: directory)
        var tables = [Table]()
        for entry in manifest.tables {
            let path = directory + "/" + entry.file
            try SnapshotWriter.validate(tableName: entry.name)
            guard entry.file == entry.name + ".arrow" else {
                throw .invalid("\(directory)/\(SnapshotManifest.fileName): table \(entry.name) names file \"\(entry.file)\"")
            }
            if verifyChecksums {
                try verify(path, sha256: entry.sha256)
                if let index = entry.ownerRows { try verify(directory + "/" + index.file, sha256: index.sha256) }
            }
            let table = try ArrowFileReader.read(path: path, tableName: entry.name)
            guard table.rowCount == entry.rows else {
                throw .invalid("\(path): \(table.rowCount) rows, the manifest says \(entry.rows)")
            }
            let columns = zip(table.columnNames, table.columns).map { SnapshotManifest.ColumnEntry(name: $0, type: $1.type) }
            guard columns == entry.columns else {
                throw .invalid("\(path): columns differ from the manifest's")
            }
            tables.append(table)
        }
        return Snapshot(manifest: manifest, tables: tables)
    }

    /// The precomputed join of event table `entry` to the base table of `baseRows` rows, or nil
    /// when the snapshot has none for it. The file must be the one the writer names (a manifest
    /// cannot point a reader elsewhere) and is checked entry by entry (`OwnerRows.read`).
    public static func ownerRows(directory: String, entry: SnapshotManifest.TableEntry, baseRows: Int) throws(SnapshotError) -> [Int32]? {
        guard let index = entry.ownerRows else { return nil }
        guard index.file == SnapshotWriter.ownerRowsFile(entry.name), index.base == SnapshotWriter.baseTable,
            index.key == SnapshotWriter.joinKey
        else {
            throw .invalid("\(directory)/\(SnapshotManifest.fileName): table \(entry.name) names owner-rows file \"\(index.file)\"")
        }
        return try OwnerRows.read(path: directory + "/" + index.file, rows: entry.rows, baseRows: baseRows)
    }

    private static func verify(_ path: String, sha256: String) throws(SnapshotError) {
        let file = try MappedFile(path: path)
        var hasher = SHA256Digest()
        hasher.update(file.bytes)
        let digest = hasher.finalizeHex()
        guard digest == sha256 else {
            throw .corrupt("\(path): sha256 \(digest) differs from the manifest's \(sha256)")
        }
    }

    public static func readManifest(directory: String) throws(SnapshotError) -> SnapshotManifest {
        let path = directory + "/" + SnapshotManifest.fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io("\(path): cannot read (no snapshot in \(directory)?)")
        }
        let manifest: SnapshotManifest
        do {
            manifest = try JSONDecoder().decode(SnapshotManifest.self, from: data)
        } catch {
            throw .invalid("\(path): not a snapshot manifest (\(error))")
        }
        guard manifest.format == SnapshotManifest.formatName else {
            throw .invalid("\(path): format is \"\(manifest.format)\", expected \"\(SnapshotManifest.formatName)\"")
        }
        guard manifest.formatVersion == SnapshotManifest.currentFormatVersion else {
            throw .unsupported(
                "\(path): snapshot format version \(manifest.formatVersion); this build reads version \(SnapshotManifest.currentFormatVersion)")
        }
        return manifest
    }
}
