import Columns
import Testing
@testable import Reports

/// `CSVWriter.encode(table)` writes dates, timestamps and numbers digit by digit and large tables
/// in concurrent chunks; its bytes must equal the plain cell-by-cell spelling (`Column.text(at:)`).
@Suite struct CSVTableEncodingTests {
    static func reference(_ table: Table, bom: Bool) -> [UInt8] {
        var w = CSVWriter(bom: bom)
        for name in table.columnNames { w.writeText(name) }
        w.endRecord()
        for row in 0..<table.rowCount {
            for column in table.columns {
                switch column {
                case _ where column.isNull(row): w.writeEmpty()
                case .string: w.writeText(column.text(at: row))
                default: w.writeRaw(column.text(at: row) ?? "")
                }
            }
            w.endRecord()
        }
        return w.bytes
    }

    /// Edge values of every type, repeated past one chunk so the chunk joins are covered.
    static func table(rows: Int) throws -> Table {
        let days: [Int32?] = [0, -1, -719_468, 2_932_896, 2_932_897, 20_000, nil, Int32.max, Int32.min, 19_723]
        let seconds: [Int64?] = [0, -1, 86_399, 86_400, 253_402_300_799, 253_402_300_800, nil, Int64.min, Int64.max, 1_735_689_599]
        let doubles: [Double?] = [0.1 + 0.2, -12.5, 41230.100000000006, 1e-7, nil, 3, -0.0, 1e300, .nan, 0.36956521739130432]
        let texts: [String?] = ["a,b", "=1+2", nil, "上海", "", "-12.5", "say \"hi\"", "x", "\t", "y"]
        var d = PrimitiveBuilder<Int32>(zero: 0), t = PrimitiveBuilder<Int64>(zero: 0), x = PrimitiveBuilder<Double>(zero: 0)
        var b = PrimitiveBuilder<Bool>(zero: false), i = PrimitiveBuilder<Int64>(zero: 0), s = StringBuilder()
        for r in 0..<rows {
            let k = r % 10
            if let v = days[k] { d.append(v) } else { d.appendNull() }
            if let v = seconds[k] { t.append(v) } else { t.appendNull() }
            if let v = doubles[k] { x.append(v + Double(r / 10)) } else { x.appendNull() }
            if k == 4 { b.appendNull() } else { b.append(r % 3 == 0) }
            i.append(Int64(r) - 50_000)
            s.append(texts[k])
        }
        // Plainly stored strings (distinct ids, some null or empty) beside the dictionary-encoded `s`.
        let ids = StringColumn((0..<rows).map { r in r % 7 == 0 ? nil : r % 11 == 0 ? "" : "C\(r),王" })
        return try Table(name: "edge", columns: [("day", .date(d.finish())), ("at", .timestamp(t.finish())), ("x", .double(x.finish())),
                                                 ("flag", .bool(b.finish())), ("n", .int64(i.finish())), ("s", .string(s.finish())),
                                                 ("id", .string(ids))])
    }

    @Test(arguments: [(10, false), (10, true), (100_003, true)])
    func fastEncodingEqualsCellByCellText(rows: Int, bom: Bool) throws {
        let t = try Self.table(rows: rows)
        #expect(t["s"]?.strings?.isDictionary == true && t["id"]?.strings?.isDictionary == false)
        let fast = CSVWriter.encode(t, bom: bom)
        let slow = Self.reference(t, bom: bom)
        #expect(fast.count == slow.count)
        #expect(fast == slow)
    }
}
