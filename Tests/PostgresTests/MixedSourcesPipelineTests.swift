import Columns
import Foundation
import Ingest
import Pipelines
import Snapshot
import Testing

extension PostgresServerTests {
    /// pipelines/mixed-sources.yml run whole: a Salesforce export (CSV), a 简道云 export (xlsx) and the
    /// Odoo database on the test server, resolved into one report. The run happens once per test
    /// process (`MixedRun.shared`); each test below checks one part of what it produced.
    @Suite struct MixedSources {
        /// Rows each source of the pipeline reads, in pipeline order (the sample files and odoo.sql).
        static let sourceRows: [(source: String, table: String, rows: Int)] = [
            ("Account.csv", "customers", 7), ("Contact.csv", "customers", 5), ("Lead.csv", "customers", 4),
            ("Opportunity.csv", "opportunities", 9), ("OpportunityHistory.csv", "stage_history", 7),
            ("Case.csv", "tickets", 2), ("Task.csv", "interactions", 2), ("Event.csv", "interactions", 1),
            ("Campaign.csv", "campaigns", 1), ("CampaignMember.csv", "campaign_members", 3),
            ("客户.xlsx", "customers", 8), ("商机.xlsx", "opportunities", 8),
            ("odoo:customers", "customers", 12), ("odoo:opportunities", "opportunities", 10), ("odoo:orders", "orders", 12),
        ]

        @Test func everySourceRowIsAccountedFor() throws {
            let run = try MixedRun.shared.get()
            #expect(run.manifest.inputs.map { "\($0.source) \($0.table) \($0.rowsRead)" }
                    == Self.sourceRows.map { "\($0.source) \($0.table) \($0.rows)" })
            for input in run.manifest.inputs {
                #expect(input.rowsRead == input.rowsLoaded + input.rowsQuarantined, "\(input.source)")
                #expect(input.rowsQuarantined == 0, "\(input.source)")
            }
            let total = Self.sourceRows.reduce(0) { $0 + $1.rows }
            #expect(run.summary.rowsRead == total && run.summary.rowsLoaded == total && run.summary.rowsQuarantined == 0)
            let accounting = try #require(run.manifest.accounting)
            #expect(accounting.balanced)
            // 7 + 5 + 4 Salesforce, 8 简道云, 12 Odoo customer rows; 16 of them are 7 people and companies.
            #expect(accounting.customersBeforeResolution == 36)
            #expect(accounting.goldenCustomers == 27)
            // A postgres input is named by its target (no password); its rows' lineage adds the query, on one line.
            let odoo = try #require(run.manifest.inputs.first { $0.source == "odoo:customers" })
            #expect(odoo.path == "postgresql://crm@127.0.0.1:\(run.port)/odoo")
            let ids = try #require(run.mergeLog["customer_id"]?.strings)
            let row = try #require((0..<run.mergeLog.rowCount).first { ids[$0] == "odoo-13" })
            let source = try #require(run.mergeLog["source"]?.strings?[row])
            #expect(source.hasPrefix("postgresql://crm@127.0.0.1:\(run.port)/odoo: SELECT p.id AS customer_id, p.name,"))
            #expect(source.hasSuffix(" ORDER BY p.id") && !source.contains("\n"), "\(source)")
        }

        /// Customers known to be the same across the systems (source customer ids after the profiles:
        /// Salesforce ids in their 15-character form, Odoo ids prefixed by the pipeline's queries).
        static let samePerson: [(who: String, ids: [String])] = [
            ("刘婷 (Odoo, Salesforce Contact 刘 婷, 简道云 139 1234 5678)", ["odoo-13", "003Hs00000CoNt4", "C006"]),
            ("赵敏 (Odoo, Salesforce Lead, 简道云)", ["odoo-17", "00QHs00000LeAd3", "C008"]),
            ("陈晓东 (Odoo, 简道云 with company 云启科技 and no e-mail)", ["odoo-11", "C007"]),
            ("Jonas Becker (Odoo, Salesforce 0049 170 5551234)", ["odoo-15", "003Hs00000CoNt5"]),
            ("深圳市鹏远电子股份有限公司 (Odoo, Salesforce Account)", ["odoo-12", "001Hs00000PnGyU"]),
            ("Nordlicht Logistik GmbH (Odoo, Salesforce Account)", ["odoo-14", "001Hs00000NoRdL"]),
            ("北京星河科技有限公司 (简道云, Salesforce Account)", ["C001", "001Hs00000XnGhE"]),
        ]

