import Columns
import Foundation
import Testing

@testable import Snapshot

/// The precomputed orders → customers join: computed right, written beside the event table,
/// and refused when stale, foreign or damaged.
@Suite struct OwnerRowsTests {
    static let cases: [(name: String, base: [String?], related: [String?], owner: [Int32]?)] = [
        ("each order to its customer", ["C1", "C2", "C3"], ["C3", "C1", "C1", "C2"], [2, 0, 0, 1]),
        ("unknown and null ids own nothing", ["C1", nil, "C2"], ["C9", nil, "C2", ""], [-1, -1, 2, -1]),
        ("Chinese and empty ids", ["客户甲", "", "客户乙"], ["", "客户乙", "客户甲"], [1, 2, 0]),
        ("long ids (over 16 bytes)", ["customer-0000000000000001", "customer-0000000000000002"],
         ["customer-0000000000000002", "customer-00000000000000020"], [1, -1]),
        ("repeated customer id: no index", ["C1", "C2", "C1"], ["C1"], nil),
        ("no orders", ["C1"], [], []),
    ]

    @Test(arguments: cases)
    func computesOwners(name: String, base: [String?], related: [String?], owner: [Int32]?) {
        let got = OwnerRows.compute(base: .string(StringColumn(base)), related: .string(StringColumn(related).dictionaryEncoded()))
        #expect(got == owner, "\(name)")
        let plain = OwnerRows.compute(base: .string(StringColumn(base).dictionaryEncoded()), related: .string(StringColumn(related)))
        #expect(plain == owner, "\(name), plain orders")
    }

    @Test func nonStringKeysHaveNoIndex() {
        #expect(OwnerRows.compute(base: .int64(PrimitiveColumn(values: [1, 2])), related: .int64(PrimitiveColumn(values: [2]))) == nil)
    }

    static func written(_ owner: [Int32], baseRows: Int) throws -> [UInt8] {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        _ = try OwnerRows.write(owner, baseRows: baseRows, to: dir.path + "/o")
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.path + "/o")))
    }

    @Test func roundTrips() throws {
        let owner: [Int32] = [2, -1, 0, 0, 1]
        let bytes = try Self.written(owner, baseRows: 3)
        #expect(bytes.count == 64 + 4 * owner.count)
        #expect(try bytes.withUnsafeBytes { try OwnerRows.read(bytes: $0, rows: 5, baseRows: 3) } == owner)
    }

    /// (what is wrong, bytes from a valid 5-row index into 3 base rows, rows, base rows)
    static let hostile: [(String, @Sendable ([UInt8]) -> [UInt8], Int, Int)] = [
        ("stale: more orders now", { $0 }, 6, 3),
        ("stale: fewer customers now", { $0 }, 5, 2),
        ("truncated", { Array($0.dropLast(4)) }, 5, 3),
        ("extra bytes", { $0 + [0, 0, 0, 0] }, 5, 3),
        ("empty file", { _ in [] }, 0, 0),
        ("foreign header", { b in var b = b; b[0] = UInt8(ascii: "X"); return b }, 5, 3),
        ("entry past the customers", { b in var b = b; b[64] = 3; return b }, 5, 3),
        ("entry below -1", { b in var b = b; b[64 + 4] = 0xFE; return b }, 5, 3),
        ("huge count in header", { b in var b = b; b[15] = 0x7F; return b }, 5, 3),
    ]

    @Test(arguments: hostile)
    func damagedIndexIsRefused(what: String, damage: @Sendable ([UInt8]) -> [UInt8], rows: Int, baseRows: Int) throws {
        let bytes = damage(try Self.written([2, -1, 0, 0, 1], baseRows: 3))
        #expect(throws: SnapshotError.self, "\(what)") {
            try bytes.withUnsafeBytes { try OwnerRows.read(bytes: $0, rows: rows, baseRows: baseRows) }
        }
    }

    /// The writer puts `orders.customer_rows` beside orders.arrow and names it in the manifest;
    /// the reader gives it back and refuses a manifest that points elsewhere.
    @Test func snapshotWritesAndReadsTheIndex() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        let folder = dir.path + "/snapshot"
        let manifest = try SnapshotWriter.write(tables: try SnapshotDirectoryTests.sampleTables(), asOf: nil, to: folder)
        let orders = try #require(manifest.tables.first { $0.name == "orders" })
        let index = try #require(orders.ownerRows)
        #expect(index.file == "orders.customer_rows" && index.base == "customers" && index.key == "customer_id")
        #expect(manifest.tables.first { $0.name == "customers" }?.ownerRows == nil)
        #expect(try SnapshotReader.ownerRows(directory: folder, entry: orders, baseRows: 3) == [0, 0, 1, -1])
        var elsewhere = orders
        elsewhere.ownerRows?.file = "../../etc/passwd"
        #expect(throws: SnapshotError.self) { try SnapshotReader.ownerRows(directory: folder, entry: elsewhere, baseRows: 3) }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["customers.arrow", "orders.arrow", "orders.customer_rows", "snapshot.json", "tickets.arrow"])
        // A still-valid but altered index (order 0 moved to customer 1) fails checksum verification.
        let path = folder + "/orders.customer_rows"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[64] = 1
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try SnapshotReader.ownerRows(directory: folder, entry: orders, baseRows: 3) == [1, 0, 1, -1])
        #expect(throws: SnapshotError.self) { try SnapshotReader.open(directory: folder, verifyChecksums: true) }
    }
}
