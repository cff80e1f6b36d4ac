import Testing
@testable import Columns

/// Values at the ends of each type's range, where sign-flipping encodings and overflow go wrong.
@Suite struct ExtremeValueTests {
    static let table = try! Table(name: "extremes", columns: [
        ("i", .int64(PrimitiveColumn(values: [Int64.max, Int64.min, 0, -1, 1]))),
        ("x", .double(PrimitiveColumn(values: [.infinity, -.infinity, .nan, -0.0, .leastNonzeroMagnitude]))),
        ("d", .date(PrimitiveColumn(values: [Int32.max, Int32.min, 0, -1, 2_932_896]))),
        ("t", .timestamp(PrimitiveColumn(values: [Int64.min, Int64.max, -1, 0, 253_402_300_799]))),
        ("s", .string(StringColumn(["\u{10FFFF}", "", "\u{0}", "ÿ", "\u{7F}"]))),
    ])

    @Test(arguments: [
        (SortKey.ascending("i"), [1, 3, 2, 4, 0]),
        (.descending("i"), [0, 4, 2, 3, 1]),
        (.ascending("x"), [1, 3, 4, 0, 2]),
        (.descending("x"), [2, 0, 4, 3, 1]),
        (.ascending("d"), [1, 3, 2, 4, 0]),
        (.ascending("t"), [0, 2, 3, 4, 1]),
        (.ascending("s"), [1, 2, 4, 3, 0]),
    ])
    func sortsAcrossTheWholeRange(key: SortKey, expected: [Int]) throws {
        #expect(try Self.table.sortPermutation(by: [key]) == expected)
        #expect(try Self.table.topK(2, by: [key]) == Array(expected.prefix(2)))
    }

    @Test(arguments: [
        (Predicate.compare("i", .greater, .int64(.max)), [Int]()),
        (.compare("i", .greaterOrEqual, .int64(.min)), [0, 1, 2, 3, 4]),
        (.compare("i", .equal, .int64(.min)), [1]),
        (.compare("x", .greater, .double(1e308)), [0]),
        (.compare("x", .equal, .double(0)), [3]),
        (.compare("x", .notEqual, .double(.nan)), [0, 1, 2, 3, 4]),
        (.between("d", .date(Int32.min), .date(0)), [1, 2, 3]),
        (.compare("t", .less, .timestamp(.min)), []),
        (.compare("s", .less, .string("\u{1}")), [1, 2]),
        (.compare("s", .greater, .string("ÿ")), [0]),
    ])
    func filtersAtTheEnds(predicate: Predicate, expected: [Int]) throws {
        #expect(Array(try Self.table.filter(predicate)) == expected)
    }

    @Test func aggregatesAtTheEnds() throws {
        let out = try Self.table.groupBy([], aggregates: [
            .min("i"), .max("i"), .min("x"), .max("x"), .min("t"), .max("t"), .countDistinct("x"), .min("s"), .max("s"),
        ])
        #expect(out.ints("min_i") == [Int64.min] && out.ints("max_i") == [Int64.max])
        #expect(out["min_x"]?.doubles?.values == [-.infinity])
        #expect(out["max_x"]?.doubles?.values.first?.isNaN == true)
        #expect(out["min_t"]?.timestamps?.values == [Int64.min] && out["max_t"]?.timestamps?.values == [Int64.max])
        #expect(out.ints("distinct_x") == [5])
        #expect(out["min_s"]?.strings?[0] == "" && out["max_s"]?.strings?[0] == "\u{10FFFF}")
        #expect(throws: KernelError.overflow(operation: "sum", column: "i")) {
            try Self.table.groupBy([], aggregates: [.sum("i")], within: SelectionVector(rows: [0, 4]))
        }
        #expect(try Self.table.groupBy([], aggregates: [.sum("i")], within: SelectionVector(rows: [0, 1])).ints("sum_i") == [-1])
    }

    @Test func joinsOnExtremeKeys() throws {
        let other = try Table(name: "o", columns: [("i", .int64(PrimitiveColumn(values: [Int64.min, Int64.max, 7])))])
        #expect(try Self.table.joinIndices(other, on: ["i"]) == JoinIndices(left: [0, 1], right: [1, 0]))
    }
}
