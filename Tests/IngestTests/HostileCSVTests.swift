import Columns
import Testing
@testable import Ingest

/// Malformed and unusual files: none may crash, every record is loaded or quarantined with its line.
struct HostileCSVTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let loaded: Int
        /// (line, reason fragment) of every quarantined record, in line order.
        let quarantined: [(Int, String)]
        var blankLines = 0

        var testDescription: String { name }
    }

    static let megabyte = String(repeating: "x", count: 1 << 20)

    static let cases: [Case] = [
        Case(name: "ragged rows", bytes: Array("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n".utf8), loaded: 2,
             quarantined: [(3, "ragged row: 2 fields, expected 3"), (4, "ragged row: 4 fields, expected 3")]),
        Case(name: "trailing delimiter is not ragged", bytes: Array("a,b\n1,2,\n".utf8), loaded: 1, quarantined: []),
        Case(name: "quoted newlines keep physical lines", bytes: Array("a,b\n1,\"two\nlines\"\n3,4\n5\n".utf8),
             loaded: 2, quarantined: [(5, "ragged row")]),
        Case(name: "unbalanced quote swallows to the end", bytes: Array("a,b\n1,2\n3,\"oops\n5,6\n7,8\n".utf8),
             loaded: 1, quarantined: [(3, "unbalanced quote")]),
        Case(name: "NUL bytes", bytes: Array("a,b\n1,x".utf8) + [0] + Array("y\n2,z\n".utf8), loaded: 1,
             quarantined: [(2, "NUL byte")]),
        Case(name: "header only", bytes: Array("a,b,c\n".utf8), loaded: 0, quarantined: []),
        Case(name: "header only without newline", bytes: Array("a,b,c".utf8), loaded: 0, quarantined: []),
        Case(name: "blank lines and CRLF", bytes: Array("a,b\r\n1,2\r\n\r\n3,4\r\n".utf8), loaded: 2, quarantined: [],
             blankLines: 1),
        Case(name: "last line without newline", bytes: Array("a,b\n1,2\n3,4".utf8), loaded: 2, quarantined: []),
        Case(name: "UTF-8 BOM with GBK rows", bytes: [0xEF, 0xBB, 0xBF] + Array("name,city\n张三,上海\n".utf8)
             + Fixtures.gbk("李四,北京\n") + Array("王五,广州\n".utf8), loaded: 2, quarantined: [(3, "bad encoding")]),
        Case(name: "a 1 MB field", bytes: Array("a,b\n1,\"\(megabyte)\"\n2,y\n".utf8), loaded: 2, quarantined: []),
        Case(name: "duplicate headers", bytes: Array("a,a,b\n1,2,3\n".utf8), loaded: 1, quarantined: []),
        Case(name: "escaped quotes", bytes: Array("a,b\n1,\"say \"\"hi\"\"\"\n".utf8), loaded: 1, quarantined: []),
    ]

    @Test(arguments: cases)
    func accountsForEveryRecord(_ c: Case) throws {
        let f = Fixtures()
        let path = f.write("hostile.csv", c.bytes)
        let r = try CSVLoader.load(path: path, options: CSVOptions(types: ["a": .string, "b": .string]))
        #expect(r.account.rowsLoaded == c.loaded)
        #expect(r.account.rowsQuarantined == c.quarantined.count)
        #expect(r.account.rowsRead == r.account.rowsLoaded + r.account.rowsQuarantined)
        #expect(r.account.blankLines == c.blankLines)
        #expect(r.table.rowCount == c.loaded)
        #expect(r.quarantine.map(\.line) == c.quarantined.map(\.0))
        for (q, expected) in zip(r.quarantine, c.quarantined) {
            #expect(q.reason.contains(expected.1), "\(q.reason)")
            #expect(q.source == path)
            #expect(!q.raw.isEmpty)
        }
    }

    @Test func emptyFileIsAnErrorNamingTheFile() throws {
        let f = Fixtures()
        let path = f.write("empty.csv", [])
        #expect {
            try CSVLoader.load(path: path, options: CSVOptions())
        } throws: { error in
            "\(error)".contains("empty.csv:1") && "\(error)".contains("header")
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: IngestError.self) { try CSVLoader.load(path: "/nonexistent/x.csv", options: CSVOptions()) }
    }

    @Test func megabyteFieldIsKeptWhole() throws {
        let f = Fixtures()
        let path = f.write("big.csv", "a,b\n1,\"\(Self.megabyte)\"\n")
        let r = try CSVLoader.load(path: path, options: CSVOptions(types: ["a": .string, "b": .string]))
        #expect(r.table["b"]?.strings?[0]?.utf8.count == 1 << 20)
    }

    @Test func duplicateHeadersGetDistinctNames() throws {
        let f = Fixtures()
        let path = f.write("dup.csv", "a,a,b,a\n1,2,3,4\n")
        let r = try CSVLoader.load(path: path, options: CSVOptions())
        #expect(r.table.columnNames == ["a", "a_2", "b", "a_3"])
        #expect(r.table["a_3"]?.text(at: 0) == "4")
    }

    @Test func quarantineKeepsTheRecordText() throws {
        let f = Fixtures()
        let path = f.write("q.csv", "a,b,c\n1,\"x,y\",3,4\n")
        let r = try CSVLoader.load(path: path, options: CSVOptions())
        #expect(r.quarantine.first?.raw == "1,\"x,y\",3,4")
        #expect(r.quarantine.first?.location == "\(path):2")
    }
}
