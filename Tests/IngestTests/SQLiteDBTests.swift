import CSQLite
import SQLiteDB
import Testing

struct SQLiteDBTests {
    @Test func roundTripsValues() throws {
        let db = try Database(path: ":memory:", mode: .create)
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n)")
        let insert = try db.prepare("INSERT INTO t VALUES (?, ?, ?, ?)")
        try insert.bind(1, int: 42)
        try insert.bind(2, double: 2.5)
        try insert.bind(3, text: "上海")
        try insert.bindNull(4)
        #expect(try insert.step() == false)
        let select = try db.prepare("SELECT i, r, s, n FROM t")
        #expect(try select.step())
        #expect(select.int64(0) == 42)
        #expect(select.double(1) == 2.5)
        #expect(select.text(2) == "上海")
        #expect(select.storageClass(3) == .null)
        #expect(select.declaredType(0) == "INTEGER")
        #expect(select.columnName(2) == "s")
        #expect(try select.step() == false)
    }

    @Test func errorsCarryCodeSQLAndPath() throws {
        let db = try Database(path: ":memory:", mode: .create)
        #expect {
            _ = try db.prepare("SELEKT 1")
        } throws: { error in
            guard let e = error as? SQLiteError else { return false }
            return e.code == SQLITE_ERROR && e.sql == "SELEKT 1" && e.path == ":memory:"
                && e.description.contains("syntax error")
        }
    }

    @Test func missingFileReadOnlyFailsToOpen() {
        #expect {
            _ = try Database(path: "/nonexistent/dir/x.sqlite", mode: .readOnly)
        } throws: { error in
            guard let e = error as? SQLiteError else { return false }
            return e.code == SQLITE_CANTOPEN && e.description.contains("/nonexistent/dir/x.sqlite")
        }
    }
}
