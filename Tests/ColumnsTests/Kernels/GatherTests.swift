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

    @Test(arguments: rowCases)
    func thirtyTwoBitRowsGatherLikeArrays(rows: [Int]) {
        let t = try! Table(name: "t", columns: [
            ("s", .string(StringColumn(Self.strings).dictionaryEncoded())),
            ("n", .int64(PrimitiveColumn(Self.numbers, zero: 0))),
        ])
        #expect(Self.cells(t.gather(rows.map(Int32.init))) == Self.cells(t.gather(rows)))
        #expect(t.columns[1].gather(rows.map(Int32.init)).count == rows.count)
    }

    /// A slice's dictionary cut to the entries its rows use, in order of first use; values,
    /// nulls and row count unchanged.
    @Test(arguments: rowCases)
    func compactedDictionaryKeepsValues(rows: [Int]) {
        // A company's ids (fifty, and the seven strings) behind a region's few rows.
        let whole = StringColumn((0..<50).map { "id\($0)" } + Self.strings).dictionaryEncoded()
        let slice = whole.gather(rows.map { $0 + 50 } + rows.map { $0 * 7 })
        let compact = slice.compactingDictionary()
        #expect((0..<compact.count).map { compact[$0] } == (0..<slice.count).map { slice[$0] })
        #expect(compact.validity.nullCount == slice.validity.nullCount)
        guard case .dictionary(let codes, let entries) = compact.storage else { Issue.record("no longer a dictionary"); return }
        #expect(entries.count == Set(codes).count, "every entry is used")
        // First use order: the codes, read in row order, count up by one at each new entry.
        var next: Int32 = 0
        for c in codes where c == next { next += 1 }
        #expect(Int(next) == entries.count)
    }

    @Test func compactingLeavesSmallDictionariesAndPlainColumns() {
        let plain = StringColumn(Self.strings)
        #expect(!plain.compactingDictionary().isDictionary)
        // Seven rows over a dictionary of six entries: nothing to gain.
        let whole = StringColumn(Self.strings).dictionaryEncoded()
        guard case .dictionary(_, let before) = whole.storage, case .dictionary(_, let after) = whole.compactingDictionary().storage else {
            Issue.record("not a dictionary"); return
        }
        #expect(after.sharesStorage(with: before))
    }

    @Test func sharedStorageIsNotMereEquality() {
        let a = StringBuffer(["x", "yz"])
        let copy = a
        let equal = StringBuffer(["x", "yz"])
        #expect(copy.sharesStorage(with: a))
        #expect(equal == a && !equal.sharesStorage(with: a))
    }

    static func cells(_ t: Table) -> [[String?]] {
        (0..<t.rowCount).map { r in t.columns.map { $0.text(at: r) } }
    }
}
