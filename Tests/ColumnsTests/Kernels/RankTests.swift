import Testing
@testable import Columns

@Suite struct RankTests {
    static let table = KernelFixtures.mixed()

    @Test func ordinalRankBreaksTiesByRowOrder() throws {
        let r = try Self.table.ordinalRank(by: [.ascending("region")])
        #expect(r.values == [2, 5, 6, 3, 4, 1] && !r.validity.hasNulls)
    }

    @Test func denseRankSharesTiesIncludingNulls() throws {
        #expect(try Self.table.denseRank(by: [.ascending("region")]).values == [2, 4, 5, 2, 3, 1])
        #expect(try KernelFixtures.allNull(4).denseRank(by: [.ascending("double")]).values == [1, 1, 1, 1])
    }

    /// `ntile(buckets)` of rows 0..<m sorted ascending: SQL NTILE sizes, larger buckets first.
    @Test(arguments: [
        (10, 3, [1, 1, 1, 1, 2, 2, 2, 3, 3, 3] as [Int64]),
        (2, 5, [1, 2]),
        (5, 5, [1, 2, 3, 4, 5]),
        (7, 5, [1, 1, 2, 2, 3, 4, 5]),
        (12, 5, [1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5]),
        (1, 5, [1]),
        (0, 5, []),
        (4, 1, [1, 1, 1, 1]),
    ])
    func ntileBucketSizes(rows: Int, buckets: Int, expected: [Int64]) throws {
        let t = try Table(name: "n", columns: [("v", .int64(PrimitiveColumn(values: (0..<Int64(rows)).reversed())))])
        // Values descend, so sorting ascending reverses the rows.
        let tiles = try t.ntile(buckets, by: [.ascending("v")])
        #expect(tiles.values == expected.reversed())
    }

    /// RFM's case: equal monetary values are split into quintiles by the customer id.
    @Test func quintileTiesBrokenBySecondaryKey() throws {
        let t = try Table(name: "rfm", columns: [
            ("customer_id", .string(StringColumn(["c5", "c1", "c3", "c2", "c4", "c6"]))),
            ("monetary", .double(PrimitiveColumn(values: [100, 100, 100, 100, 100, 900]))),
        ])
        let q = try t.ntile(5, by: [.ascending("monetary"), .ascending("customer_id")])
        #expect(q.values == [4, 1, 2, 1, 3, 5])
        let best = try t.ntile(5, by: [.descending("monetary"), .ascending("customer_id")])
        #expect(best.values == [5, 1, 3, 2, 4, 1])
    }

    @Test func rowsOutsideSelectionAreNull() throws {
        let domain = SelectionVector(rows: [1, 3, 4])
        let r = try Self.table.ordinalRank(by: [.descending("id")], within: domain)
        #expect((0..<6).map { r[$0] } == [nil, 3, nil, 2, 1, nil])
        let d = try Self.table.denseRank(by: [.ascending("active")], within: domain)
        #expect((0..<6).map { d[$0] } == [nil, 1, nil, 2, 1, nil])
        let n = try Self.table.ntile(2, by: [.ascending("id")], within: domain)
        #expect((0..<6).map { n[$0] } == [nil, 1, nil, 1, 2, nil])
    }

    @Test func emptyTableAndBadBucketCount() throws {
        #expect(try KernelFixtures.empty.ordinalRank(by: [.ascending("string")]).count == 0)
        #expect(try KernelFixtures.empty.ntile(5, by: [.ascending("string")]).count == 0)
        #expect(throws: KernelError.invalidArgument("ntile needs at least one bucket, got 0")) {
            try Self.table.ntile(0, by: [.ascending("id")])
        }
    }

    /// Dense rank against counting the distinct key tuples that sort before each row.
    @Test(arguments: [[SortKey.ascending("k")], [.descending("s"), .ascending("flag")], [.ascending("d")]])
    func denseRankMatchesNaive(keys: [SortKey]) throws {
        let t = KernelFixtures.random(rows: 800, seed: 5)
        let order = SortTests.naiveOrder(t, keys, rows: Array(0..<t.rowCount))
        var expected = [Int64](repeating: 0, count: t.rowCount)
        var rank: Int64 = 0
        var previous: [Cell]? = nil
        for r in order {
            let key = keys.map { Cell(t[$0.column]!, r) }
            if key != previous { rank += 1 }
            previous = key
            expected[r] = rank
        }
        #expect(try t.denseRank(by: keys).values == expected)
        let ordinal = try t.ordinalRank(by: keys).values
        #expect(order.enumerated().allSatisfy { ordinal[$0.element] == Int64($0.offset + 1) })
    }
}
