import Columns
import Ingest
import PostgresDB
import Testing

extension PostgresServerTests {
    /// Loading the Odoo-shaped data set (sample-data/odoo/odoo.sql) into canonical tables.
    @Suite struct OdooLoading {
        @Test func partnersBecomeCustomers() throws {
            let s = try TestServer.require()
            let r = try PostgresLoader.load(connection: s.url(), query: """
                SELECT id::text AS customer_id, name, email, COALESCE(mobile, phone) AS phone, city,
                       create_date AS created_at, industry
                FROM res_partner WHERE active ORDER BY id
                """, table: .customers)
            #expect(r.account == RowAccount(source: r.account.source, rowsRead: 11, rowsLoaded: 11, rowsQuarantined: 0))
            #expect(r.table["customer_id"]?.text(at: 0) == "10")
            #expect(r.table["name"]?.text(at: 0) == "杭州云启科技有限公司")
            #expect(r.table["created_at"]?.type == .timestamp)
            #expect(r.table["created_at"]?.text(at: 0) == "2023-02-14 09:12:40")
            #expect(r.table["email"]?.isNull(6) == true)  // 北京华信 has no e-mail
            #expect(r.table.lineage?.line == Array(1...11))
        }

        /// Odoo keeps leads and opportunities in one table and stage names as jsonb per language.
        @Test(arguments: [("lead", 3, [nil, nil, nil] as [String?]),
                          ("opportunity", 7, ["谈判", "赢单", "报价", "已确认", "新建", "报价", "赢单"])])
        func leadsAndOpportunitiesWithTranslatedStage(_ type: String, _ count: Int, _ stages: [String?]) throws {
            let s = try TestServer.require()
            let r = try PostgresLoader.load(connection: s.url(), query: """
                SELECT l.id::text AS opportunity_id, l.name, st.name->>'zh_CN' AS stage, l.expected_revenue AS amount,
                       l.probability, l.create_date AS created_at, l.date_deadline AS expected_close, l.date_closed AS closed_at
                FROM crm_lead l LEFT JOIN crm_stage st ON st.id = l.stage_id
                WHERE l.type = '\(type)' ORDER BY l.id
                """, table: .opportunities)
            #expect(r.account.rowsLoaded == count)
            let stage = try #require(r.table["stage"])
            #expect((0..<stage.count).map { stage.text(at: $0) } == stages)
            if type == "opportunity" {
                #expect(r.table["amount"]?.doubles?[0] == 480_000)
                #expect(r.table["expected_close"]?.text(at: 0) == "2026-01-31")
                // 2025-01-10 09:00 at +08 is 01:00 UTC.
                #expect(r.table["closed_at"]?.text(at: 3) == "2025-01-10 01:00:00")
            }
        }

        @Test func wholeTableByName() throws {
            let s = try TestServer.require()
            let r = try PostgresLoader.load(connection: s.url(), tableName: "public.crm_stage")
            #expect(r.table.columnNames == ["id", "name", "sequence", "is_won"])
            #expect(r.table.rowCount == 5)
            #expect(r.table["is_won"]?.bools?.values == [false, false, false, false, true])
            #expect(r.table["name"]?.text(at: 0) == "{\"en_US\": \"New\", \"zh_CN\": \"新建\"}")
        }

        /// Every row is loaded or quarantined: a null key, a duplicate key and an unparseable amount.
        @Test func ordersWithBadRowsBalance() throws {
            let s = try TestServer.require()
            let r = try PostgresLoader.load(connection: s.url(), query: """
                SELECT CASE WHEN id = 4 THEN NULL WHEN id = 9 THEN 'S00002' ELSE name END AS order_id,
                       partner_id::text AS customer_id, date_order AS order_date,
                       CASE WHEN id = 6 THEN 'n/a' ELSE amount_total::text END AS amount, currency, state AS status
                FROM sale_order ORDER BY id
                """, table: .orders)
            #expect(r.account.rowsRead == 12)
            #expect(r.account.rowsLoaded == 9)
            #expect(r.account.balances)
            #expect(r.quarantine.map(\.line) == [4, 6, 9])
            #expect(r.quarantine.map(\.reason)[0] == "missing key order_id")
            #expect(r.quarantine.map(\.reason)[1] == "cannot parse 'n/a' as a finite number")
            #expect(r.quarantine.map(\.reason)[2].contains("duplicate key order_id 'S00002'"))
            // The canonical type wins over the OID: amount text is parsed as a number, order_date stays a date.
            #expect(r.table["amount"]?.doubles?[0] == 1_250_000)
            #expect(r.table["order_date"]?.type == .date)
            #expect(r.table["order_date"]?.text(at: 0) == "2025-02-20")
            #expect(r.table.lineage?.line == [1, 2, 3, 5, 7, 8, 10, 11, 12])
        }

        @Test func emptyResultKeepsTypedColumns() throws {
            let s = try TestServer.require()
            let r = try PostgresLoader.load(connection: s.url(), query: "SELECT id, amount_total, date_order FROM sale_order WHERE false;")
            #expect(r.table.rowCount == 0)
            #expect(r.table["id"]?.type == .int64)
            #expect(r.table["amount_total"]?.type == .double)
            #expect(r.table["date_order"]?.type == .timestamp)
            #expect(r.account.balances && r.account.rowsRead == 0)
        }

        /// A source query runs in a read-only transaction: it cannot change the CRM database.
        @Test(arguments: ["DELETE FROM sale_order RETURNING id", "SELECT 1; DELETE FROM sale_order"])
        func sourceQueryCannotWrite(_ query: String) throws {
            let s = try TestServer.require()
            #expect(throws: IngestError.self) { try PostgresLoader.load(connection: s.url(), query: query) }
            let r = try PostgresLoader.load(connection: s.url(), query: "SELECT count(*) FROM sale_order")
            #expect(r.table["count"]?.int64s?.values == [12])
        }
    }
}
