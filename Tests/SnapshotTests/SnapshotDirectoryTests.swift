import Checksums
import Columns
import Foundation
import Testing

@testable import Snapshot

@Suite struct SnapshotDirectoryTests {
    static func sampleTables() throws -> [Table] {
        let customers = try Table(name: "customers", columns: [
            ("customer_id", .string(StringColumn(["C1", "C2", "C3"]))),
            ("region", .string(StringColumn(["华东", nil, "华南"]).dictionaryEncoded())),
        ])
        let orders = try Table(name: "orders", columns: [
            ("order_id", .int64(PrimitiveColumn(values: [1, 2, 3, 4]))),
            ("customer_id", .string(StringColumn(["C1", "C1", "C2", nil]))),
            ("order_date", .date(PrimitiveColumn([20_000, nil, 20_100, 20_200], zero: 0))),
            ("amount", .double(PrimitiveColumn([1_234.5, 99, nil, 0.01], zero: 0))),
        ])
        return [customers, orders, Table(name: "tickets", rowCount: 0)]
    }

    @Test func writeThenOpen() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        let tables = try Self.sampleTables()
        let asOf = Int32(CivilDate.days(year: 2025, month: 12, day: 31))
        let manifest = try SnapshotWriter.write(tables: tables, asOf: asOf, to: dir.path + "/snapshot")
        #expect(manifest.asOf == "2025-12-31")
        #expect(manifest.tables.map(\.rows) == [3, 4, 0])

        let snapshot = try SnapshotReader.open(directory: dir.path + "/snapshot", verifyChecksums: true)
        #expect(snapshot.asOf == asOf)
        #expect(snapshot.tableNames == ["customers", "orders", "tickets"])
        for t in tables {
            let back = try snapshot.table(t.name)
            #expect(tablesDiffer(t, back) == nil, "\(t.name): \(tablesDiffer(t, back) ?? "")")
        }
        #expect(throws: SnapshotError.self) { try snapshot.table("missing") }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/snapshot").sorted()
        // orders has customer ids: its precomputed join to customers lies beside it.
        #expect(files == ["customers.arrow", "orders.arrow", "orders.customer_rows", "snapshot.json", "tickets.arrow"])
    }

    /// The manifest's digest is the digest of the file on disk.
    @Test func manifestDigestMatchesFile() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        let manifest = try SnapshotWriter.write(tables: try Self.sampleTables(), asOf: nil, to: dir.path)
        for entry in manifest.tables {
            let data = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/" + entry.file))
            var h = SHA256Digest()
            h.update(data)
            #expect(h.finalizeHex() == entry.sha256)
            #expect(data.count == entry.bytes)
        }
        #expect(manifest.asOf == nil)
    }

    /// Same tables in → byte-identical folder out (reports promise byte-identical reruns).
    @Test func outputIsDeterministic() throws {
        let a = TemporaryDirectory(), b = TemporaryDirectory()
        defer { a.cleanup(); b.cleanup() }
        let tables = try Self.sampleTables()
        try SnapshotWriter.write(tables: tables, asOf: 20_000, to: a.path)
        try SnapshotWriter.write(tables: tables, asOf: 20_000, to: b.path)
        for f in ["customers.arrow", "orders.arrow", "tickets.arrow", "snapshot.json"] {
            #expect(FileManager.default.contents(atPath: a.path + "/" + f) == FileManager.default.contents(atPath: b.path + "/" + f))
        }
    }

    /// Rewriting a folder replaces the snapshot: tables the new run lacks are removed, files
    /// that no manifest of ours named are left alone.
    @Test func rewriteRemovesTablesOfThePreviousSnapshot() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        try SnapshotWriter.write(tables: try Self.sampleTables(), asOf: nil, to: dir.path)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: dir.path + "/notes.arrow"))
        try SnapshotWriter.write(tables: [try Self.sampleTables()[1]], asOf: nil, to: dir.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["notes.arrow", "orders.arrow", "snapshot.json"])
        #expect(try SnapshotReader.open(directory: dir.path).tableNames == ["orders"])
    }

    @Test func tamperedFileFailsVerification() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        try SnapshotWriter.write(tables: try Self.sampleTables(), asOf: nil, to: dir.path)
        let path = dir.path + "/orders.arrow"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: SnapshotError.self) { try SnapshotReader.open(directory: dir.path, verifyChecksums: true) }
    }

    static let badManifests: [(String, String)] = [
        ("not json", "{{{"),
        ("other format", #"{"format":"parquet","format_version":1,"tables":[]}"#),
        ("future version", #"{"format":"crm-snapshot","format_version":99,"tables":[]}"#),
        ("path escape", #"{"format":"crm-snapshot","format_version":1,"tables":[{"name":"x","file":"../x.arrow","rows":0,"bytes":0,"batches":1,"sha256":"","columns":[]}]}"#),
        ("missing file", #"{"format":"crm-snapshot","format_version":1,"tables":[{"name":"x","file":"x.arrow","rows":0,"bytes":0,"batches":1,"sha256":"","columns":[]}]}"#),
    ]

    @Test(arguments: badManifests)
    func badManifestIsRejected(name: String, json: String) throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        try Data(json.utf8).write(to: URL(fileURLWithPath: dir.path + "/snapshot.json"))
        #expect(throws: SnapshotError.self, "\(name)") { try SnapshotReader.open(directory: dir.path) }
    }

    @Test func missingSnapshotIsAnError() {
        #expect(throws: SnapshotError.self) { try SnapshotReader.open(directory: "/nonexistent/snapshot") }
    }

    @Test(arguments: ["", "../etc", "a/b", ".hidden", "客户", "a b"])
    func unsafeTableNamesAreRefused(name: String) throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        #expect(throws: SnapshotError.self) { try SnapshotWriter.write(tables: [Table(name: name)], asOf: nil, to: dir.path) }
    }

    @Test func duplicateTableNamesAreRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        #expect(throws: SnapshotError.self) {
            try SnapshotWriter.write(tables: [Table(name: "a"), Table(name: "a")], asOf: nil, to: dir.path)
        }
    }
}
