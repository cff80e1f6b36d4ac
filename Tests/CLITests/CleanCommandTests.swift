import Foundation
import Testing

/// `crm clean` as a user runs it: the built binary, from the project folder.
@Suite struct CleanCommandTests {
    @Test func samplePipelinePublishesTheSetAndSaysWhereTheRowsWent() throws {
        let dir = CLIHarness.temporaryDirectory("clean-sample")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLIHarness.run(["clean", "--out", dir + "/set", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("customer rows read 407 = linked 404 + quarantined 3"), "\(r.stdout)")
        for f in ["golden_customers.csv", "golden.sqlite", "merge_log.csv", "quarantine.csv", "orders.csv", "data_quality.html", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/set/" + f), "\(f) missing")
        }
        // The GBK source is detected and said so on stderr's progress lines.
        #expect(r.stderr.contains("old_crm_customers.csv") && r.stderr.contains("GB18030"))
    }

    @Test(arguments: [
        (["old_crm_customers.csv:2", "old_crm_customers.csv:211"], "MATCH — match probability"),
        (["KH00002", "C-1001"], "NO MATCH — match probability"),
    ])
    func explainPrintsTheVerdictFieldByField(rows: [String], verdict: String) throws {
        let r = try CLIHarness.run(["clean", "--explain"] + rows)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(verdict), "\(r.stdout)")
        #expect(r.stdout.contains("(threshold 0.97)"))
        #expect(r.stdout.contains("  phone "))
        #expect(r.stderr.isEmpty, "explain prints no progress: \(r.stderr)")
    }

    @Test(arguments: [
        (["clean", "--explain", "KH0002", "C-1001"], "crm clean --explain: no row 'KH0002' (did you mean 'KH00002'?)"),
        (["clean", "--explain", "old_crm_customers.csv:999", "C-1001"], "nearest linked row: old_crm_customers.csv:228"),
        (["clean", "--explain", "old_crm_customers.csv:222", "C-1001"], "was quarantined (required value missing)"),
        (["clean", "no/such.yml"], "no/such.yml: no such pipeline file"),
    ])
    func mistakesAreOneClearLine(arguments: [String], message: String) throws {
        let r = try CLIHarness.run(arguments)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test(arguments: [
        (["clean", "--lang", "fr"], "--lang: expected zh or en, got 'fr'"),
        (["clean", "--explain", "KH00002"], "--explain: give two rows"),
        (["clean", "--explain", "a", "b", "c"], "--explain: give two rows"),
        (["clean", "--explain", "a", "b", "--out", "/tmp/x"], "--explain writes nothing"),
    ])
    func wrongArgumentsAreRefusedBeforeAnyWork(arguments: [String], message: String) throws {
        let r = try CLIHarness.run(arguments)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test func brokenPipelineIsLocated() throws {
        let dir = CLIHarness.temporaryDirectory("clean-broken")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "customer_id,name\nA1,张三\n".write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        try "sources:\n  - { table: customers, file: c.csv }\n  - { table: customers, sqlite: missing.sqlite }\ncleanup:\n  lnag: zh\n"
            .write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        let r = try CLIHarness.run(["clean", "p.yml"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("p.yml:3:33: source sqlite: no such file 'missing.sqlite'"), "\(r.stderr)")
        #expect(r.stderr.contains("p.yml:5:3: cleanup: unknown key 'lnag' (did you mean 'lang'?)"), "\(r.stderr)")
    }

    @Test func relativeOutFolderAndCleanupOutKey() throws {
        let dir = CLIHarness.temporaryDirectory("clean-relative")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "customer_id,name,phone\nA1,张三,13800138000\nA2,张三,+86 138 0013 8000\n".write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        try "sources:\n  - { table: customers, file: c.csv }\ncleanup:\n  out: result\n".write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        let r = try CLIHarness.run(["clean", "p.yml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/result/golden_customers.csv"))
        let r2 = try CLIHarness.run(["clean", "p.yml", "--out", "elsewhere"], in: dir)
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/elsewhere/manifest.json"))
    }

    @Test func cleanupPipelineValidates() throws {
        let r = try CLIHarness.run(["validate", "pipelines/cleanup.yml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("valid — 4 sources"))
    }

    @Test func helpShowsExamples() throws {
        let r = try CLIHarness.run(["clean", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("crm clean --explain old_crm_customers.csv:3 erp.sqlite:customers:12"))
        #expect(r.stdout.contains("SOURCE:LINE"))
    }
}
