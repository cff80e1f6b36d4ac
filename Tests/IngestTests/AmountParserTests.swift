import Testing
@testable import Ingest

struct AmountParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let expected: Double?
        let decimalComma: Bool
        init(_ text: String, _ expected: Double?, decimalComma: Bool = false) {
            self.text = text
            self.expected = expected
            self.decimalComma = decimalComma
        }
        var testDescription: String { "\(text)\(decimalComma ? " [decimal comma]" : "") → \(expected.map { "\($0)" } ?? "nil")" }
    }

    static let cases: [Case] = [
        Case("1234.5", 1234.5),
        Case("¥1,234.50", 1234.5),
        Case("￥1,234.50", 1234.5),  // full-width yen sign U+FFE5
        Case("¥ 1,234.50", 1234.5),
        Case("1.2万", 12000),
        Case("3亿", 300_000_000),
        Case("1.5万元", 15000),
        Case("(123.00)", -123),
        Case("（123.00）", -123),  // full-width parentheses
        Case("1,234.00元", 1234),
        Case("$1,234", 1234),
        Case("-$1,234.56", -1234.56),
        Case("$-12", -12),
        Case("−42", -42),  // U+2212 minus sign
        Case("+7", 7),
        Case("RMB 1,000", 1000),
        Case("1000 CNY", 1000),
        Case("€99.99", 99.99),
        Case("1.5e3", 1500),
        Case("0.1", 0.1),
        Case(".5", 0.5),
        Case("1,234,567.89", 1_234_567.89),
        Case("1 234,50", 1234.5, decimalComma: true),
        Case("1.234,50", 1234.5, decimalComma: true),
        Case("12,5", 12.5, decimalComma: true),
        Case("1 234,50", nil),  // a space is no separator without a decimal comma
        Case("12,5", nil),  // irregular grouping
        Case("1,23,4", nil),
        Case("1,2345", nil),
        Case("1.5", nil, decimalComma: true),
        Case("abc", nil),
        Case("", nil),
        Case("¥", nil),
        Case("12abc", nil),
        Case("1.2.3", nil),
        Case("万", nil),
        Case("--5", nil),
        Case("(12", nil),
    ]

    @Test(arguments: cases)
    func amount(_ c: Case) {
        #expect(AmountParser.parse(c.text, decimalComma: c.decimalComma) == c.expected)
    }

    @Test func roundsOnceLikeTheDecimalLiteral() {
        #expect(AmountParser.parse("0.3") == 0.3)
        #expect(AmountParser.parse("123456789.123") == 123456789.123)
        #expect(AmountParser.parse("12345678901234567890000") == 12345678901234567890000.0)
    }

    @Test(arguments: [("42", Int64(42)), ("-7", -7), (" 10 ", 10), ("9223372036854775807", Int64.max)])
    func integers(_ text: String, _ expected: Int64) {
        #expect(IntegerParser.parse(text) == expected)
    }

    @Test(arguments: ["", "1.5", "1,000", "9223372036854775808", "12a", "-"])
    func notIntegers(_ text: String) {
        #expect(IntegerParser.parse(text) == nil)
    }

    @Test(arguments: [("true", true), ("No", false), ("是", true), ("否", false), ("1", true), ("F", false)])
    func booleans(_ text: String, _ expected: Bool) {
        #expect(BoolParser.parse(text) == expected)
    }
}
