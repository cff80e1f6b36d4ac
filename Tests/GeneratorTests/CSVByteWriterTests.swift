import Foundation
import Testing
@testable import Generator

@Suite struct CSVByteWriterTests {
    static let days = DayText(firstDay: 19000, lastDay: 21000)

    /// Writes one row with `body` and returns the file's text.
    static func row(_ body: (CSVByteWriter) -> Void, bufferSize: Int = 1 << 16) throws -> String {
        let path = NSTemporaryDirectory() + "csvwriter-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let w = try CSVByteWriter(path: path, days: days, bufferSize: bufferSize)
        body(w)
        w.endRow()
        try w.finish()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test(arguments: [
        ("plain", "plain\n"), ("a,b", "\"a,b\"\n"), ("say \"hi\"", "\"say \"\"hi\"\"\"\n"), ("two\nlines", "\"two\nlines\"\n"),
        ("cr\r", "\"cr\r\"\n"), ("", "\n"), ("王伟，全角逗号", "王伟，全角逗号\n"), ("=1+2", "=1+2\n"),
    ])
    func quoting(_ value: String, _ expected: String) throws {
        #expect(try Self.row { $0.field(value) } == expected)
        #expect(try Self.row { $0.field(EncodedText(value)) } == expected)
    }

    @Test(arguments: [
        (0, "0.00"), (5, "0.05"), (123_456, "1234.56"), (-250, "-2.50"), (100, "1.00"), (9_000_000_000_000, "90000000000.00"),
    ] as [(Int64, String)])
    func money(_ cents: Int64, _ expected: String) throws {
        #expect(try Self.row { $0.money(cents: cents) } == expected + "\n")
    }

    @Test(arguments: [
        (0, "1970-01-01 00:00:00"), (951_782_400, "2000-02-29 00:00:00"), (1_767_225_599, "2025-12-31 23:59:59"),
        (-1, "1969-12-31 23:59:59"), (1_709_596_800 + 57_723, "2024-03-05 16:02:03"),
    ] as [(Int64, String)])
    func timestamps(_ seconds: Int64, _ expected: String) throws {
        // Inside and outside the precomputed day window give the same text.
        #expect(try Self.row { $0.timestamp(seconds: seconds) } == expected + "\n")
    }

    @Test func nullsDigitsAndSeparators() throws {
        let text = try Self.row {
            $0.null()
            $0.beginField(); $0.appendPart("C"); $0.appendDigits(42, width: 7)
            $0.int(-17)
            $0.null()
        }
        #expect(text == ",C0000042,-17,\n")
    }

    @Test func fieldsLargerThanTheBufferAreWrittenWhole() throws {
        let big = String(repeating: "销售易", count: 5000)
        let text = try Self.row({ $0.field(big); $0.field("x,y") }, bufferSize: 1024)
        #expect(text == big + ",\"x,y\"\n")
    }

    @Test func unwritablePathIsReported() {
        #expect(throws: GeneratorError.self) {
            _ = try CSVByteWriter(path: "/nonexistent-dir/x.csv", days: Self.days)
        }
    }
}
