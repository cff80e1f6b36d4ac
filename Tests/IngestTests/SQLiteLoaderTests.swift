import Columns
import Foundation
import SQLiteDB
import Testing
@testable import Ingest

struct SQLiteLoaderTests {
    /// A small CRM database: typed columns, text dates, a duplicate key, a row without key, a bad amount.
    static func makeDatabase(_ f: Fixtures) throws -> String {
        let path = f.directory + "/crm.sqlite"
        let db = try Database(path: path, mode: .create)
        try db.execute("""
            CREATE TABLE orders (order_id TEXT, customer_id TEXT, order_date TEXT, amount TEXT, qty INTEGER,
                                 price REAL, paid BOOLEAN, shipped DATE, updated DATETIME, note);
            INSERT INTO orders VALUES ('O1', 'C1', '2024-03-05', '¥1,234.50', 2, 9.5, 1, '2024-03-06', '2024-03-06 10:00:00', 'a');
            INSERT INTO orders VALUES ('O2', 'C2', '2024年3月7日', '1.2万', 1, 3.0, 0, NULL, 1709634030, 7);
            INSERT INTO orders VALUES ('O1', 'C3', '2024-03-08', '5', 1, 1.0, 0, NULL, NULL, NULL);
            INSERT INTO orders VALUES (NULL, 'C4', '2024-03-09', '6', 1, 1.0, 0, NULL, NULL, NULL);
            INSERT INTO orders VALUES ('O5', 'C5', '2024-03-10', 'lots', 1, 1.0, 0, NULL, NULL, NULL);
            """)
        return path
    }

    @Test func canonicalTableWithAccounting() throws {
        let f = Fixtures()
        let path = try Self.makeDatabase(f)
        let r = try SQLiteLoader.load(path: path, query: "SELECT * FROM orders", table: .orders)
        #expect(r.account.rowsRead == 5)
        #expect(r.account.rowsLoaded == 2)
        #expect(r.account.rowsQuarantined == 3)
        #expect(r.quarantine.map(\.line) == [3, 4, 5])
        #expect(r.quarantine[0].reason.contains("duplicate key order_id 'O1' (first at line 1)"))
        #expect(r.quarantine[1].reason == "missing key order_id")
        #expect(r.quarantine[2].reason.contains("cannot parse 'lots' as a number"))
        #expect(r.table["amount"]?.doubles?.values == [1234.5, 12000])
        #expect(r.table["order_date"]?.text(at: 1) == "2024-03-07")
        #expect(r.table.lineage?.line == [1, 2])
        #expect(r.unmappedHeaders == ["qty", "price", "paid", "shipped", "updated", "note"])
        // Extras of a canonical table are strings.
        #expect(r.table["qty"]?.type == .string)
    }

    @Test func declaredTypesWithoutCanonicalTable() throws {
        let f = Fixtures()
        let path = try Self.makeDatabase(f)
        let r = try SQLiteLoader.load(path: path, query: "SELECT qty, price, paid, shipped, updated, note, qty * 2 AS twice FROM orders")
        #expect(r.table.columns.map(\.type) == [.int64, .double, .bool, .date, .timestamp, .string, .int64])
        #expect(r.table["updated"]?.text(at: 1) == "2024-03-05 10:20:30")
        #expect(r.table["shipped"]?.text(at: 0) == "2024-03-06")
        #expect(r.table["note"]?.text(at: 1) == "7")
        #expect(r.account.rowsLoaded == 5)
    }

    @Test func wholeTableByName() throws {
        let f = Fixtures()
        let path = try Self.makeDatabase(f)
        #expect(try SQLiteLoader.tableNames(path: path) == ["orders"])
        let r = try SQLiteLoader.load(path: path, tableName: "orders")
        #expect(r.account.rowsRead == 5)
        #expect(r.table.columnCount == 10)
    }

    @Test func truncatedDatabaseIsAClearError() throws {
        let f = Fixtures()
        let path = try Self.makeDatabase(f)
        // Grow it past one page so truncation cuts real content, then keep only the first 1.5 pages.
        let db = try Database(path: path, mode: .readWrite)
        try db.execute("CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT printf('%0200d', i) FROM n;")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = f.write("truncated.sqlite", Array(bytes.prefix(6000)))
        #expect {
            _ = try SQLiteLoader.load(path: truncated, query: "SELECT * FROM filler")
        } throws: { error in
            "\(error)".contains("truncated.sqlite") && "\(error)".contains("malformed")
        }
    }

    @Test(arguments: [
        ("notdb.sqlite", Array("order_id,amount\nO1,5\n".utf8), "does not start with the SQLite header"),
        ("empty.sqlite", [UInt8](), "empty"),
        ("garbage.sqlite", Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0xAB, count: 4000), "not a readable SQLite database"),
    ])
    func notADatabase(_ name: String, _ bytes: [UInt8], _ fragment: String) {
        let f = Fixtures()
        let path = f.write(name, bytes)
        #expect {
            _ = try SQLiteLoader.load(path: path, query: "SELECT 1")
        } throws: { error in
            "\(error)".contains(name) && "\(error)".contains(fragment)
        }
    }

    @Test func lockedDatabaseIsAClearError() throws {
        let f = Fixtures()
        let path = try Self.makeDatabase(f)
        let writer = try Database(path: path, mode: .readWrite)
        try writer.execute("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE orders SET qty = 3;")
        #expect {
            _ = try SQLiteLoader.load(path: path, query: "SELECT * FROM orders", busyTimeoutMilliseconds: 50)
        } throws: { error in
            let s = "\(error)"
            return s.contains("crm.sqlite") && s.contains("locked")
        }
        try writer.execute("COMMIT")
    }

    @Test func badQueryCarriesTheSQL() throws {
        let f = Fixtures()
        let path = try Self.makeDatabase(f)
        #expect {
            _ = try SQLiteLoader.load(path: path, query: "SELECT nope FROM orders")
        } throws: { error in
            let s = "\(error)"
            return s.contains("crm.sqlite") && s.contains("SELECT nope FROM orders") && s.contains("no such column")
        }
    }
}
