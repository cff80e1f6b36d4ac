import LibCSV
import Testing

/// Collects what libcsv reports, as strings, for checking the owner's callbacks.
final class Recorder: CSVRecordSink {
    var records: [[String]] = []
    var terminators: [Int32] = []
    private var current: [String] = []
    override func field(_ bytes: UnsafeRawBufferPointer) { current.append(String(decoding: bytes, as: UTF8.self)) }
    override func endRecord(terminator: Int32) {
        records.append(current)
        terminators.append(terminator)
        current = []
    }
}

struct LibCSVTests {
    @Test(arguments: [
        ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        ("a,\"b,c\"\n", [["a", "b,c"]]),
        ("\"x\ny\",z", [["x\ny", "z"]]),
        ("a;b", [["a;b"]]),
        ("\"say \"\"hi\"\"\"\n", [["say \"hi\""]]),
    ])
    func parsesRecords(_ text: String, _ expected: [[String]]) throws {
        let parser = try CSVParser(options: .init(reportAllNewlines: false))
        let r = Recorder()
        var text = text
        try text.withUTF8 { try parser.feed(UnsafeRawBufferPointer($0), into: r) }
        try parser.finish(into: r)
        #expect(r.records == expected)
    }

    @Test func feedsInPiecesAcrossFieldBoundaries() throws {
        let parser = try CSVParser()
        let r = Recorder()
        for piece in ["a,\"b", "c\"", ",d\r", "\n1,2,3"] {
            var piece = piece
            try piece.withUTF8 { try parser.feed(UnsafeRawBufferPointer($0), into: r) }
        }
        try parser.finish(into: r)
        // CSV_REPALL_NL: the LF of CRLF arrives as an empty record.
        #expect(r.records == [["a", "bc", "d"], [], ["1", "2", "3"]])
        #expect(r.terminators == [0x0D, 0x0A, -1])
    }

    @Test func strictModeReportsParseErrorWithOffset() throws {
        let parser = try CSVParser(options: .init(strict: true))
        let r = Recorder()
        var text = "a,\"b\"c\n"
        #expect {
            try text.withUTF8 { try parser.feed(UnsafeRawBufferPointer($0), into: r) }
        } throws: { error in
            guard let e = error as? CSVError else { return false }
            return e.isParseError && e.offset == 5 && e.description.contains("libcsv code 1")
        }
    }

    @Test func reportsUnterminatedQuote() throws {
        let parser = try CSVParser()
        let r = Recorder()
        var text = "a,\"open\nstill open"
        try text.withUTF8 { try parser.feed(UnsafeRawBufferPointer($0), into: r) }
        #expect(parser.isInsideQuotedField)
    }
}
