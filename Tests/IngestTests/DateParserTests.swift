import Columns
import Testing
@testable import Ingest

struct DateParserTests {
    struct DateCase: CustomTestStringConvertible, Sendable {
        let text: String
        let order: DateOrder
        let expected: String?
        init(_ text: String, _ expected: String?, _ order: DateOrder = .auto) {
            self.text = text
            self.expected = expected
            self.order = order
        }
        var testDescription: String { "\(text) [\(order)] → \(expected ?? "nil")" }
    }

    static let dates: [DateCase] = [
        DateCase("2024-03-05", "2024-03-05"),
        DateCase("2024/3/5", "2024-03-05"),
        DateCase("2024.03.05", "2024-03-05"),
        DateCase("2024年3月5日", "2024-03-05"),
        DateCase("2024年03月05日", "2024-03-05"),
        DateCase("2024年3月5号", "2024-03-05"),
        DateCase("20240305", "2024-03-05"),
        DateCase("  2024-03-05  ", "2024-03-05"),
        DateCase("03/05/2024", "2024-03-05", .mdy),
        DateCase("03/05/2024", "2024-05-03", .dmy),
        DateCase("03/05/2024", nil),  // ambiguous without a declared order
        DateCase("25/12/2024", "2024-12-25"),  // unambiguous: 25 is no month
        DateCase("12/25/2024", "2024-12-25"),
        DateCase("05-03-2024", "2024-03-05", .dmy),
        DateCase("45356", "2024-03-05"),  // Excel serial
        DateCase("1", "1900-01-01"),
        DateCase("45356.75", "2024-03-05"),
        DateCase("2024-03-05T10:00:00Z", "2024-03-05"),
        DateCase("2024-03-05 10:00", "2024-03-05"),
        DateCase("2024-02-29", "2024-02-29"),
        DateCase("2023-02-29", nil),  // not a leap year
        DateCase("2024-13-01", nil),
        DateCase("2024-00-10", nil),
        DateCase("2024-04-31", nil),
        DateCase("2024-03", nil),
        DateCase("2024-03-05x", nil),
        DateCase("2024-03/05", nil),  // mixed separators
        DateCase("hello", nil),
        DateCase("", nil),
        DateCase("2024年13月1日", nil),
        DateCase("3/5/24", nil),  // two-digit years are not guessed
        DateCase("9999999", nil),  // beyond Excel's last serial
    ]

    @Test(arguments: dates)
    func date(_ c: DateCase) {
        let days = DateParser.parseDate(c.text, order: c.order)
        #expect(days.map { CivilDate.iso(Int($0)) } == c.expected)
    }

    struct StampCase: CustomTestStringConvertible, Sendable {
        let text: String
        let expected: String?
        init(_ text: String, _ expected: String?) {
            self.text = text
            self.expected = expected
        }
        var testDescription: String { "\(text) → \(expected ?? "nil")" }
    }

    static let stamps: [StampCase] = [
        StampCase("2024-03-05T10:20:30Z", "2024-03-05 10:20:30"),
        StampCase("2024-03-05T10:20:30.123Z", "2024-03-05 10:20:30"),
        StampCase("2024-01-02T10:00:00.000Z", "2024-01-02 10:00:00"),  // Salesforce
        StampCase("2024-03-05T10:20:30+08:00", "2024-03-05 02:20:30"),
        StampCase("2024-03-05T01:00:00+0800", "2024-03-04 17:00:00"),
        StampCase("2024-03-05T10:00:00-05", "2024-03-05 15:00:00"),
        StampCase("2024-03-05 09:14", "2024-03-05 09:14:00"),  // HubSpot
        StampCase("2024/3/5 9:14:05", "2024-03-05 09:14:05"),
        StampCase("2024年3月5日 14:30", "2024-03-05 14:30:00"),
        StampCase("2024年3月5日 14时30分", "2024-03-05 14:30:00"),
        StampCase("3/25/2024 2:30 PM", "2024-03-25 14:30:00"),
        StampCase("3/25/2024 12:05 AM", "2024-03-25 00:05:00"),
        StampCase("2024-03-05", "2024-03-05 00:00:00"),
        StampCase("1709634030", "2024-03-05 10:20:30"),  // Unix seconds
        StampCase("1709634030000", "2024-03-05 10:20:30"),  // milliseconds (纷享销客 API)
        StampCase("45356.5", "2024-03-05 12:00:00"),  // Excel serial with a time
        StampCase("2024-03-05 10:20:30", "2024-03-05 10:20:30"),
        StampCase("2024-03-05T10:20:30", "2024-03-05 10:20:30"),
        StampCase("2024-02-30 10:00:00", nil),
        StampCase("2024-03-05 10:60:00", nil),
        StampCase("2024-03-05 24:00:00", "2024-03-06 00:00:00"),
        StampCase("2024-03-05T25:00:00Z", nil),
        StampCase("2024-03-05T10:61:00Z", nil),
        StampCase("2024-03-05T10:00:00+99:00", nil),
        StampCase("2024-03-0510:00", nil),
        StampCase("2024-03-05 13:00 PM", nil),
    ]

    @Test(arguments: stamps)
    func timestamp(_ c: StampCase) {
        let seconds = DateParser.parseTimestamp(c.text)
        #expect(seconds.map { CivilDate.isoTimestamp($0) } == c.expected)
    }

    @Test func bytesAndStringAgree() {
        var text = "2024年3月5日"
        let fromBytes = text.withUTF8 { DateParser.parse(UnsafeRawBufferPointer($0)) }
        #expect(fromBytes == DateParser.parse("2024年3月5日"))
        #expect(fromBytes?.hasTime == false)
    }
}
