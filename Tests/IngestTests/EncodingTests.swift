import Columns
import Testing
@testable import Ingest

struct EncodingTests {
    static let text = "客户名称,城市\n张三,上海\n李四,北京\n"

    static func utf16(_ s: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in s.utf16 {
            let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    static let cases: [(String, [UInt8], TextEncoding)] = [
        ("UTF-8", Array(text.utf8), .utf8),
        ("UTF-8 BOM", [0xEF, 0xBB, 0xBF] + Array(text.utf8), .utf8BOM),
        ("GBK", Fixtures.gbk(text), .gb18030),
        ("UTF-16LE BOM", utf16(text, bigEndian: false, bom: true), .utf16LE),
        ("UTF-16BE BOM", utf16(text, bigEndian: true, bom: true), .utf16BE),
        ("UTF-16LE without BOM", utf16("name,city\nZhang,Shanghai\nLi,Beijing\n", bigEndian: false, bom: false), .utf16LE),
    ]

    @Test(arguments: cases)
    func detectsAndDecodes(_ name: String, _ bytes: [UInt8], _ encoding: TextEncoding) throws {
        let f = Fixtures()
        let path = f.write("enc.csv", bytes)
        let r = try CSVLoader.load(path: path, options: CSVOptions())
        #expect(r.encoding == encoding)
        #expect(r.account.rowsLoaded == 2)
        #expect(r.account.rowsQuarantined == 0)
        if encoding != .utf16LE || bytes.first == 0xFF {
            #expect(r.table.columnNames == ["客户名称", "城市"])
            #expect(r.table["城市"]?.text(at: 1) == "北京")
        }
    }

    @Test func chineseGBKFileMapsOntoCustomers() throws {
        let f = Fixtures()
        let csv = "客户编号,客户名称,手机,邮箱,公司,负责人,创建时间,客户级别\n"
            + "C001,张三,13800138000,zhang@example.com,上海某某有限公司,王经理,2024年3月5日,VIP\n"
            + "C002,李四,,li@example.com,北京某某股份有限公司,赵经理,2024/3/6 9:30,普通\n"
        let path = f.write("gbk.csv", Fixtures.gbk(csv))
        let r = try CSVLoader.load(path: path, options: CSVOptions(table: .customers))
        #expect(r.encoding == .gb18030)
        #expect(r.table.columnNames == ["customer_id", "name", "email", "phone", "company", "owner", "created_at", "客户级别"])
        #expect(r.unmappedHeaders == ["客户级别"])
        #expect(r.table["name"]?.text(at: 0) == "张三")
        #expect(r.table["company"]?.text(at: 1) == "北京某某股份有限公司")
        #expect(r.table["phone"]?.text(at: 1) == nil)
        #expect(r.table["created_at"]?.text(at: 0) == "2024-03-05 00:00:00")
        #expect(r.table["created_at"]?.text(at: 1) == "2024-03-06 09:30:00")
        #expect(r.table.lineage?.line == [2, 3])
    }

    @Test func undecodableDeclaredEncodingNamesTheFileAndOffset() throws {
        let f = Fixtures()
        let path = f.write("bad16.csv", [0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8])  // lone surrogate
        #expect {
            try CSVLoader.load(path: path, options: CSVOptions())
        } throws: { error in
            "\(error)".contains("bad16.csv") && "\(error)".contains("UTF-16LE")
        }
    }

    @Test(arguments: [
        ("a,b,c\n1,2,3\n", UInt8(ascii: ",")),
        ("a;b;c\n1;2,5;3\n", UInt8(ascii: ";")),
        ("a\tb\tc\n1\t2\t3\n", UInt8(0x09)),
        ("a|b|c\n1|2|3\n", UInt8(ascii: "|")),
        ("\"x;y\",b\n\"1;2\",3\n", UInt8(ascii: ",")),
        ("single\n1\n", UInt8(ascii: ",")),
    ])
    func sniffsDelimiter(_ text: String, _ expected: UInt8) {
        var text = text
        #expect(text.withUTF8 { DelimiterSniffer.sniff(UnsafeRawBufferPointer($0)) } == expected)
    }

    @Test func semicolonFileWithDecimalComma() throws {
        let f = Fixtures()
        let path = f.write("eu.csv", "order_id;amount;order_date\nA1;1 234,50;05.03.2024\nA2;(12,00);25.12.2024\n")
        let r = try CSVLoader.load(path: path, options: CSVOptions(dateOrder: .dmy, decimalComma: true, table: .orders))
        #expect(r.delimiter == UInt8(ascii: ";"))
        #expect(r.table["amount"]?.doubles?.values == [1234.5, -12])
        #expect(r.table["order_date"]?.text(at: 0) == "2024-03-05")
        #expect(r.table["order_date"]?.text(at: 1) == "2024-12-25")
        // Without a declared order 05.03.2024 is ambiguous, so that row is quarantined.
        let auto = try CSVLoader.load(path: path, options: CSVOptions(decimalComma: true, table: .orders))
        #expect(auto.quarantine.map(\.line) == [2])
        #expect(auto.quarantine.first?.column == "order_date")
        #expect(auto.quarantine.first?.reason.contains("as a date") == true)
    }
}
