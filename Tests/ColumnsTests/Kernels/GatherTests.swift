import Testing
@testable import Columns

/// The contiguous gather kernels against the obvious per-row definition (`out[i] = self[rows[i]]`),
/// over every column kind, with nulls, repeats, empty selections and non-array row collections.
@Suite struct GatherTests {
    static let strings: [String?] = ["甲", nil, "", "longer text 较长", "b", nil, "c"]
    static let numbers: [Int64?] = [7, nil, -3, 0, Int64.max, nil, 42]

    static let rowCases: [[Int]] = [
        [], [0], [6, 5, 4, 3, 2, 1, 0], [1, 1, 1], [2, 3, 2, 0], Array(0..<7), [5],
    ]

    @Test(arguments: rowCases)
    func plainStringsMatchRowByRow(rows: [Int]) {
        let c = StringColumn(Self.strings)
        let g = c.gather(rows)
        #expect(g.count == rows.count)
        #expect((0..<g.count).map { g[$0] } == rows.map { Self.strings[$0] })
    }

    @Test(arguments: rowCases)
    func dictionaryStringsStayDictionary(rows: [Int]) {
        let c = StringColumn(Self.strings).dictionaryEncoded()
        let g = c.gather(rows)
        #expect(g.isDictionary)
        #expect((0..<g.count).map { g[$0] } == rows.map { Self.strings[$0] })
    }

    @Test(arguments: rowCases)
    func primitivesAndValidityMatchRowByRow(rows: [Int]) {
        let c = PrimitiveColumn(Self.numbers, zero: 0)
        let g = c.gather(rows)
        #expect((0..<g.count).map { g[$0] } == rows.map { Self.numbers[$0] })
        #expect(g.validity.nullCount == rows.filter { Self.numbers[$0] == nil }.count)
    }

    @Test func allValidColumnsStayWithoutBitmap() {
        let c = PrimitiveColumn(values: [1.5, 2.5, 3.5])
        #expect(c.gather([2, 0]).validity.words == nil)
    }

    @Test func validityPastSixtyFourRows() {
        let bits = (0..<200).map { $0 % 3 != 0 }
        let v = Validity(bits: bits)
        let rows = Array((0..<200).reversed()) + [64, 63, 128]
        let g = v.gather(rows)
        #expect((0..<g.count).map { g.isValid($0) } == rows.map { bits[$0] })
    }

    @Test func rangesAndLazyRowsGatherLikeArrays() {
        let t = try! Table(name: "t", columns: [
            ("s", .string(StringColumn(Self.strings))),
            ("n", .int64(PrimitiveColumn(Self.numbers, zero: 0))),
        ])
        #expect(Self.cells(t.gather(2..<5)) == Self.cells(t.gather([2, 3, 4])))
        #expect(Self.cells(t.gather((0..<7).lazy.map { 6 - $0 })) == Self.cells(t.gather([6, 5, 4, 3, 2, 1, 0])))
    }

    static func cells(_ t: Table) -> [[String?]] {
        (0..<t.rowCount).map { r in t.columns.map { $0.text(at: r) } }
    }
}
