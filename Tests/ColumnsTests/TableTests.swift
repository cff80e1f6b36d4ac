import Testing
@testable import Columns

@Suite struct TableTests {
    @Test func addRejectsWrongLength() throws {
        var t = Table(name: "t")
        try t.add("a", .int64(PrimitiveColumn(values: [1, 2, 3])))
        #expect(throws: TableError.lengthMismatch(table: "t", column: "b", expected: 3, got: 2)) {
            try t.add("b", .int64(PrimitiveColumn(values: [1, 2])))
        }
    }

    @Test func gatherCarriesLineage() throws {
        var lineage = Lineage()
        let s = lineage.sourceID("a.csv")
        for line in [2, 3, 4] { lineage.append(source: s, line: UInt32(line)) }
        let t = try Table(name: "t", columns: [("x", .double(PrimitiveColumn([1.5, nil, 3], zero: 0)))], lineage: lineage)
        let g = t.gather([2, 0])
        #expect(g.rowCount == 2)
        #expect(g.lineage?.line == [4, 2])
        #expect(g["x"]?.text(at: 0) == "3" && g["x"]?.text(at: 1) == "1.5")
    }

    @Test func emptyTable() throws {
        let t = try Table(name: "empty", columns: [("s", .string(StringColumn([])))])
        #expect(t.rowCount == 0 && t.gather([Int]()).rowCount == 0)
        #expect(throws: TableError.self) { try t.column("missing") }
    }

    @Test func canonicalKeys() {
        #expect(CanonicalTable.customers.key == "customer_id")
        #expect(CanonicalTable.stageHistory.keyIsUnique == false)
        #expect(CanonicalTable.tickets.field("satisfaction")?.type == .int64)
    }
}

@Suite struct FormatDoubleTests {
    @Test(arguments: [
        (41230.100000000006, "41230.1"), (0.1 + 0.2, "0.3"), (1234.5, "1234.5"), (-12.25, "-12.25"), (3.0, "3"),
        (1e15, "1000000000000000"), (0.000_000_1, "1e-07"), (123456789.123456, "123456789.123456"), (Double.nan, "NaN"),
        (-Double.infinity, "-Infinity"), (0.3695652173913043, "0.369565217391304"),
    ])
    func printsWithoutBinaryNoise(value: Double, text: String) {
        #expect(formatDouble(value) == text)
    }
}
