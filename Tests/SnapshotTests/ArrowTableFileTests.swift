import Columns
import Foundation
import Testing

@testable import Snapshot

/// Opening an Arrow file and reading some of its columns gives the same columns a whole read does.
@Suite struct ArrowTableFileTests {
    static func file(_ table: Table, rowsPerBatch: Int) throws -> (ArrowTableFile, TemporaryDirectory) {
        let dir = TemporaryDirectory()
        try ArrowFileWriter.write(table, to: dir.path + "/t.arrow", rowsPerBatch: rowsPerBatch)
        return (try ArrowTableFile(path: dir.path + "/t.arrow"), dir)
    }

    static let projections: [[String]] = [["amount"], ["region", "id"], ["name", "vip", "order_date", "created_at"], []]

    @Test(arguments: projections, [64, 100, 1000])
    func someColumnsEqualTheWholeRead(columns: [String], rowsPerBatch: Int) throws {
        let table = SampleTables.allTypes(rows: 700, seed: 9)
        let (file, dir) = try Self.file(table, rowsPerBatch: rowsPerBatch)
        defer { dir.cleanup() }
        #expect(file.rowCount == 700 && file.columnNames == table.columnNames)
        let some = try file.table(columns: columns)
        #expect(some.columnNames == columns && some.rowCount == 700)
        let difference = tablesDiffer(some, try table.select(columns))
        #expect(difference == nil, "\(difference ?? "")")
    }

    /// Past `parallelRows` the columns are read concurrently: same columns, in the order asked.
    @Test func largeTableReadsColumnsConcurrently() throws {
        let rows = ArrowTableFile.parallelRows + 1000
        let table = SampleTables.allTypes(rows: rows, seed: 3)
        let (file, dir) = try Self.file(table, rowsPerBatch: 50_000)
        defer { dir.cleanup() }
        let columns = ["region", "amount", "name", "vip", "id"]
        let difference = tablesDiffer(try file.table(columns: columns), try table.select(columns))
        #expect(difference == nil, "\(difference ?? "")")
        #expect(tablesDiffer(try file.table(), table) == nil)
    }

    /// Plain reading keeps the values of a dictionary-encoded column; the default restores the encoding.
    @Test func plainOrDictionaryStrings() throws {
        let table = SampleTables.allTypes(rows: 300)
        let (file, dir) = try Self.file(table, rowsPerBatch: 128)
        defer { dir.cleanup() }
        let plain = try #require(try file.column("region", dictionaryEncode: false)?.strings)
        let encoded = try #require(try file.column("region")?.strings)
        #expect(!plain.isDictionary && encoded.isDictionary)
        let original = try #require(table["region"]?.strings)
        for r in 0..<300 { #expect(plain[r] == original[r] && encoded[r] == original[r]) }
    }

    @Test func unknownColumns() throws {
        let (file, dir) = try Self.file(SampleTables.allTypes(rows: 10), rowsPerBatch: 64)
        defer { dir.cleanup() }
        #expect(try file.column("nope") == nil)
        #expect(throws: SnapshotError.self) { try file.table(columns: ["id", "nope"]) }
    }

    /// A damaged string column is found when that column is read, and names it; other columns still read.
    @Test func damageInOneColumnNamesIt() throws {
        let table = try Table(name: "t", columns: [
            ("id", .int64(PrimitiveColumn(values: [1, 2, 3]))), ("name", .string(StringColumn(["a", "bb", "ccc"]))),
        ])
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path + "/t.arrow"
        try ArrowFileWriter.write(table, to: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // The offsets 0,1,3,6 of "name": make the second one 5, so offsets decrease.
        let pattern: [UInt8] = [0, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 6, 0, 0, 0]
        let at = try #require((0..<(bytes.count - 16)).first { Array(bytes[$0..<($0 + 16)]) == pattern })
        bytes[at + 4] = 5
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try ArrowTableFile(path: path)
        #expect(try file.column("id")?.int64s?.values == [1, 2, 3])
        #expect {
            _ = try file.column("name")
        } throws: { error in
            "\(error)".contains("\"name\"") && "\(error)".contains("decrease")
        }
    }
}
