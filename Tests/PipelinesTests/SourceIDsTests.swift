import Columns
import Foundation
import Testing
@testable import Pipelines

/// Two systems that both number customers 1, 2, 3…: stacked, resolution kept the first row of an
/// id and gave the second source's orders to the first source's customer.
@Suite struct SourceIDsTests {
    static let folder: String = {
        let dir = NSTemporaryDirectory() + "crm-source-ids-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let files = [
            "crm_a.csv": "customer_id,name\n1,Wang Fang\n2,Li Lei\n",
            "crm_b.csv": "customer_id,name\n7,Zhao Min\n2,Chen Jie\n",
            "orders_b.csv": "order_id,customer_id,order_date,amount\nB1,2,2025-03-01,100\nB2,7,2025-03-02,50\n",
            "crm_c.csv": "customer_id,name\n8,Sun Li\n",
        ]
        for (name, text) in files { _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(text.utf8)) }
        return dir
    }()

    static func config(_ sources: String) throws -> PipelineConfig {
        try PipelineLoader.parse(yaml: "sources:\n" + sources, path: folder + "/p.yml", displayPath: "p.yml")
    }

    static func load(_ sources: String) throws -> SourceLoading.Loaded {
        let c = try config(sources)
        return try SourceLoading(progress: ProgressReporter(style: .silent), pipelinePath: "p.yml").load(c.sources)
    }

    static func column(_ t: Table?, _ name: String) -> [String?] {
        guard let t, let c = t[name]?.strings else { return [] }
        return (0..<t.rowCount).map { c[$0] }
    }

    @Test(arguments: [
        ("odoo-", ["1", nil, "x"], ["odoo-1", nil, "odoo-x"]),
        ("客户:", ["1"], ["客户:1"]),
        ("p", [""], ["p"]),
    ] as [(String, [String?], [String?])])
    func prefixReachesCustomerAndOpportunityIDs(prefix: String, ids: [String?], expected: [String?]) throws {
        var t = try Table(name: "opportunities", columns: [
            ("opportunity_id", .string(StringColumn(ids))), ("customer_id", .string(StringColumn(ids))),
            ("name", .string(StringColumn(ids))),
        ])
        try SourceIDs.applyPrefix(prefix, to: &t)
        #expect(Self.column(t, "opportunity_id") == expected)
        #expect(Self.column(t, "customer_id") == expected)
        #expect(Self.column(t, "name") == ids)
    }

    /// (sources, collides?) — the same id in two sources without prefixes is an error; a prefix
    /// on either side, or distinct ids, loads.
    @Test(arguments: [
        ("  - { table: customers, file: crm_a.csv }\n  - { table: customers, file: crm_b.csv }\n", true),
        ("  - { table: customers, file: crm_a.csv }\n  - { table: customers, file: crm_b.csv, id_prefix: b- }\n", false),
        ("  - { table: customers, file: crm_a.csv, id_prefix: a- }\n  - { table: customers, file: crm_b.csv, id_prefix: b- }\n", false),
        ("  - { table: customers, file: crm_a.csv, id_prefix: x- }\n  - { table: customers, file: crm_b.csv, id_prefix: x- }\n", true),
        ("  - { table: customers, file: crm_a.csv }\n  - { table: customers, file: crm_c.csv }\n", false),
        ("  - { table: customers, file: crm_a.csv }\n", false),
    ])
    func collisionsAcrossSources(sources: String, collides: Bool) throws {
        if collides {
            #expect(throws: SourceIDs.Collision.self) { try Self.load(sources) }
        } else {
            _ = try Self.load(sources)
        }
    }

    @Test func collisionNamesBothSourcesTheIDAndTheFix() throws {
        let sources = "  - { table: customers, file: crm_a.csv }\n  - { table: customers, file: crm_b.csv }\n"
        let error = try #require(throws: SourceIDs.Collision.self) { try Self.load(sources) }
        #expect(error.id == "2")
        #expect(error.first.name == "crm_a.csv" && error.first.line == 2)
        #expect(error.second.name == "crm_b.csv" && error.second.line == 3)
        #expect(error.description.hasPrefix("p.yml:3: customers: customer id '2' comes from two sources, crm_a.csv (line 2) and crm_b.csv (line 3)"))
        #expect(error.description.contains("add 'id_prefix:' to one of them (e.g. id_prefix: crmb-)"))
    }

    /// With a prefix, the second source's orders stay with its own customer.
    @Test func prefixedEventsKeepTheirCustomer() throws {
        let loaded = try Self.load("""
              - { table: customers, file: crm_a.csv }
              - { table: customers, file: crm_b.csv, id_prefix: b- }
              - { table: orders, file: orders_b.csv, id_prefix: b- }

            """)
        #expect(Self.column(loaded.tables[.customers], "customer_id") == ["1", "2", "b-7", "b-2"])
        #expect(Self.column(loaded.tables[.orders], "customer_id") == ["b-2", "b-7"])
        #expect(Self.column(loaded.tables[.orders], "order_id") == ["B1", "B2"])
    }

    @Test(arguments: [("''", "id_prefix: expected a short text"), ("'a b'", "id_prefix: expected a short text"),
                      ("[a]", "id_prefix: expected a single value")])
    func badPrefixIsLocated(value: String, fragment: String) {
        do {
            _ = try Self.config("  - { table: customers, file: crm_a.csv, id_prefix: \(value) }\n")
            Issue.record("accepted id_prefix \(value)")
        } catch let e as PipelineValidationError {
            #expect(e.issues.contains { $0.line == 2 && $0.message.contains(fragment) }, "\(e.issues)")
        } catch {
            Issue.record("\(error)")
        }
    }
}
