import Foundation
import SQLiteDB
import Testing
@testable import Pipelines

/// `crm clean` on small hand-written pipelines: empty sources, everything quarantined, Chinese
/// text in GBK, a switchboard number shared by strangers, names that would make row names ambiguous.
@Suite struct CleanupHostileInputTests {
    /// Writes `files` (name → bytes) and `pipeline.yml` into a fresh folder; returns the pipeline path.
    static func fixture(_ tag: String, _ files: [String: [UInt8]], pipeline: String) throws -> String {
        let dir = NSTemporaryDirectory() + "crm-clean-hostile-\(tag)-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        try pipeline.write(toFile: dir + "/pipeline.yml", atomically: true, encoding: .utf8)
        return dir + "/pipeline.yml"
    }

    static func run(_ path: String) throws -> (CleanupSummary, String) {
        let config = try PipelineLoader.load(path: path)
        let out = (path as NSString).deletingLastPathComponent + "/out"
        let s = try CleanupRunner(config: config, options: CleanupOptions(outDirectory: out, progress: ProgressReporter(style: .silent))).run()
        return (s, out)
    }

    /// GB18030 bytes of `text` (0x8000_0632 is Foundation's GB 18030 encoding number).
    static func gbk(_ text: String) -> [UInt8] {
        Array(text.data(using: String.Encoding(rawValue: 0x8000_0632))!)
    }

    @Test(arguments: [
        ("header only", "customer_id,name,phone\n", 0, 0),
        ("every name blank", "customer_id,name,phone\nA1,,13800000001\nA2,  ,13800000002\nA3,　,13800000003\n", 3, 0),
        ("one good row", "customer_id,name,phone\nA1,张三,13800000001\nA2,,13800000002\n", 1, 1),
    ])
    func accountingHoldsWhateverIsLeft(tag: String, csv: String, quarantined: Int, golden: Int) throws {
        let path = try Self.fixture("left-\(tag.filter(\.isLetter))", ["c.csv": Array(csv.utf8)], pipeline: """
            sources:
              - { table: customers, file: c.csv }
            cleanup:
              validate:
                - { column: name, check: required, action: quarantine }
            """)
        let (s, out) = try Self.run(path)
        #expect(s.rowsRead == s.rowsLinked + s.rowsQuarantined)
        #expect(s.rowsQuarantined == quarantined)
        #expect(s.goldenCustomers == golden)
        let db = try Database(path: out + "/golden.sqlite")
        let st = try db.prepare("select count(*) from source_rows")
        _ = try st.step()
        #expect(Int(st.int64(0)) == s.rowsRead)
        #expect(FileManager.default.fileExists(atPath: out + "/data_quality.html"))
    }

    @Test func gbkChineseTextSurvivesIntoEveryOutput() throws {
        // Forty different people give the model something to learn from; one of them is entered twice.
        var csv = "客户编号,客户名称,手机,公司\r\nKH1,欧阳娜娜,138 0013 8000,深圳光明商贸有限公司\r\nKH2,欧阳娜娜,+86 13800138000,深圳光明商贸股份有限公司\r\n"
        let surnames = Array("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章")
        for (i, s) in surnames.prefix(40).enumerated() {
            csv += "KH\(100 + i),\(s)\(["建国", "秀英", "志强", "丽娟"][i % 4]),139\(String(format: "%08d", 1_000_003 * (i + 7) % 100_000_000)),\(["杭州", "成都"][i % 2])\(s)记贸易有限公司\r\n"
        }
        let path = try Self.fixture("gbk", ["old.csv": Self.gbk(csv)], pipeline: """
            sources:
              - { table: customers, file: old.csv, encoding: gbk }
            """)
        let (s, out) = try Self.run(path)
        #expect(s.goldenCustomers == 41, "same name, same phone in two formats, 有限公司 vs 股份有限公司: one person")
        let golden = try String(contentsOfFile: out + "/golden_customers.csv", encoding: .utf8)
        #expect(golden.contains("欧阳娜娜"))
        let html = try String(contentsOfFile: out + "/data_quality.html", encoding: .utf8)
        #expect(html.contains("old.csv"))
        let log = try String(contentsOfFile: out + "/merge_log.csv", encoding: .utf8)
        #expect(log.contains("old.csv:2") && log.contains("old.csv:3"))
    }

