import Columns
import Foundation
import Pipelines
import Snapshot
import Testing

extension PostgresServerTests {
    /// `profile: odoo` on a `postgres:` source with a plain `SELECT * FROM sale_order`: the profile's
    /// rule for sale_order maps the columns and the states, as it would for a `\copy` export. It used
    /// to be ignored: the run then had no order_id, customer_id or canonical status.
    @Suite struct QueryProfileSource {
        static func run(table: String, query: String) throws -> (manifest: String, snapshot: Snapshot) {
            let s = try TestServer.require()
            let dir = NSTemporaryDirectory() + "crm-query-profile-" + UUID().uuidString
            try? FileManager.default.removeItem(atPath: dir)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let yaml = """
                name: odoo via profile
                as_of: 2025-12-31
                sources:
                  - { table: \(table), postgres: "\(s.url())", profile: odoo, query: "\(query)" }
                stages: [rfm]
                """
            let config = try PipelineLoader.parse(yaml: yaml, path: dir + "/p.yml")
            _ = try PipelineRunner(config: config, options: RunOptions(outDirectory: dir + "/out",
                                                                      progress: ProgressReporter(style: .silent))).run()
            let manifest = try String(contentsOfFile: dir + "/out/manifest.json", encoding: .utf8)
            return (manifest, try SnapshotReader.open(directory: dir + "/out/snapshot"))
        }

        /// (canonical column, values of the first four orders by id)
        @Test(arguments: [
            ("order_id", ["S00001", "S00002", "S00003", "S00004"]),
            ("customer_id", ["12", "12", "10", "10"]),
            ("status", ["confirmed", "done", "done", "confirmed"]),
            ("order_date", ["2025-02-20", "2025-06-18", "2024-05-06", "2025-07-15"]),
        ])
        func saleOrdersAreMappedByTheProfile(column: String, expected: [String]) throws {
            let (_, snapshot) = try Self.run(table: "orders", query: "SELECT * FROM sale_order ORDER BY id")
            let orders = try snapshot.table("orders")
            #expect(orders.rowCount == 12)
            #expect((0..<4).map { orders[column]?.text(at: $0) } == expected)
        }

        /// The profile's state map makes draft/sent quotations and the cancelled order visible to the
        /// revenue rules: the run's notes count them per status.
        @Test func quotationsFromTheProfileAreNotRevenue() throws {
            let (manifest, _) = try Self.run(table: "orders", query: "SELECT * FROM sale_order ORDER BY id")
            #expect(manifest.contains("by status: quotation 3, cancelled 1"), "\(manifest)")
        }
    }
}
