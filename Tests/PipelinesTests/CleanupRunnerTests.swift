import Foundation
import SQLiteDB
import Testing
@testable import Pipelines

/// Whole cleanups of pipelines/cleanup.yml (old CRM GBK CSV + ERP SQLite) on the committed sample data.
@Suite(.serialized) struct CleanupRunnerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let pipeline = root + "/pipelines/cleanup.yml"

    static func scratch(_ tag: String) -> String {
        let dir = NSTemporaryDirectory() + "crm-clean-\(tag)-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func run(into out: String, lang: String? = nil) throws -> CleanupSummary {
        let config = try PipelineLoader.load(path: pipeline)
        return try CleanupRunner(config: config, options: CleanupOptions(outDirectory: out, lang: lang,
                                                                         progress: ProgressReporter(style: .silent))).run()
    }

    static func rows(_ db: Database, _ sql: String) throws -> [[String?]] {
        let st = try db.prepare(sql)
        var out: [[String?]] = []
        while try st.step() { out.append((0..<st.columnCount).map { st.text($0) }) }
        return out
    }

    @Test func everyCustomerRowIsLinkedOrQuarantined() throws {
        let out = Self.scratch("accounting") + "/set"
        let s = try Self.run(into: out)
        #expect(s.rowsRead == s.rowsLinked + s.rowsQuarantined)
        // The sample's old CRM has 227 customer rows (3 hostile), the ERP 180.
        #expect(s.rowsRead == 407)
        #expect(s.rowsQuarantined == 3)
        #expect(Set(s.files) == ["golden_customers.csv", "merge_log.csv", "quarantine.csv", "orders.csv", "golden.sqlite",
                                 "data_quality.html", "manifest.json"])

        let db = try Database(path: out + "/golden.sqlite")
        #expect(try db.tableNames() == ["golden_customers", "merge_log", "orders", "source_rows"])
        let status = try Self.rows(db, "select status, count(*) from source_rows group by status order by status")
        #expect(status == [["linked", String(s.rowsLinked)], ["quarantined", String(s.rowsQuarantined)]])
        // Every linked row names an existing golden record; quarantined rows name none.
        #expect(try Self.rows(db, "select count(*) from source_rows where status = 'linked' and golden_id not in (select golden_id from golden_customers)") == [["0"]])
        #expect(try Self.rows(db, "select count(*) from source_rows where status = 'quarantined' and golden_id is not null") == [["0"]])
        #expect(try Self.rows(db, "select count(*) from golden_customers") == [[String(s.goldenCustomers)]])
        #expect(try Self.rows(db, "select sum(member_count) from golden_customers") == [[String(s.rowsLinked)]])

        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as! [String: Any]
        let accounting = manifest["accounting"] as! [String: Any]
        #expect(accounting["balanced"] as? Bool == true)
        #expect(accounting["customer_rows_read"] as? Int == 407)
        #expect((manifest["inputs"] as! [[String: Any]]).map { $0["sha256"] as! String }.allSatisfy { $0.count == 64 })

        // quarantine.csv holds the customer rows quarantined plus the orders row with an unreadable date.
        let quarantine = try String(contentsOfFile: out + "/quarantine.csv", encoding: .utf8)
        let lines = quarantine.split(separator: "\r\n").dropFirst()
        #expect(lines.filter { $0.contains(",customers,") }.count == s.rowsQuarantined)
        #expect(lines.contains { $0.hasPrefix("old_crm_orders.csv:302,") && $0.contains("order_date") })
        #expect(lines.contains { $0.hasPrefix("old_crm_customers.csv:222,") && $0.contains("required value missing") })
    }

    @Test func twoRunsAreByteIdenticalExceptTimings() throws {
        let dir = Self.scratch("determinism")
        _ = try Self.run(into: dir + "/a")
        _ = try Self.run(into: dir + "/b")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/a").sorted()
        #expect(files == (try FileManager.default.contentsOfDirectory(atPath: dir + "/b").sorted()))
        for f in files where f != "manifest.json" {
            let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a/" + f))
            let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b/" + f))
            #expect(a == b, "\(f) differs between two runs")
        }
        func withoutTimings(_ path: String) throws -> String {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return text.split(separator: "\n").filter { !$0.contains("\"seconds\"") && !$0.contains("phases: ") }.joined(separator: "\n")
        }
        #expect(try withoutTimings(dir + "/a/manifest.json") == withoutTimings(dir + "/b/manifest.json"))
    }

    /// truth.csv says which invented person each sample row describes; pairs in one golden record
    /// are compared with pairs of the same person.
    @Test func goldenRecordsMatchTheSampleTruth() throws {
        let out = Self.scratch("truth") + "/set"
        _ = try Self.run(into: out)
        let db = try Database(path: out + "/golden.sqlite")
        var golden: [String: String] = [:]
        for r in try Self.rows(db, "select row, golden_id from source_rows where status = 'linked'") { golden[r[0]!] = r[1]! }
        var person: [String: String] = [:]
        let truth = try String(contentsOfFile: Self.root + "/sample-data/cleanup/truth.csv", encoding: .utf8)
        for line in truth.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            person[f[0] + ":" + f[1]] = f[3]
        }
        let rows = golden.keys.sorted()
        #expect(rows.allSatisfy { person[$0] != nil }, "every linked row is in truth.csv")
        func pairs(_ key: [String: String]) -> Set<String> {
            var groups: [String: [String]] = [:]
            for r in rows { groups[key[r]!, default: []].append(r) }
            var out = Set<String>()
            for g in groups.values { for i in g.indices { for j in g.indices where i < j { out.insert(g[i] + "|" + g[j]) } } }
            return out
        }
        let predicted = pairs(golden), actual = pairs(person)
        let found = predicted.intersection(actual).count
        let precision = Double(found) / Double(max(predicted.count, 1)), recall = Double(found) / Double(max(actual.count, 1))
        #expect(actual.count == 200)
        #expect(precision >= 0.99, "precision \(precision); wrong merges: \(predicted.subtracting(actual).sorted().prefix(5))")
        #expect(recall >= 0.95, "recall \(recall); missed: \(actual.subtracting(predicted).sorted().prefix(5))")
    }

    @Test func ordersAreRekeyedToGoldenCustomers() throws {
        let out = Self.scratch("rekey") + "/set"
        let s = try Self.run(into: out)
        #expect(s.eventsRekeyed > 0)
        let db = try Database(path: out + "/golden.sqlite")
        // 301 + 400 orders read, one quarantined (unreadable date): every other one is kept.
        #expect(try Self.rows(db, "select count(*) from orders") == [["700"]])
        // Every order names a golden customer: no customer of the sample with orders was quarantined.
        #expect(try Self.rows(db, "select count(*) from orders where customer_id not in (select customer_id from golden_customers)") == [["0"]])
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"unlinked\" : 0"))
    }

    @Test func mergeLogRowsAreNamesExplainAccepts() throws {
        let config = try PipelineLoader.load(path: Self.pipeline)
        let p = try CleanupPreparation.run(config: config, progress: ProgressReporter(style: .silent))
        let tables = try CleanupTables(p)
        let directory = RowDirectory(customers: p.customers, quarantine: p.quarantine, sources: p.loaded.customerSources)
        let names = tables.mergeLog["row"]!.strings!, golden = tables.mergeLog["golden_id"]!.int64s!
        #expect(tables.mergeLog.rowCount > 0)
        for i in 0..<tables.mergeLog.rowCount {
            let r = try directory.row(for: names[i]!)
            #expect(CleanupTables.rowName(p.customers, r) == names[i]!)
            #expect(Int64(p.goldenIndex[r]) == golden.values[i])
        }
        #expect(Set(tables.mergeLog.columnNames).isSuperset(of: ["golden_id", "source", "line", "match_probability", "w_name", "w_email", "w_phone"]))
    }

    @Test(arguments: [
        // Both rows of the sample's invented David Liu (old CRM line 2 and its second old-CRM row).
        ("old_crm_customers.csv:2", "old_crm_customers.csv:211", "MATCH — match probability"),
        ("KH00002", "C-1001", "NO MATCH — match probability"),
    ])
    func explainGivesAVerdictFieldByField(a: String, b: String, verdict: String) throws {
        let config = try PipelineLoader.load(path: Self.pipeline)
        let text = try CleanupRunner(config: config, options: CleanupOptions(progress: ProgressReporter(style: .silent))).explain(a, b)
        #expect(text.contains(verdict), "\(text)")
        #expect(text.contains("threshold 0.97"))
        for field in ["name", "email", "phone", "company", "city", "prior"] { #expect(text.contains("  \(field) "), "\(field) missing: \(text)") }
        #expect(text.hasPrefix("A (row "))
    }

    @Test func englishAndChinesePagesDiffer() throws {
        let dir = Self.scratch("lang")
        _ = try Self.run(into: dir + "/en", lang: "en")
        _ = try Self.run(into: dir + "/zh", lang: "zh")
        let en = try String(contentsOfFile: dir + "/en/data_quality.html", encoding: .utf8)
        let zh = try String(contentsOfFile: dir + "/zh/data_quality.html", encoding: .utf8)
        #expect(en.contains("Where the rows went") && en.contains("lang=\"en\""))
        #expect(zh.contains("行数核对") && zh.contains("lang=\"zh-CN\""))
        #expect(!en.contains("<script") && !zh.contains("<script") && !zh.contains("src=") && !zh.contains("<link"))
        // zh CSVs carry the BOM Excel needs; en ones do not.
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/zh/golden_customers.csv")).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/en/golden_customers.csv")).prefix(3) != Data([0xEF, 0xBB, 0xBF]))
    }
}
