import Foundation
import Testing

/// `crm run` as `make nightly` calls it: relative paths, from the project folder.
@Suite struct RunCommandTests {
    @Test func relativeOutputFolderIsCreatedInTheCurrentFolder() throws {
        let dir = CLIHarness.temporaryDirectory("run-relative")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        try "customer_id,name\nC1,张三\n".write(toFile: dir + "/data/customers.csv", atomically: true, encoding: .utf8)
        try "order_id,customer_id,order_date,amount\nO1,C1,2025-03-01,10.5\nO2,C1,2025-04-01,20\n"
            .write(toFile: dir + "/data/orders.csv", atomically: true, encoding: .utf8)
        try """
        sources:
          - { table: customers, file: data/customers.csv }
          - { table: orders, file: data/orders.csv }
        stages: [rfm]
        """.write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        let r = try CLIHarness.run(["run", "p.yml", "--out", "reports"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("report: "))
        #expect(FileManager.default.fileExists(atPath: dir + "/reports/index.html"))
        #expect(FileManager.default.fileExists(atPath: dir + "/reports/manifest.json"))
    }

    @Test func unwritableOutputIsOneClearLine() throws {
        let dir = CLIHarness.temporaryDirectory("run-unwritable")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "customer_id\nC1\n".write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        try "sources:\n  - { table: customers, file: c.csv }\nas_of: 2025-01-01\nstages: [rfm]\n"
            .write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        // A regular file where a folder is needed.
        try "x".write(toFile: dir + "/blocker", atomically: true, encoding: .utf8)
        let r = try CLIHarness.run(["run", "p.yml", "--out", "blocker/sub/reports"], in: dir)
        #expect(r.status != 0)
        // Progress lines come first (log style off a terminal); the cause is one last line.
        let last = r.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("crm run: cannot create the output folder blocker/sub"), "\(last)")
    }
}