        @Test(arguments: samePerson.indices)
        func sameCustomerAcrossSystemsIsOneGoldenCustomer(_ k: Int) throws {
            let (who, ids) = Self.samePerson[k]
            let run = try MixedRun.shared.get()
            let clusters = Set(ids.map { run.goldenOf[$0] })
            #expect(clusters.count == 1 && !clusters.contains(nil), "\(who): \(ids.map { "\($0) → \(run.goldenOf[$0].map(String.init) ?? "alone")" })")
            // Nobody else joined them.
            if let g = clusters.first, let g {
                #expect(run.members(of: g).sorted() == ids.sorted(), "\(who)")
            }
        }

        /// Look-alikes that are different customers and must stay apart.
        static let different: [(why: String, a: String, b: String)] = [
            ("a namesake 刘婷 at another company, other phone and e-mail", "odoo-13", "00QHs00000LeAd4"),
            ("成都天府茶业 vs 成都天府物流: same city and e-mail domain", "odoo-19", "C004"),
            ("刘婷 and the company she works for", "odoo-13", "odoo-12"),
            ("陈晓东 and his company 杭州云启科技", "odoo-11", "odoo-10"),
        ]

        @Test(arguments: different.indices)
        func lookAlikesStayApart(_ k: Int) throws {
            let (why, a, b) = Self.different[k]
            let run = try MixedRun.shared.get()
            let ga = run.goldenOf[a], gb = run.goldenOf[b]
            #expect(ga == nil || ga != gb, "\(why)")
        }

        /// Events of one customer from different systems, which must all point at one golden customer id.
        static let rekeyed: [(who: String, events: [(table: String, id: String)], members: [String])] = [
            ("鹏远: Salesforce opportunity, Odoo opportunities and orders",
             [("opportunities", "006Hs00000OpPa7"), ("opportunities", "odoo-102"), ("opportunities", "odoo-110"),
              ("orders", "S00001"), ("orders", "S00002"), ("orders", "S00011")], ["odoo-12", "001Hs00000PnGyU"]),
            ("北京星河: 简道云 商机 and a Salesforce opportunity",
             [("opportunities", "S001"), ("opportunities", "S006"), ("opportunities", "006Hs00000OpPa8")],
             ["C001", "001Hs00000XnGhE"]),
            ("陈晓东: a 简道云 商机 and an Odoo order", [("opportunities", "S007"), ("orders", "S00012")], ["odoo-11", "C007"]),
            ("赵敏: a 简道云 商机 and an Odoo order", [("opportunities", "S008"), ("orders", "S00008")],
             ["odoo-17", "00QHs00000LeAd3", "C008"]),
            ("Nordlicht: a Salesforce opportunity, an Odoo opportunity and order",
             [("opportunities", "006Hs00000OpPa9"), ("opportunities", "odoo-103"), ("orders", "S00005")],
             ["odoo-14", "001Hs00000NoRdL"]),
        ]

        @Test(arguments: rekeyed.indices)
        func eventsFromDifferentSystemsPointAtTheGoldenCustomer(_ k: Int) throws {
            let (who, events, members) = Self.rekeyed[k]
            let run = try MixedRun.shared.get()
            var owners: [String?] = []
            for (table, id) in events {
                let t = try run.snapshot.table(table)
                let key = table == "orders" ? "order_id" : "opportunity_id"
                let ids = try #require(t[key]?.strings)
                let row = try #require((0..<t.rowCount).first { ids[$0] == id }, "\(who): no \(table) row \(id)")
                owners.append(t["customer_id"]?.strings?[row])
            }
            let owner = try #require(owners.first ?? nil, "\(who)")
            #expect(owners.allSatisfy { $0 == owner }, "\(who): \(owners)")
            #expect(members.contains(owner), "\(who): \(owner) is none of \(members)")
            // The golden customer exists, once, under that id.
            let customers = try run.snapshot.table("customers")
            let cids = try #require(customers["customer_id"]?.strings)
            #expect((0..<customers.rowCount).filter { cids[$0] == owner }.count == 1, "\(who)")
            for m in members where m != owner {
                #expect(!(0..<customers.rowCount).contains { cids[$0] == m }, "\(who): \(m) still a customer of its own")
            }
        }

