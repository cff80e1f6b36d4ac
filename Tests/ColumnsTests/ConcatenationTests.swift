import Testing
@testable import Columns

@Suite struct ConcatenationTests {
    func table(_ name: String, _ columns: [(String, Column)], source: String) throws -> Table {
        var lineage = Lineage()
        let s = lineage.sourceID(source)
        for line in 0..<(columns.first?.1.count ?? 0) { lineage.append(source: s, line: UInt32(line + 2)) }
        return try Table(name: name, columns: columns, lineage: lineage)
    }

    @Test func unionOfDifferentColumnsFillsNulls() throws {
        let a = try table("customers", [("customer_id", .string(StringColumn(["1", "2"]))),
                                        ("phone", .string(StringColumn(["138", nil])))], source: "a.csv")
        let b = try table("customers", [("customer_id", .string(StringColumn(["x"]))),
                                        ("email", .string(StringColumn(["x@y.cn"])))], source: "b.csv")
        let t = try Table.concatenate([a, b])
        #expect(t.columnNames == ["customer_id", "phone", "email"])
        #expect(t.rowCount == 3)
        #expect((0..<3).map { t["phone"]!.text(at: $0) } == ["138", nil, nil])
        #expect((0..<3).map { t["email"]!.text(at: $0) } == [nil, nil, "x@y.cn"])
        #expect(t.lineage?.sources == ["a.csv", "b.csv"])
        #expect(t.lineage?.line == [2, 3, 2])
        #expect(t.lineage.map { (0..<3).map($0.source(of:)) } == ["a.csv", "a.csv", "b.csv"])
    }

    @Test func typeConflictIsAnError() throws {
        let a = try Table(name: "orders", columns: [("amount", .double(PrimitiveColumn(values: [1.5])))])
        let b = try Table(name: "orders", columns: [("amount", .string(StringColumn(["1.5"])))])
        #expect(throws: TableError.typeMismatch(table: "orders", column: "amount", expected: .double, got: .string)) {
            try Table.concatenate([a, b])
        }
    }

    @Test(arguments: [0, 1, 3])
    func edgeCounts(n: Int) throws {
        let parts = try (0..<n).map { i in
            try Table(name: "t", columns: [("d", .date(PrimitiveColumn([Int32(i), nil], zero: 0)))])
        }
        let t = try Table.concatenate(parts, name: "t")
        #expect(t.rowCount == 2 * n)
        #expect(t.columnCount == (n == 0 ? 0 : 1))
    }

    @Test func dictionaryAndPlainMix() throws {
        var b = StringBuilder(forceEncoding: true)
        b.append("华东")
        b.append("华南")
        let a = try Table(name: "t", columns: [("region", .string(b.finish()))])
        let p = try Table(name: "t", columns: [("region", .string(StringColumn(["华东", nil])))])
        let t = try Table.concatenate([a, p])
        #expect((0..<4).map { t["region"]!.text(at: $0) } == ["华东", "华南", "华东", nil])
    }
}
