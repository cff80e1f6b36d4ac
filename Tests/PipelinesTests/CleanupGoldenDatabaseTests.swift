import Columns
import Foundation
import SQLiteDB
import Testing
@testable import Pipelines

/// golden.sqlite: column types, nulls, text written from bytes, dates as ISO text, same bytes twice.
@Suite struct CleanupGoldenDatabaseTests {
    @Test(arguments: [Int64(0), 86_399, 86_400, -1, -86_401, 951_782_400 /* 2000-02-29 */, 4_102_444_799, -62_135_596_800, 253_402_300_799,
                      Int64.max / 2, Int64.min / 2])
    func timestampTextIsTheSameAsCivilDate(seconds: Int64) {
        var scratch = ISODateText()
        let fast = scratch.timestamp(seconds) { String(decoding: $0, as: UTF8.self) }
        #expect(fast == CivilDate.isoTimestamp(seconds))
    }

    @Test(arguments: [0, -1, 11_016, -719_162, 2_932_896, 1_000_000_000, -1_000_000_000])
    func dateTextIsTheSameAsCivilDate(days: Int) {
        var scratch = ISODateText()
        #expect(scratch.date(days) { String(decoding: $0, as: UTF8.self) } == CivilDate.iso(days))
    }

    static func table() throws -> Table {
        var names = StringBuilder(), days = PrimitiveBuilder<Int32>(zero: 0), amounts = PrimitiveBuilder<Double>(zero: 0)
        var flags = PrimitiveBuilder<Bool>(zero: false), counts = PrimitiveBuilder<Int64>(zero: 0)
        var times = PrimitiveBuilder<Int64>(zero: 0)
        names.append("张三\"; DROP TABLE x; --"); days.append(11_016); amounts.append(1234.5); flags.append(true); counts.append(-7); times.append(0)
        names.append(""); days.appendNull(); amounts.appendNull(); flags.appendNull(); counts.appendNull(); times.appendNull()
        names.appendNull(); days.append(-1); amounts.append(-0.25); flags.append(false); counts.append(Int64.max); times.append(-1)
        return try Table(name: "we\"ird", columns: [
            ("name", .string(names.finish())), ("day", .date(days.finish())), ("amount", .double(amounts.finish())),
            ("flag", .bool(flags.finish())), ("count", .int64(counts.finish())), ("at", .timestamp(times.finish())),
        ])
    }

    @Test func typesNullsAndHostileNamesRoundTrip() throws {
        let bytes = try GoldenDatabase.bytes(of: [try Self.table()])
        #expect(try GoldenDatabase.bytes(of: [try Self.table()]) == bytes, "same tables, same bytes")
        let path = NSTemporaryDirectory() + "crm-golden-test-\(getpid()).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let db = try Database(path: path)
        #expect(try db.tableNames() == ["we\"ird"])
        let st = try db.prepare("select name, typeof(name), day, amount, typeof(amount), flag, count, at from \"we\"\"ird\" order by rowid")
        var rows: [[String?]] = []
        while try st.step() { rows.append((0..<st.columnCount).map { st.text($0) }) }
        #expect(rows == [
            ["张三\"; DROP TABLE x; --", "text", "2000-02-29", "1234.5", "real", "1", "-7", "1970-01-01 00:00:00"],
            ["", "text", nil, nil, "null", nil, nil, nil],
            [nil, "null", "1969-12-31", "-0.25", "real", "0", String(Int64.max), "1969-12-31 23:59:59"],
        ])
    }

    @Test func emptyTableStillHasItsColumns() throws {
        let t = try Table(name: "empty", columns: [("a", .string(StringBuilder().finish())), ("b", .int64(PrimitiveColumn(values: [])))])
        let path = NSTemporaryDirectory() + "crm-golden-empty-\(getpid()).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(try GoldenDatabase.bytes(of: [t])).write(to: URL(fileURLWithPath: path))
        let db = try Database(path: path)
        let st = try db.prepare("select count(*) from empty")
        _ = try st.step()
        #expect(st.int64(0) == 0)
        #expect(st.columnCount == 1)
        let cols = try db.prepare("select a, b from empty")
        #expect(cols.columnCount == 2)
    }
}