        @Test func theReportSetIsPublished() throws {
            let run = try MixedRun.shared.get()
            let files = try FileManager.default.contentsOfDirectory(atPath: run.out)
            for name in ["index.html", "manifest.json", "merge_log.csv", "quarantine.csv", "models.json", "funnel.csv",
                         "rfm.csv", "churn.csv", "performance_owners.csv", "snapshot"] {
                #expect(files.contains(name), "\(name) missing from \(files.sorted())")
            }
            let html = try String(contentsOfFile: run.out + "/index.html", encoding: .utf8)
            #expect(html.contains("多系统客户合并"))
            // Its data-quality table lists every source of the three systems.
            for source in Self.sourceRows.map(\.source) { #expect(html.contains(">\(source)<"), "\(source)") }
            #expect(run.summary.htmlReports == [run.out + "/index.html"])
            // Revenue is per golden customer: 鹏远's Odoo orders S00001 + S00002 + S00011 (1,250,000 + 210,000
            // + 100,000) under the id of the Salesforce account it was merged with.
            let top = try CSVLoader.load(path: run.out + "/top_customers.csv",
                                         options: CSVOptions(types: ["customer_id": .string, "revenue": .double])).table
            #expect(top["customer_id"]?.strings?[0] == "001Hs00000PnGyU")
            #expect(top["revenue"]?.doubles?[0] == 1_560_000)
            // Opportunities of all three systems: 9 + 8 + 10.
            #expect(try run.snapshot.table("opportunities").rowCount == 27)
            #expect(try run.snapshot.table("customers").rowCount == 27)
        }
    }
}

/// One run of pipelines/mixed-sources.yml against the suite's server, shared by the tests above.
struct MixedRun: Sendable {
    let port: Int
    let out: String
    let summary: RunSummary
    let manifest: RunManifest
    /// merge_log.csv: one row per source customer row merged with another.
    let mergeLog: Table
    let snapshot: Snapshot
    /// Source customer id → merge-log cluster, for the rows that were merged with another.
    let goldenOf: [String: Int64]

    func members(of golden: Int64) -> [String] { goldenOf.filter { $0.value == golden }.map(\.key) }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static let shared = Once()

    final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<MixedRun, any Error>?

        func get() throws -> MixedRun {
            lock.lock()
            defer { lock.unlock() }
            if result == nil { result = Result { try MixedRun.make(server: try TestServer.require()) } }
            return try result!.get()
        }
    }

    static func make(server: TestServer) throws -> MixedRun {
        // The pipeline's URL is postgresql://crm@127.0.0.1:${PGPORT:-5432}/odoo.
        let config = try PipelineLoader.load(path: root + "/pipelines/mixed-sources.yml",
                                             environment: ["PGPORT": String(server.port)])
        let out = NSTemporaryDirectory() + "crm-mixed-sources-\(getpid())"
        try? FileManager.default.removeItem(atPath: out)
        let summary = try PipelineRunner(config: config, options: RunOptions(outDirectory: out,
                                                                               progress: ProgressReporter(style: .silent))).run()
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let manifest = try decoder.decode(RunManifest.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        let log = try CSVLoader.load(path: out + "/merge_log.csv",
                                     options: CSVOptions(types: ["customer_id": .string, "golden_id": .int64, "source": .string])).table
        var goldenOf: [String: Int64] = [:]
        if let ids = log["customer_id"]?.strings, let golden = log["golden_id"]?.int64s {
            for r in 0..<log.rowCount { if let id = ids[r] { goldenOf[id] = golden.values[r] } }
        }
        return MixedRun(port: server.port, out: out, summary: summary, manifest: manifest, mergeLog: log,
                        snapshot: try SnapshotReader.open(directory: out + "/snapshot"), goldenOf: goldenOf)
    }
}
