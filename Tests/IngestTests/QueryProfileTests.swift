import Columns
import Foundation
import SQLiteDB
import Testing
@testable import Ingest

/// `profile:` on a database source used to be ignored without a word: the query's raw columns
/// (Odoo's `state`, Salesforce's `StageName`) reached the canonical tables unmapped.
struct QueryProfileTests {
    static func makeDatabase(_ f: Fixtures) throws -> String {
        let path = f.directory + "/crm.sqlite"
        let db = try Database(path: path, mode: .create)
        try db.execute("""
            CREATE TABLE sale_order (id INTEGER, name TEXT, partner_id INTEGER, date_order TEXT, amount_total REAL,
                                     currency_id TEXT, team_id TEXT, state TEXT);
            INSERT INTO sale_order VALUES (1, 'S00001', 7, '2025-02-20 06:10:00', 1250000.0, 'CNY', '华南销售', 'sale');
            INSERT INTO sale_order VALUES (2, 'S00002', 8, '2025-03-01 00:00:00', 99.5, 'EUR', 'Europe', 'draft');
            INSERT INTO sale_order VALUES (3, 'S00003', 8, '2025-03-02 00:00:00', 10.0, 'EUR', 'Europe', 'cancel');
            CREATE TABLE "Lead" (Id TEXT, LastName TEXT, Company TEXT, Email TEXT, MobilePhone TEXT, Status TEXT,
                                 CreatedDate TEXT);
            INSERT INTO "Lead" VALUES ('00QHs00000LeAd3AAB', '赵敏', '[not provided]', 'zm@example.com', '186 0000 1111',
                                      'Open', '2025-09-02T13:14:00.000Z');
            CREATE TABLE Opportunity (Id TEXT, AccountId TEXT, Name TEXT, StageName TEXT, Amount REAL, Probability TEXT,
                                      CreatedDate TEXT, CloseDate TEXT);
            INSERT INTO Opportunity VALUES ('006Hs00000OpPa7AAB', '001Hs00000PnGyUAAB', 'Big deal', 'Closed Won', 5000,
                                            '100', '2025-01-01T00:00:00.000Z', '2025-02-01');
            INSERT INTO Opportunity VALUES ('006Hs00000OpPa8', '001Hs00000PnGyU', 'Next deal', 'Negotiation/Review', 10,
                                            '90%', '2025-03-01T00:00:00.000Z', '2025-06-01');
            """)
        return path
    }

    static func load(_ path: String, profile: String, table: CanonicalTable, query: String,
                     columns: [String: String] = [:]) throws -> QueryProfile.Loaded {
        try QueryProfile.load(profile: try ProfileCatalog.profile(profile), table: table, query: query, columns: columns) {
            map, types throws(IngestError) in
            try SQLiteLoader.load(path: path, query: query, table: table, types: types, columnMapForHeaders: map)
        }
    }

    static func texts(_ t: Table, _ column: String) -> [String?] { (0..<t.rowCount).map { t[column]?.text(at: $0) } }

    /// (profile, table, query, rule picked, canonical column, its values after the profile)
    @Test(arguments: [
        ("odoo", CanonicalTable.orders, "SELECT * FROM sale_order ORDER BY id", "sale_order.csv", "status",
         ["confirmed", "quotation", "cancelled"]),
        ("odoo", .orders, "select * from sale_order", "sale_order.csv", "order_id", ["S00001", "S00002", "S00003"]),
        ("odoo", .orders, "SELECT * FROM main.sale_order o WHERE o.id > 0", "sale_order.csv", "customer_id", ["7", "8", "8"]),
        ("salesforce", .customers, "SELECT * FROM \"Lead\"", "Lead.csv", "company", ["[not provided]"]),
        ("salesforce", .customers, "SELECT * FROM Lead", "Lead.csv", "customer_id", ["00QHs00000LeAd3"]),
        ("salesforce", .opportunities, "SELECT * FROM Opportunity ORDER BY Id", "Opportunity.csv", "stage", ["won", "negotiation"]),
        ("salesforce", .opportunities, "SELECT * FROM Opportunity ORDER BY Id", "Opportunity.csv", "status", ["won", "open"]),
        ("salesforce", .opportunities, "SELECT * FROM Opportunity ORDER BY Id", "Opportunity.csv", "probability", ["100", "90"]),
        // No FROM table the profile knows: the first rule for the source's table.
        ("odoo", .orders, "SELECT name, partner_id, date_order, state FROM (SELECT * FROM sale_order) ORDER BY name",
         "sale_order.csv", "status", ["confirmed", "quotation", "cancelled"]),
    ] as [(String, CanonicalTable, String, String, String, [String?])])
    func profileMapsTheQueryResult(profile: String, table: CanonicalTable, query: String, rule: String, column: String,
                                   expected: [String?]) throws {
        let f = Fixtures()
        let path = try Self.makeDatabase(f)
        let loaded = try Self.load(path, profile: profile, table: table, query: query)
        #expect(loaded.rule.patterns.first == rule)
        #expect(Self.texts(loaded.result.table, column).map { $0.map { $0.hasSuffix(".0") ? String($0.dropLast(2)) : $0 } } == expected)
        #expect(loaded.result.account.rowsRead == loaded.result.account.rowsLoaded + loaded.result.account.rowsQuarantined)
    }

    /// The source's own `columns:` win over the profile's candidates.
    @Test func pipelineColumnsWin() throws {
        let f = Fixtures()
        let path = try Self.makeDatabase(f)
        let loaded = try Self.load(path, profile: "odoo", table: .orders, query: "SELECT * FROM sale_order ORDER BY id",
                                   columns: ["order_id": "id"])
        #expect(Self.texts(loaded.result.table, "order_id") == ["1", "2", "3"])
    }

    /// Lookups read other export files; a query has none, so they are reported for the caller to say.
    @Test func lookupsAreReportedNotSkippedSilently() throws {
        let f = Fixtures()
        let path = try Self.makeDatabase(f)
        try Database(path: path, mode: .readWrite).execute("""
            CREATE TABLE Contact (Id TEXT, LastName TEXT, AccountId TEXT, Email TEXT);
            INSERT INTO Contact VALUES ('003Hs00000CoNt4', '刘婷', '001Hs00000PnGyU', 'lt@example.com');
            """)
        let loaded = try Self.load(path, profile: "salesforce", table: .customers, query: "SELECT * FROM Contact")
        #expect(loaded.skippedLookups == ["company (Account.csv)"])
        #expect(Self.texts(loaded.result.table, "company") == ["001Hs00000PnGyU"])
    }

    @Test func aProfileWithoutTheTableIsAnError() throws {
        let f = Fixtures()
        let path = try Self.makeDatabase(f)
        #expect(throws: IngestError.self) {
            try Self.load(path, profile: "salesforce", table: .orders, query: "SELECT * FROM sale_order")
        }
    }

    @Test(arguments: [
        ("SELECT * FROM sale_order", "sale_order"), ("select a from public.\"Lead\" l", "Lead"),
        ("SELECT x\nFROM\n  res_partner p JOIN y", "res_partner"), ("SELECT fromage FROM t", "t"),
        ("SELECT 1", nil), ("SELECT * FROM (SELECT 1)", nil), ("", nil), ("FROM", nil), ("from 客户表", "客户表"),
    ] as [(String, String?)])
    func queriedTable(query: String, expected: String?) {
        #expect(QueryProfile.queriedTable(query) == expected)
    }
}
