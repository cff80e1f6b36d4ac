import Columns
import Foundation
import Testing

@testable import Snapshot

@Suite struct ArrowRoundTripTests {
    static func roundTrip(_ table: Table, rowsPerBatch: Int = ArrowFileWriter.defaultRowsPerBatch) throws -> (Table, ArrowFileWriter.Written) {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path + "/t.arrow"
        let written = try ArrowFileWriter.write(table, to: path, rowsPerBatch: rowsPerBatch)
        return (try ArrowFileReader.read(path: path), written)
    }

    /// One column of each type with nulls, alone in its table.
    static let singleColumns: [(String, Column)] = [
        ("int64", .int64(PrimitiveColumn([1, nil, Int64.min, Int64.max, nil, 0], zero: 0))),
        ("double", .double(PrimitiveColumn([1.5, nil, -0.0, .infinity, .nan, 1e-300], zero: 0))),
        ("bool", .bool(PrimitiveColumn([true, nil, false, true, true, nil, false, true, true], zero: false))),
        ("date", .date(PrimitiveColumn([0, nil, -719_162, 2_932_896, 20_000], zero: 0))),
        ("timestamp", .timestamp(PrimitiveColumn([0, nil, -1, 1_735_689_599, 253_402_300_799], zero: 0))),
        ("string", .string(StringColumn(["华东", nil, "", "上海市浦东新区", "a\u{0}b", "😀"]))),
        ("dictionary", .string(StringColumn(["华东", nil, "华南", "华东", nil, "华北"]).dictionaryEncoded())),
        ("all null", .string(StringColumn([nil, nil, nil]))),
    ]

    @Test(arguments: singleColumns)
    func singleColumnRoundTrips(name: String, column: Column) throws {
        let table = try Table(name: "t", columns: [(name, column)])
        let (back, _) = try Self.roundTrip(table)
        #expect(tablesDiffer(table, back) == nil, "\(tablesDiffer(table, back) ?? "")")
        #expect(back.name == "t")
    }

    @Test func dictionaryEncodingIsRestored() throws {
        let table = try Table(name: "t", columns: [
            ("region", .string(StringColumn(["华东", "华南", nil]).dictionaryEncoded())),
            ("name", .string(StringColumn(["a", "b", "c"]))),
        ])
        let (back, _) = try Self.roundTrip(table)
        #expect(back["region"]?.strings?.isDictionary == true)
        #expect(back["name"]?.strings?.isDictionary == false)
    }

    @Test(arguments: [(0, 1), (1, 1), (200, 64), (1000, 3), (1000, 1000), (1000, 1001), (777, 100)])
    func batchesSplitAndRejoin(rows: Int, rowsPerBatch: Int) throws {
        let table = SampleTables.allTypes(rows: rows, seed: UInt64(rows))
        let (back, written) = try Self.roundTrip(table, rowsPerBatch: rowsPerBatch)
        #expect(tablesDiffer(table, back) == nil, "\(tablesDiffer(table, back) ?? "")")
        #expect(written.batches == max(1, (rows + rowsPerBatch - 1) / rowsPerBatch))
    }

    @Test func emptyTableKeepsItsSchema() throws {
        let table = try Table(name: "empty", columns: [
            ("id", .int64(PrimitiveColumn(values: []))), ("name", .string(StringColumn([]))),
            ("d", .date(PrimitiveColumn(values: []))),
        ])
        let (back, _) = try Self.roundTrip(table)
        #expect(back.rowCount == 0)
        #expect(back.columnNames == ["id", "name", "d"])
        #expect(back.columns.map(\.type) == [.int64, .string, .date])
    }

    @Test func tableWithoutColumnsKeepsRowCount() throws {
        let (back, _) = try Self.roundTrip(Table(name: "bare", rowCount: 5))
        #expect(back.rowCount == 5 && back.columnCount == 0)
    }

    /// Buffers must start on 64-byte boundaries of the file for in-place (mmap) use.
    @Test func layoutIsAlignedAndFramed() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path + "/t.arrow"
        let table = SampleTables.allTypes(rows: 300)
        let written = try ArrowFileWriter.write(table, to: path, rowsPerBatch: 128)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count == written.bytes)
        #expect(Array(bytes[0..<8]) == Array("ARROW1".utf8) + [0, 0])
        #expect(Array(bytes.suffix(6)) == Array("ARROW1".utf8))
        try bytes.withUnsafeBytes { raw in
            let footerLength = Int(raw.loadUnaligned(fromByteOffset: raw.count - 10, as: Int32.self))
            #expect((raw.count - 10 - footerLength) % 8 == 0, "footer is not 8-byte aligned")
            let footer = try FlatBufferTable(root: UnsafeRawBufferPointer(rebasing: raw[(raw.count - 10 - footerLength)..<(raw.count - 10)]))
            let blocks = try #require(try footer.structs(ArrowFormat.Slot.Footer.recordBatches, wordsPer: 3))
            #expect(blocks.count == 3)
            for block in blocks {
                #expect(block[0] % 8 == 0)
                #expect((block[0] + block[1]) % 64 == 0, "body of block at \(block[0]) is not 64-byte aligned")
                #expect(block[2] % 64 == 0)
            }
        }
    }
}

