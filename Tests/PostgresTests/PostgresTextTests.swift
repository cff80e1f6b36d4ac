import Columns
import Testing
@testable import Ingest

/// PostgreSQL's ISO text output, parsed strictly; anything else is nil so the row is quarantined.
struct PostgresTextTests {
    @Test(arguments: [
        ("2025-02-28", "2025-02-28"), ("1970-01-01", "1970-01-01"), ("2024-02-29", "2024-02-29"),
        ("0001-01-01", "0001-01-01"), ("0001-02-29 BC", "0000-02-29"), ("12345-06-07", "12345-06-07"),
    ])
    func date(_ text: String, _ iso: String) {
        let days = parse(text, PostgresText.date)
        #expect(days.map { CivilDate.iso(Int($0)) } == iso)
    }

    @Test(arguments: ["", "infinity", "-infinity", "2025-02-30", "2023-02-29", "2025-13-01", "25-01-01", "2025-1-01",
                      "2025-01-01 ", "2025-01-01 AD", "２０２５-01-01", "2025-01-01\u{0}"])
    func notADate(_ text: String) {
        #expect(parse(text, PostgresText.date) == nil)
    }

    @Test(arguments: [
        ("2025-02-20 06:00:00", Int64(1_740_031_200)),
        ("2025-02-20 06:00:00.999999", 1_740_031_200),
        ("2025-02-20 06:00:00+00", 1_740_031_200),
        ("2025-02-20 14:00:00+08", 1_740_031_200),
        ("2025-02-20 00:30:00-05:30", 1_740_031_200),
        ("1883-11-18 12:03:58-07:52:58", -2_717_640_184),
        ("1969-12-31 23:59:59", -1),
        ("1970-01-01 00:00:00", 0),
    ])
    func timestamp(_ text: String, _ seconds: Int64) {
        #expect(parse(text, PostgresText.timestamp) == seconds)
    }

    @Test(arguments: ["infinity", "2025-02-20", "2025-02-20T06:00:00", "2025-02-20 24:00:00", "2025-02-20 06:00",
                      "2025-02-20 06:00:00.", "2025-02-20 06:00:00+8", "2025-02-20 06:00:00 UTC"])
    func notATimestamp(_ text: String) {
        #expect(parse(text, PostgresText.timestamp) == nil)
    }

    @Test(arguments: [("1", 1.0), ("-0.5", -0.5), ("1234567.89", 1234567.89), ("1e300", 1e300), ("1.5E-3", 0.0015)])
    func number(_ text: String, _ value: Double) {
        #expect(parse(text, PostgresText.double) == value)
    }

    @Test(arguments: ["", "NaN", "Infinity", "-Infinity", "1e999", "12abc", " 1", "1,5"])
    func notAFiniteNumber(_ text: String) {
        #expect(parse(text, PostgresText.double) == nil)
    }

    @Test(arguments: [("t", true as Bool?), ("f", false), ("true", nil), ("", nil), ("T", nil)])
    func bool(_ text: String, _ value: Bool?) {
        #expect(parse(text, PostgresText.bool) == value)
    }

    /// libpq hands out NUL-terminated values; the parsers get the bytes with that NUL just past the end.
    private func parse<T>(_ text: String, _ parser: (UnsafeRawBufferPointer) -> T?) -> T? {
        let bytes = Array(text.utf8) + [0]
        return bytes.withUnsafeBytes { parser(UnsafeRawBufferPointer(rebasing: $0[0..<(bytes.count - 1)])) }
    }
}
