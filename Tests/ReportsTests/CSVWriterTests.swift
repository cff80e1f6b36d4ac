import Columns
import Testing
@testable import Reports

@Suite struct CSVWriterTests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\r", "\"cr\r\""),
        ("上海宏远贸易有限公司", "上海宏远贸易有限公司"),
        ("", ""),
    ])
    func rfc4180Quoting(field: String, expected: String) {
        var w = CSVWriter(bom: false)
        w.writeText(field)
        #expect(Self.text(w.bytes) == expected)
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://evil\",\"click\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""),
        ("=1+2", "'=1+2"),
        ("+86 138 0013 8000", "'+86 138 0013 8000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "\"'\rcmd\""),
        ("-12.5", "-12.5"),
        ("-7", "-7"),
        ("-", "'-"),
        ("-1.", "'-1."),
        ("a=b", "a=b"),
    ])
    func formulaCellsAreNeutralised(field: String, expected: String) {
        var w = CSVWriter(bom: false)
        w.writeText(field)
        #expect(Self.text(w.bytes) == expected)
    }

    @Test(arguments: [
        ("a\u{0}b", "a\u{FFFD}b"),
        ("\u{202E}gnp.exe", "gnp.exe"),
        ("x\u{2067}y", "xy"),
        ("\u{1B}[31m", "\u{FFFD}[31m"),
        ("\u{0}=cmd", "\u{FFFD}=cmd"),
    ])
    func controlAndDirectionCharactersAreInert(field: String, expected: String) {
        var w = CSVWriter(bom: false)
        w.writeText(field)
        #expect(Self.text(w.bytes) == expected)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        var w = CSVWriter(bom: false)
        let bad: [UInt8] = [0x61, 0xFF, 0xC3, 0x62]
        bad.withUnsafeBytes { w.writeText($0) }
        #expect(Self.text(w.bytes) == "a\u{FFFD}\u{FFFD}b")
    }

    @Test func recordsEndInCRLFAndBOMIsOptional() {
        let withBOM = CSVWriter.encode(header: ["名称", "amount"], rows: [["张伟", "12"], [nil, "-3"]], bom: true)
        #expect(Array(withBOM.prefix(3)) == CSVWriter.bom)
        #expect(Self.text(Array(withBOM.dropFirst(3))) == "名称,amount\r\n张伟,12\r\n,-3\r\n")
        let without = CSVWriter.encode(header: ["a"], rows: [], bom: false)
        #expect(without == Array("a\r\n".utf8))
    }

    @Test func tableColumnsAreWrittenByType() throws {
        let table = try Table(name: "t", columns: [
            ("id", .int64(PrimitiveColumn(values: [1, -20, 300], validity: Validity(bits: [true, true, false])))),
            ("name", .string(StringColumn(["=cmd|' /C calc'!A0", "李娜, \"Lina\"", nil]))),
            ("amount", .double(PrimitiveColumn(values: [1234.5, -0.25, 0]))),
            ("day", .date(PrimitiveColumn(values: [SampleReport.day(2025, 3, 5), 0, 0], validity: Validity(bits: [true, false, true])))),
            ("vip", .bool(PrimitiveColumn(values: [true, false, true]))),
        ])
        let csv = Self.text(CSVWriter.encode(table, bom: false))
        #expect(csv == """
            id,name,amount,day,vip\r
            1,'=cmd|' /C calc'!A0,1234.5,2025-03-05,true\r
            -20,"李娜, ""Lina\""",-0.25,,false\r
            ,,0,1970-01-01,true\r

            """)
    }

    @Test func dictionaryEncodedStringsAreWrittenLikePlainOnes() throws {
        let plain = StringColumn(["华东", "@home", "华东", nil])
        let t1 = try Table(name: "t", columns: [("region", .string(plain))])
        let t2 = try Table(name: "t", columns: [("region", .string(plain.dictionaryEncoded()))])
        #expect(CSVWriter.encode(t1, bom: true) == CSVWriter.encode(t2, bom: true))
        #expect(Self.text(CSVWriter.encode(t1, bom: false)) == "region\r\n华东\r\n'@home\r\n华东\r\n\r\n")
    }

    @Test func hugeFieldIsWrittenWhole() {
        let name = String(repeating: "名", count: 10_000)
        let csv = Self.text(CSVWriter.encode(header: ["name"], rows: [[name]], bom: false))
        #expect(csv == "name\r\n" + name + "\r\n")
    }

    @Test(arguments: [(ReportLanguage.zh, true), (.en, false)])
    func bomFollowsLanguage(language: ReportLanguage, bom: Bool) {
        #expect(language.csvWantsBOM == bom)
    }
}
