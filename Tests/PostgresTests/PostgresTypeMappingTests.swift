import Columns
import Ingest
import Testing

extension PostgresServerTests {
    /// Result columns are typed by OID; each case is one SQL expression, the column type it must get
    /// and the value as the store prints it.
    @Suite struct TypeMapping {
        @Test(arguments: [
            ("7::int2", ColumnType.int64, "7"),
            ("'-2147483648'::int4", .int64, "-2147483648"),
            ("9223372036854775807::int8", .int64, "9223372036854775807"),
            ("'1.5'::float4", .double, "1.5"),
            ("1e300::float8", .double, "1e+300"),
            ("1234567.89::numeric(12,2)", .double, "1234567.89"),
            ("true", .bool, "true"),
            ("'2025-02-28'::date", .date, "2025-02-28"),
            ("'0044-03-15 BC'::date", .date, "-0043-03-15"),
            ("'2025-02-20 06:00:00.987'::timestamp", .timestamp, "2025-02-20 06:00:00"),
            ("'2025-01-10 09:00:00+08'::timestamptz", .timestamp, "2025-01-10 01:00:00"),
            ("'1969-12-31 23:59:59'::timestamp", .timestamp, "1969-12-31 23:59:59"),
            ("'赢单'::text", .string, "赢单"),
            ("'Nordlicht'::varchar(20)", .string, "Nordlicht"),
            ("'CN'::char(4)", .string, "CN  "),
            ("'{\"en_US\": \"New\", \"zh_CN\": \"新建\"}'::jsonb", .string, "{\"en_US\": \"New\", \"zh_CN\": \"新建\"}"),
            ("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", .string, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            ("''::text", .string, ""),
        ])
        func columnTypeFromOID(_ expression: String, _ type: ColumnType, _ printed: String) throws {
            let s = try TestServer.require()
            let r = try PostgresLoader.load(connection: s.url(), query: "SELECT \(expression) AS v")
            let column = try #require(r.table["v"])
            #expect(column.type == type)
            #expect(column.text(at: 0) == printed)
            #expect(r.account.rowsLoaded == 1)
        }

        /// A SQL_ASCII database hands back whatever bytes were stored (scripts/pg-test-server.sh stores GBK 客户,
        /// Latin-1 café and an overlong `/` in legacy_customer 1–3). Such rows are quarantined, never loaded as mojibake.
        @Test(arguments: [1, 2, 3])
        func invalidUTF8FromALegacyDatabaseIsQuarantined(_ id: Int) throws {
            let s = try TestServer.require()
            let r = try PostgresLoader.load(connection: s.url(database: "legacy_ascii"),
                                            query: "SELECT id, name FROM legacy_customer WHERE id IN (\(id), 4) ORDER BY id")
            #expect(r.account.rowsRead == 2 && r.account.rowsLoaded == 1)
            #expect(r.quarantine.first?.line == 1)
            #expect(r.quarantine.first?.column == "name")
            #expect(r.quarantine.first?.reason == "bad encoding: not valid UTF-8 text")
            #expect(r.table["name"]?.text(at: 0) == "客户 ok")
        }

        @Test(arguments: [("int8", ColumnType.int64), ("float8", .double), ("numeric", .double), ("bool", .bool),
                          ("date", .date), ("timestamptz", .timestamp), ("text", .string), ("jsonb", .string)])
        func nullIsNullNotAValue(_ sqlType: String, _ type: ColumnType) throws {
            let s = try TestServer.require()
            let r = try PostgresLoader.load(connection: s.url(), query: "SELECT NULL::\(sqlType) AS v UNION ALL SELECT NULL")
            let column = try #require(r.table["v"])
            #expect(column.type == type)
            #expect(column.isNull(0) && column.isNull(1))
            #expect(r.account.rowsLoaded == 2)
        }

        /// Values no column type can hold are quarantined with the text the server sent, not loaded as junk.
        @Test(arguments: [
            ("'infinity'::date", "cannot parse 'infinity' as a date"),
            ("'-infinity'::timestamptz", "cannot parse '-infinity' as a date-time"),
            ("'NaN'::numeric", "cannot parse 'NaN' as a finite number"),
            ("'Infinity'::float8", "cannot parse 'Infinity' as a finite number"),
        ])
        func unrepresentableValueIsQuarantined(_ expression: String, _ reason: String) throws {
            let s = try TestServer.require()
            let r = try PostgresLoader.load(connection: s.url(),
                                            query: "SELECT 1 AS id, \(expression) AS v UNION ALL SELECT 2, NULL")
            #expect(r.account.rowsRead == 2)
            #expect(r.account.rowsLoaded == 1)
            #expect(r.quarantine.map(\.line) == [1])
            #expect(r.quarantine.first?.column == "v")
            #expect(r.quarantine.first?.reason == reason)
            #expect(r.table.lineage?.line == [2])
        }
    }
}