    /// Thirty unrelated people reached through one company switchboard: the shared number must
    /// not chain them into one customer.
    @Test func sharedSwitchboardDoesNotMergeStrangers() throws {
        let surnames = Array("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜")
        var csv = "customer_id,name,phone,company\n"
        for (i, s) in surnames.prefix(30).enumerated() { csv += "S\(i),\(s)\(["明", "丽", "强"][i % 3])\(i),400-820-8820,上海恒通物流有限公司\n" }
        let path = try Self.fixture("switchboard", ["c.csv": Array(csv.utf8)], pipeline: "sources:\n  - { table: customers, file: c.csv }\n")
        let (s, _) = try Self.run(path)
        #expect(s.rowsLinked == 30)
        #expect(s.goldenCustomers >= 28, "\(s.goldenCustomers) golden records for 30 different people")
    }

    @Test func hugeCellsAreKeptWhole() throws {
        let huge = String(repeating: "长", count: 100_000)
        let csv = "customer_id,name,company\nH1,\(huge),甲公司\nH2,王五,\(huge)\n"
        let path = try Self.fixture("huge", ["c.csv": Array(csv.utf8)], pipeline: "sources:\n  - { table: customers, file: c.csv }\n")
        let (s, out) = try Self.run(path)
        #expect(s.rowsLinked == 2)
        let golden = try String(contentsOfFile: out + "/golden_customers.csv", encoding: .utf8)
        #expect(golden.contains(huge), "the CSV keeps the whole value")
        let db = try Database(path: out + "/golden.sqlite")
        let st = try db.prepare("select max(length(name)) from golden_customers")
        _ = try st.step()
        #expect(st.int64(0) == 100_000)
    }

    @Test func hostileTextIsEscapedOnThePage() throws {
        let csv = "customer_id,name,email\nX1,<script>alert(1)</script>,a@b.com\nX2,\"=HYPERLINK(\"\"x\"\")\",a@b.com\n"
        let path = try Self.fixture("escape", ["c.csv": Array(csv.utf8)], pipeline: "sources:\n  - { table: customers, file: c.csv }\n")
        let (_, out) = try Self.run(path)
        let html = try String(contentsOfFile: out + "/data_quality.html", encoding: .utf8)
        #expect(!html.contains("<script>"))
        let golden = try String(contentsOfFile: out + "/golden_customers.csv", encoding: .utf8)
        #expect(!golden.contains(",=HYPERLINK"), "formula cells are neutralised in CSV")
    }

    @Test func twoCustomerSourcesWithOneNameAreRefused() throws {
        let csv = Array("customer_id,name\nA1,张三\n".utf8)
        let path = try Self.fixture("ambiguous", ["c.csv": csv], pipeline: """
            sources:
              - { table: customers, file: c.csv }
              - { table: customers, file: ./c.csv }
            """)
        let config = try PipelineLoader.load(path: path)
        #expect(throws: CleanupError.ambiguousSourceName(name: "c.csv", lines: [2, 3])) {
            try CleanupRunner(config: config, options: CleanupOptions(progress: ProgressReporter(style: .silent))).run()
        }
    }

    @Test func pipelineWithoutCustomersIsRefused() throws {
        let path = try Self.fixture("nocustomers", ["o.csv": Array("order_id,customer_id,order_date,amount\nO1,C1,2025-01-01,5\n".utf8)],
                                    pipeline: "sources:\n  - { table: orders, file: o.csv }\nname: only-orders\n")
        let config = try PipelineLoader.load(path: path)
        #expect(throws: CleanupError.noCustomerSource(pipeline: "only-orders")) {
            try CleanupRunner(config: config, options: CleanupOptions(progress: ProgressReporter(style: .silent))).run()
        }
    }
}
