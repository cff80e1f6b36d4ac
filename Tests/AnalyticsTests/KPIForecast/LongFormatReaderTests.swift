import Testing

@testable import Analytics

/// Long-format parsing: accepted layouts, hostile rows (each rejected with its line), and series-level problems
/// (skipped with a reason, the rest of the file still usable).
@Suite struct LongFormatReaderTests {
    static func read(_ text: String) throws(LongFormatError) -> LongFormatInput {
        try LongFormatReader.read(Array(text.utf8), source: "in.csv")
    }

    struct Accepted: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var series: [LongFormatSeries]
        var testDescription: String { name }
    }

    static let accepted = [
        Accepted(name: "months, shuffled rows, two series", text: "series_id,period,value\nb,2024-02,4\na,2024-01,1\nb,2024-01,3\na,2024-02,2\n",
                 series: [LongFormatSeries(id: "b", kind: .month, first: 2024 * 12, values: [3, 4]),
                          LongFormatSeries(id: "a", kind: .month, first: 2024 * 12, values: [1, 2])]),
        Accepted(name: "BOM, CRLF, column order, extra column, blank line", text: "\u{FEFF}Value;Extra;PERIOD;Series_ID\r\n1.5;x;2024-02-28;s\r\n\r\n2.5;y;2024-02-29;s\r\n",
                 series: [LongFormatSeries(id: "s", kind: .day, first: 19_781, values: [1.5, 2.5])]),
        Accepted(name: "integers, tabs, quoted Chinese id with delimiter", text: "series_id\tperiod\tvalue\n\"华东\t区\"\t-1\t1e3\n\"华东\t区\"\t0\t-2\n",
                 series: [LongFormatSeries(id: "华东\t区", kind: .integer, first: -1, values: [1000, -2])]),
        Accepted(name: "quoted quote", text: "series_id,period,value\n\"a\"\"b\",7,1\n",
                 series: [LongFormatSeries(id: "a\"b", kind: .integer, first: 7, values: [1])]),
    ]

    @Test(arguments: accepted)
    func acceptedLayouts(_ c: Accepted) throws {
        let input = try Self.read(c.text)
        #expect(input.series == c.series)
        #expect(input.skipped.isEmpty)
    }

    @Test(arguments: [
        ("", 1, "empty file"),
        ("id,period,value\n", 1, "no series_id column"),
        ("series_id,period,value\na,2024-13,1\n", 2, "is not YYYY-MM"),
        ("series_id,period,value\na,2023-02-29,1\n", 2, "is not YYYY-MM"),
        ("series_id,period,value\na,Q1,1\n", 2, "is not YYYY-MM"),
        ("series_id,period,value\na,99999999999999999999,1\n", 2, "is not YYYY-MM"),
        ("series_id,period,value\na,1,\n", 2, "missing value"),
        ("series_id,period,value\na,1,NaN\n", 2, "not a finite number"),
        ("series_id,period,value\na,1,1e999\n", 2, "not a finite number"),
        ("series_id,period,value\na,1,\"1,000\"\n", 2, "not a finite number"),
        ("series_id,period,value\na,1,1\na,2\n", 3, "2 fields, the header has 3"),
        ("series_id,period,value\n,1,1\n", 2, "empty series_id"),
        ("series_id,period,value\n\"a,1,1\n", 2, "unterminated quoted field"),
    ])
    func hostileRowsAreRejectedWithTheirLine(_ text: String, _ line: Int, _ reason: String) {
        #expect {
            _ = try Self.read(text)
        } throws: { error in
            guard let e = error as? LongFormatError else { return false }
            return e.line == line && e.reason.contains(reason) && e.description.hasPrefix("in.csv:\(line): ")
        }
    }

    @Test func gbkBytesAreRejectedAsNotUTF8() {
        // "华东" in GBK: D7 AA B6 AB.
        let bytes = Array("series_id,period,value\n".utf8) + [0xBB, 0xAA, 0xB6, 0xAB] + Array(",1,1\n".utf8)
        #expect(throws: LongFormatError(source: "x.csv", line: 2, reason: "not UTF-8 text (a GBK export? convert it to UTF-8 first)")) {
            _ = try LongFormatReader.read(bytes, source: "x.csv")
        }
    }

    @Test(arguments: [
        ("series_id,period,value\nbad,2024-01,1\nbad,2024-01,2\nok,1,1\n", "appears on lines 2 and 3"),
        ("series_id,period,value\nbad,2024-01,1\nbad,2024-03,2\nok,1,1\n", "no value for 2024-02"),
        ("series_id,period,value\nbad,2024-01,1\nbad,2024-01-02,2\nok,1,1\n", "mix"),
    ])
    func brokenSeriesAreSkippedOthersKept(_ text: String, _ reason: String) throws {
        let input = try Self.read(text)
        #expect(input.series.map(\.id) == ["ok"])
        #expect(input.skipped.count == 1 && input.skipped[0].hasPrefix("series bad: ") && input.skipped[0].contains(reason))
    }
}
