import Foundation
import Testing
@testable import Pipelines

@Suite struct PipelineLoaderTests {
    /// A scratch folder with two source files, so path checks have something to find.
    static let folder: String = {
        let dir = NSTemporaryDirectory() + "crm-pipeline-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir + "/data/customers.csv", contents: Data("customer_id\n1\n".utf8))
        _ = FileManager.default.createFile(atPath: dir + "/data/export.sqlite", contents: Data())
        return dir
    }()

    func parse(_ yaml: String) throws -> PipelineConfig {
        try PipelineLoader.parse(yaml: yaml, path: Self.folder + "/p.yml", displayPath: "p.yml")
    }

    func issues(_ yaml: String) -> [PipelineIssue] {
        do {
            _ = try parse(yaml)
            return []
        } catch let e as PipelineValidationError {
            return e.issues
        } catch {
            return [PipelineIssue(file: "?", line: 0, column: 0, message: "\(error)")]
        }
    }

    @Test func fullExampleParses() throws {
        let c = try parse("""
        name: nightly
        as_of: 2025-12-31
        sources:
          - table: customers
            file: data/customers.csv
            profile: generic
            columns: { name: 客户名称, phone: 手机 }
            types: { created_at: date }
            encoding: gbk
            delimiter: ";"
          - table: orders
            sqlite: data/export.sqlite
            query: select * from orders
        stages: [clean, resolve, rfm, funnel]
        funnel: { stages: [lead, qualified, won], probabilities: { lead: 0.1, qualified: 0.4 } }
        rfm: { window_days: all, dormant_days: 60 }
        reports:
          - { html: index.html, lang: zh }
          - { csv: [segments, churn] }
          - { scope: region, mask_pii: true }
        segments:
          vip_east: "segment = 'Champions' and region = '华东'"
        """)
        #expect(c.name == "nightly")
        #expect(c.asOf == .date(20453))
        #expect(c.sources.count == 2)
        #expect(c.sources[0].columns == ["name": "客户名称", "phone": "手机"])
        #expect(c.sources[0].types == ["created_at": .date])
        #expect(c.sources[0].delimiter == UInt8(ascii: ";"))
        #expect(c.sources[0].encoding == "gbk")
        #expect(c.sources[1].location == .sqlite(path: Self.folder + "/data/export.sqlite", query: "select * from orders"))
        #expect(c.stages == [.clean, .resolve, .rfm, .funnel])
        #expect(c.funnel.stages == ["lead", "qualified", "won"])
        #expect(c.funnel.probabilities["qualified"] == 0.4)
        #expect(c.rfm.windowDays == nil && c.rfm.dormantDays == 60)
        #expect(c.reports.map(\.kind) == [.html(file: "index.html", lang: "zh"), .csv(names: ["segments", "churn"]), .scoped(by: "region", maskPII: true)])
        #expect(c.segments.first?.name == "vip_east")
    }

    /// Each broken file names the line, and where a typo is likely, the valid name.
    @Test(arguments: [
        ("sources:\n  - table: customers\n    file: data/customers.csv\nstags: [rfm]\n", 4, "unknown key 'stags' (did you mean 'stages'?)"),
        ("sources:\n  - table: custmers\n    file: data/customers.csv\n", 2, "unknown table 'custmers' (did you mean 'customers'?)"),
        ("sources:\n  - table: customers\n    file: data/customer.csv\n", 3, "no such file 'data/customer.csv'"),
        ("sources:\n  - table: customers\n    file: data/customers.csv\nstages: [rfm, funel]\n", 4, "unknown stage 'funel' (did you mean 'funnel'?)"),
        ("sources:\n  - table: customers\n    file: data/customers.csv\n    columns: { nmae: 客户 }\n", 4, "'nmae' is not a column of customers (did you mean 'name'?)"),
        ("sources:\n  - table: customers\n    file: data/customers.csv\nas_of: 2025-02-30\n", 4, "expected a date as YYYY-MM-DD"),
        ("sources:\n  - table: customers\n    file: data/customers.csv\n    profile: salesfroce\n", 4, "unknown profile 'salesfroce' (did you mean 'salesforce'?)"),
        ("sources:\n  - table: customers\n    file: data/customers.csv\nreports:\n  - { csv: [segmnets] }\n", 5, "unknown export 'segmnets' (did you mean 'segments'?)"),
        ("sources:\n  - table: customers\n    file: data/customers.csv\nrfm: { window_days: -3 }\n", 4, "expected a whole number"),
        ("sources:\n  - table: customers\n", 2, "give 'file:' (CSV) or 'sqlite:'"),
        ("name: x\n", 1, "no 'sources:' list"),
        ("sources: [\n", 2, "YAML:"),
        ("- a\n- b\n", 1, "expected a mapping"),
        ("sources:\n  - table: customers\n    file: data/customers.csv\nfunnel: { stages: [lead] }\n", 4, "at least two stages"),
        ("sources:\n  - table: customers\n    file: data/customers.csv\n    sqlite: data/export.sqlite\n", 4, "either 'file:' or 'sqlite:'"),
    ])
    func brokenFileIsLocated(yaml: String, line: Int, fragment: String) {
        let found = issues(yaml)
        #expect(!found.isEmpty)
        #expect(found.contains { $0.line == line && $0.message.contains(fragment) }, "got: \(found)")
    }

    @Test func allIssuesAreReportedAtOnce() {
        let found = issues("sources:\n  - table: custmers\n    file: nope.csv\nstags: []\nrfm: { window_days: x }\n")
        #expect(found.count >= 4)
        #expect(found.allSatisfy { $0.file == "p.yml" })
    }

    @Test func defaultsWhenOmitted() throws {
        let c = try parse("sources:\n  - table: customers\n    file: data/customers.csv\n")
        #expect(c.asOf == .auto)
        #expect(c.stages == PipelineConfig.Stage.allCases)
        #expect(c.funnel.stages.first == "lead")
        #expect(c.reports.count == 1)
    }
}
