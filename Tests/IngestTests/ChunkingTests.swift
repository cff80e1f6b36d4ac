import Columns
import Testing
@testable import Ingest

/// Chunked parsing on several threads must give exactly the single-threaded table.
struct ChunkingTests {
    static func file(rows: Int, quoted: Bool) -> String {
        var s = "interaction_id,customer_id,occurred_at,type,channel,outcome,owner\n"
        for i in 0..<rows {
            let note = quoted && i % 7 == 0 ? "\"multi\nline, \"\"quoted\"\"\"" : "ok"
            s += "I\(i),C\(i % 97),2024-03-\(String(format2(i % 28 + 1)))T10:00:00Z,call,\(i % 3 == 0 ? "" : "web"),\(note),rep\(i % 5)\n"
            if i % 50 == 0 { s += "\n" }
            if i % 333 == 0 { s += "bad,row\n" }
        }
        return s
    }

    static func format2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    @Test(arguments: [false, true])
    func chunksMatchSingleThread(quoted: Bool) throws {
        let f = Fixtures()
        let path = f.write("i.csv", Self.file(rows: 3000, quoted: quoted))
        let one = try CSVLoader.load(path: path, options: CSVOptions(table: .interactions, threads: 1))
        let four = try CSVLoader.load(path: path, options: CSVOptions(table: .interactions, threads: 4,
                                                                       minimumChunkBytes: 1024))
        #expect(one.account == four.account)
        #expect(one.quarantine == four.quarantine)
        #expect(one.table.lineage == four.table.lineage)
        #expect(one.table.columnNames == four.table.columnNames)
        for row in stride(from: 0, to: one.table.rowCount, by: 1) {
            #expect(one.table.columns.map { $0.text(at: row) } == four.table.columns.map { $0.text(at: row) })
        }
        #expect(one.account.rowsQuarantined == 10)
        #expect(one.account.blankLines == 60)
        #expect(one.table["outcome"]?.strings?.isDictionary == four.table["outcome"]?.strings?.isDictionary)
    }

    /// Parsing in slices (with the file's pages released behind each) gives exactly the table of
    /// one pass — with quoted multi-line fields, blank lines, bad rows, and slices smaller than a record.
    @Test(arguments: [(false, 1), (false, 97), (false, 4096), (true, 1), (true, 61), (true, 4096)])
    func slicedParsingMatchesOnePass(quoted: Bool, sliceBytes: Int) throws {
        let f = Fixtures()
        let path = f.write("s.csv", Self.file(rows: 2000, quoted: quoted))
        let whole = try CSVLoader.load(path: path, options: CSVOptions(table: .interactions, threads: 2, minimumChunkBytes: 1024))
        var options = CSVOptions(table: .interactions, threads: 2, minimumChunkBytes: 1024)
        options.sliceBytes = sliceBytes
        let sliced = try CSVLoader.load(path: path, options: options)
        #expect(whole.account == sliced.account)
        #expect(whole.quarantine == sliced.quarantine)
        #expect(whole.table.lineage == sliced.table.lineage)
        for row in 0..<whole.table.rowCount {
            #expect(whole.table.columns.map { $0.text(at: row) } == sliced.table.columns.map { $0.text(at: row) })
        }
    }

