import Columns
import Testing

@testable import Query

@Suite struct TextFunctionTests {
    static let like: [(String, String, Bool)] = [
        ("abc", "abc", true), ("abc", "a%", true), ("abc", "%c", true), ("abc", "a_c", true), ("abc", "_", false),
        ("", "", true), ("", "%", true), ("", "_", false), ("abc", "", false), ("李小明", "李%", true), ("李小明", "_小_", true),
        ("李小明", "__", false), ("aXbXc", "%X%X%", true), ("aaa", "%a%a%a%a%", false), ("a%c", "a\\%c", false),
        ("ABC", "abc", false), ("mississippi", "%iss%ppi", true), ("mississippi", "m%s%s%s%s%s%", false), ("mississippi", "m%s%s%s%s%", true),
        (String(repeating: "a", count: 5000), String(repeating: "%a", count: 60) + "b", false),
    ]

    @Test(arguments: like)
    func likeMatches(text: String, pattern: String, expected: Bool) {
        var t = text, p = pattern
        let got = t.withUTF8 { tb in p.withUTF8 { pb in LikePattern.matches(UnsafeRawBufferPointer(tb), UnsafeRawBufferPointer(pb)) } }
        #expect(got == expected)
    }

    static let months: [(String, Int64, String)] = [
        ("2025-03-31", -1, "2025-02-28"), ("2024-03-31", -1, "2024-02-29"), ("2024-02-29", -12, "2023-02-28"),
        ("2025-01-15", 13, "2026-02-15"), ("2025-01-31", -25, "2022-12-31"), ("0001-01-01", -1, "0000-12-01"),
    ]

    @Test(arguments: months)
    func addMonthsClampsToMonthEnd(from: String, months: Int64, expected: String) {
        #expect(CivilDate.iso(Int(CalendarSteps.addMonths(Int64(TemporalLiteral.days(from)!), months))) == expected)
    }

    @Test func weekdayStartsOnSunday() {
        #expect(CalendarSteps.weekday(Int64(TemporalLiteral.days("2025-01-05")!)) == 0)
        #expect(CalendarSteps.weekday(Int64(TemporalLiteral.days("1969-12-31")!)) == 3)
    }

    @Test func tableAlignsWideCharactersAndNeutralisesControls() throws {
        let t = try Table(name: "r", columns: [
            ("名称", .string(StringColumn(["上海某某有限公司", "ab\u{1B}[31m", nil]))), ("n", .int64(PrimitiveColumn([1, 200, nil], zero: 0))),
        ])
        let lines = TextTable.render(t).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == ["名称                n", "----------------  ---", "上海某某有限公司    1", "ab\u{FFFD}[31m           200", "                     "])
        #expect(Set(lines.map(TextTable.width)).count == 1)
    }

    @Test func jsonEscapes() throws {
        let t = try Table(name: "r", columns: [
            ("s", .string(StringColumn(["a\"b\\c\n\u{1}", nil]))), ("x", .double(PrimitiveColumn(values: [1.5, .infinity]))),
        ])
        #expect(JSONRows.render(t) == "[\n{\"s\":\"a\\\"b\\\\c\\n\\u0001\",\"x\":1.5},\n{\"s\":null,\"x\":null}\n]")
    }
}