    @Test(arguments: [1, 5, 64, 1 << 20])
    func slicesCoverTheRangeAndEndAtNewlines(size: Int) {
        let text = Array("a,b\n1,2\n\n333,4444\nlast,line-without-newline".utf8)
        text.withUnsafeBytes { bytes in
            let range = 4..<bytes.count
            let slices = CSVLoader.slices(of: range, in: bytes, size: size)
            #expect(slices.first?.lowerBound == range.lowerBound && slices.last?.upperBound == range.upperBound)
            for (a, b) in zip(slices, slices.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
            for s in slices.dropLast() { #expect(bytes[s.upperBound - 1] == 0x0A) }
        }
    }

    @Test func planSplitsOnlyOutsideQuotes() {
        var text = "a,b\n" + String(repeating: "1,\"x\ny\"\n", count: 200)
        let ranges = text.withUTF8 { ChunkPlanner.plan(UnsafeRawBufferPointer($0), chunks: 4, delimiter: 0x2C,
                                                       minimumBytes: 64) }
        #expect(ranges.count == 4)
        let bytes = Array(text.utf8)
        for r in ranges.dropFirst() {
            // Each chunk starts a record: right after a newline that follows a closing quote or the header.
            #expect(bytes[r.lowerBound - 1] == 0x0A)
            #expect(bytes[r.lowerBound] == UInt8(ascii: "1"))
        }
    }

    @Test func strayQuoteFallsBackToOneChunk() {
        var text = "a,b\n" + String(repeating: "1,5\" screen\n", count: 200)
        let ranges = text.withUTF8 { ChunkPlanner.plan(UnsafeRawBufferPointer($0), chunks: 4, delimiter: 0x2C,
                                                       minimumBytes: 64) }
        #expect(ranges.count == 1)
    }

    @Test func fastPathMatchesLibcsv() throws {
        // The same records, once quote-free (fast scanner) and once with one quoted field (libcsv).
        let body = "a, b ,c\n 1 ,\t2,3\n\n4,5,6,\r\n7,,9\n  \n10,11,12"
        let f = Fixtures()
        let plain = try CSVLoader.load(path: f.write("p.csv", body), options: CSVOptions(threads: 1))
        let quoted = try CSVLoader.load(path: f.write("q.csv", body + "\n\"13\",14,15\n"), options: CSVOptions(threads: 1))
        #expect(plain.table.columnNames == ["a", "b", "c"])
        #expect(quoted.table.columnNames == plain.table.columnNames)
        #expect(plain.account.rowsLoaded == 4)
        #expect(quoted.account.rowsLoaded == 5)
        #expect(plain.account.blankLines == quoted.account.blankLines)
        for row in 0..<plain.table.rowCount {
            #expect(plain.table.columns.map { $0.text(at: row) } == quoted.table.columns.map { $0.text(at: row) })
        }
        #expect(plain.table.lineage?.line == Array(quoted.table.lineage!.line.prefix(4)))
        #expect(plain.table.lineage?.line == [2, 4, 5, 7])
    }
}

struct DuplicateKeyTests {
    @Test(arguments: [1, 4])
    func laterDuplicatesAreQuarantinedWithTheFirstLine(threads: Int) throws {
        var s = "order_id,amount\n"
        for i in 0..<3000 { s += "O\(i % 1000),\(i)\n" }
        let f = Fixtures()
        let path = f.write("o.csv", s)
        let r = try CSVLoader.load(path: path, options: CSVOptions(table: .orders, threads: threads, minimumChunkBytes: 1024))
        #expect(r.account.rowsLoaded == 1000)
        #expect(r.account.rowsQuarantined == 2000)
        #expect(r.table["amount"]?.doubles?.values == (0..<1000).map(Double.init))
        #expect(r.table.lineage?.line == (0..<1000).map { UInt32($0 + 2) })
        let q = r.quarantine[0]
        #expect(q.line == 1002)
        #expect(q.reason == "duplicate key order_id 'O0' (first at line 2)")
        #expect(q.raw == "O0,1000")
        #expect(r.quarantine.map(\.line) == (1000..<3000).map { $0 + 2 })
    }

    @Test func linkTablesKeepRepeatedKeys() throws {
        let f = Fixtures()
        let path = f.write("h.csv", "opportunity_id,stage,entered_at\nP1,lead,2024-01-01\nP1,won,2024-02-01\n")
        let r = try CSVLoader.load(path: path, options: CSVOptions(table: .stageHistory))
        #expect(r.account.rowsLoaded == 2)
    }
}

struct DuplicateKeyScanTests {
    @Test func equalHashesOfDifferentKeysAreNotDuplicates() {
        let keys = StringColumn(["a", "b", "a", "c", "b"])
        let found = DuplicateKeys.find(hashes: [7, 7, 7, 7, 7], keys: keys)
        #expect(found.map(\.row) == [2, 4])
        #expect(found.map(\.first) == [0, 1])
    }

    @Test func realHashesAcrossPartitions() {
        let values = (0..<5000).map { "K\($0 % 1234)" }
        let keys = StringColumn(values)
        let hashes = values.map { ByteHash.hash($0) }
        let found = DuplicateKeys.find(hashes: hashes, keys: keys)
        #expect(found.map(\.row) == Array(1234..<5000))
        #expect(found.allSatisfy { $0.first == $0.row % 1234 })
    }
}

struct PlainStringMergeTests {
    /// Enough unique ids that each chunk's id column switches to plain storage before the merge.
    @Test func plainColumnsMergeAcrossChunks() throws {
        var s = "interaction_id,customer_id,occurred_at,type\n"
        for i in 0..<15000 { s += "I\(i),C\(i * 7),2024-01-01 00:00:\(i % 6)\(i % 10),t\(i % 3)\n" }
        let f = Fixtures()
        let path = f.write("ids.csv", s)
        let one = try CSVLoader.load(path: path, options: CSVOptions(table: .interactions, threads: 1))
        let three = try CSVLoader.load(path: path, options: CSVOptions(table: .interactions, threads: 3,
                                                                        minimumChunkBytes: 64 * 1024))
        let ids = try #require(three.table["interaction_id"]?.strings)
        try #require(ids.count == 15000)
        #expect(ids.isDictionary == false)
        #expect(three.table["type"]?.strings?.isDictionary == true)
        for row in [0, 1, 4095, 4096, 7000, 9999, 14999] {
            #expect(ids[row] == "I\(row)")
            #expect(three.table.columns.map { $0.text(at: row) } == one.table.columns.map { $0.text(at: row) })
        }
        #expect(three.table.lineage == one.table.lineage)
    }
}
