import Testing
@testable import Columns

@Suite struct GroupByTests {
    static let table = KernelFixtures.mixed()

    /// Group-bys of the mixed fixture and their whole output, as text ("∅" = null), groups in
    /// first-seen order.
    static let cases: [([String], [Aggregate], [[String]])] = [
        (["region"], [.count(), .sum("amount"), .min("id"), .max("name"), .mean("id")], [
            ["华东", "2", "10.5", "1", "王五", "2.5"],
            ["华南", "1", "∅", "2", "李四", "2"],
            ["∅", "1", "-3", "∅", "∅", "∅"],
            ["华北", "1", "1000000000", "5", "Zhang San", "5"],
            ["", "1", "NaN", "6", "张三丰", "6"],
        ]),
        (["regionPlain"], [.countDistinct("active"), .countNonNull("day"), .min("day"), .max("active")], [
            ["华东", "1", "1", "2022-01-08", "true"],
            ["华南", "1", "1", "2022-01-09", "false"],
            ["∅", "0", "1", "2022-01-10", "∅"],
            ["华北", "1", "1", "2022-01-07", "false"],
            ["", "1", "1", "2022-01-08", "true"],
        ]),
        (["region", "active"], [.count(as: "n")], [
            ["华东", "true", "2"], ["华南", "false", "1"], ["∅", "∅", "1"], ["华北", "false", "1"], ["", "true", "1"],
        ]),
        (["active"], [.sum("id"), .min("at"), .max("amount")], [
            ["true", "11", "1969-12-31 23:59:55", "NaN"],
            ["false", "7", "1970-01-01 00:00:00", "1000000000"],
            ["∅", "∅", "2020-09-13 12:26:40", "-3"],
        ]),
        ([], [.count(), .sum("id"), .countDistinct("region"), .mean("amount"), .min("name")], [
            ["6", "18", "4", "NaN", "Zhang San"],
        ]),
        (["day"], [.count()], [["2022-01-08", "2"], ["2022-01-09", "1"], ["2022-01-10", "1"], ["∅", "1"], ["2022-01-07", "1"]]),
    ]

    @Test(arguments: cases)
    func aggregatesPerGroup(keys: [String], aggregates: [Aggregate], expected: [[String]]) throws {
        let out = try Self.table.groupBy(keys, aggregates: aggregates)
        #expect(out.columnNames == keys + aggregates.map(\.name))
        #expect(out.cells == expected)
    }

    @Test func keyColumnsKeepTheirTypes() throws {
        let out = try Self.table.groupBy(["region", "day", "amount"], aggregates: [.count()])
        #expect(out["region"]?.strings?.isDictionary == true)
        #expect(out["day"]?.type == .date && out["amount"]?.type == .double)
    }

    /// 0.0 and -0.0 are one group, every NaN one group, and nulls another.
    @Test func doubleKeysGroupByValue() throws {
        let t = try Table(name: "d", columns: [
            ("x", .double(PrimitiveColumn([0.0, -0.0, .nan, -Double.nan, 1, nil, nil], zero: 0))),
        ])
        let out = try t.groupBy(["x"], aggregates: [.count()])
        #expect(out.cells == [["0", "2"], ["NaN", "2"], ["1", "1"], ["∅", "2"]])
    }

    /// Narrow integer keys are indexed directly (offset by the minimum), wide ones hashed; both
    /// must give the same groups, negatives and nulls included.
    @Test(arguments: [
        ([-3, -1, -3, nil, 2, -1] as [Int64?], [["-3", "2"], ["-1", "2"], ["∅", "1"], ["2", "1"]]),
        ([Int64.min, Int64.max, nil, Int64.min], [["-9223372036854775808", "2"], ["9223372036854775807", "1"], ["∅", "1"]]),
        ([nil, nil], [["∅", "2"]]),
        ([7], [["7", "1"]]),
    ])
    func integerKeys(values: [Int64?], expected: [[String]]) throws {
        let t = try Table(name: "i", columns: [("k", .int64(PrimitiveColumn(values, zero: 0)))])
        #expect(try t.groupBy(["k"], aggregates: [.count()]).cells == expected)
        let dates = try Table(name: "d", columns: [("k", .date(PrimitiveColumn(values.map { $0.map { Int32(truncatingIfNeeded: $0) } }, zero: 0)))])
        #expect(try dates.groupBy(["k"], aggregates: [.count()]).rowCount == expected.count)
    }

    @Test(arguments: ColumnType.allCases)
    func allNullKeyIsOneGroup(type: ColumnType) throws {
        let out = try KernelFixtures.allNull(100).groupBy([type.rawValue], aggregates: [.count(), .countDistinct("string"), .min("int64")])
        #expect(out.cells == [["∅", "100", "0", "∅"]])
    }

    @Test func emptyInput() throws {
        let keyed = try KernelFixtures.empty.groupBy(["string", "int64"], aggregates: [.count(), .sum("double")])
        #expect(keyed.rowCount == 0 && keyed.columnNames == ["string", "int64", "count", "sum_double"])
        #expect(keyed["sum_double"]?.type == .double)
        let global = try KernelFixtures.empty.groupBy([], aggregates: [.count(), .sum("int64"), .max("string")])
        #expect(global.cells == [["0", "∅", "∅"]])
    }

    @Test func oneRow() throws {
        let t = try Table(name: "one", columns: [("c", .string(StringColumn(["客户甲"]))), ("v", .int64(PrimitiveColumn(values: [7])))])
        #expect(try t.groupBy(["c"], aggregates: [.sum("v"), .mean("v")]).cells == [["客户甲", "7", "7"]])
    }

    @Test func withinSelectionOnlyThoseRows() throws {
        let out = try Self.table.groupBy(["region"], aggregates: [.count()], within: SelectionVector(rows: [1, 3, 5]))
        #expect(out.cells == [["华南", "1"], ["华东", "1"], ["", "1"]])
    }

    @Test(arguments: [
        ([Aggregate.sum("region")], KernelError.unsupported(operation: "sum", column: "region", type: .string)),
        ([.mean("day")], .unsupported(operation: "mean", column: "day", type: .date)),
        ([.sum("active")], .unsupported(operation: "sum", column: "active", type: .bool)),
        ([.count(), .count()], .invalidArgument("group-by output would have two columns named count")),
        ([.count(as: "region")], .invalidArgument("group-by output would have two columns named region")),
        ([.min("nope")], .noSuchColumn(table: "mixed", column: "nope", available: table.columnNames)),
        ([Aggregate(.sum, nil, as: "s")], .invalidArgument("aggregate s: sum needs a column")),
    ])
    func rejectsBadAggregates(aggregates: [Aggregate], error: KernelError) {
        #expect(throws: error) { try Self.table.groupBy(["region"], aggregates: aggregates) }
    }

    @Test func intSumOverflowIsAnError() throws {
        let t = try Table(name: "big", columns: [("v", .int64(PrimitiveColumn(values: [Int64.max, 1])))])
        #expect(throws: KernelError.overflow(operation: "sum", column: "v")) {
            try t.groupBy([], aggregates: [.sum("v")])
        }
        // The mean of the same values is a double and does not overflow.
        #expect(try t.groupBy([], aggregates: [.mean("v")]).rowCount == 1)
    }

    static let keySets: [[String]] = [["k"], ["s"], ["sPlain"], ["flag"], ["k", "s"], ["day", "flag"], ["d"], ["t"], ["sPlain", "k", "flag"], []]
    static let aggregates: [Aggregate] = [
        .count(), .countNonNull("d"), .countDistinct("sPlain"), .countDistinct("d"), .countDistinct("k"),
        .sum("d"), .sum("k"), .min("s"), .max("sPlain"), .min("d"), .max("d"), .max("day"), .mean("k"),
        .mean("d"), .min("flag"), .max("t"),
    ]

    /// Random data against a naive group-by; many small chunks, in parallel and one by one. The
    /// doubles are multiples of 1/8, so every sum is exact and the order of addition cannot matter.
    @Test(arguments: keySets)
    func matchesNaiveReference(keys: [String]) throws {
        let t = KernelFixtures.random(rows: 5000, seed: 42)
        let expected = Self.naive(t, keys, Self.aggregates, rows: Array(0..<t.rowCount))
        for (chunk, parallel) in [(1 << 16, true), (700, true), (700, false), (97, true)] {
            let out = try t.groupBy(keys, aggregates: Self.aggregates, within: nil, chunkSize: chunk, parallel: parallel)
            #expect(Self.cellRows(out) == expected, "chunk \(chunk) parallel \(parallel)")
        }
        let domain = try t.filter(.compare("t", .greater, .timestamp(0)))
        let out = try t.groupBy(keys, aggregates: Self.aggregates, within: domain, chunkSize: 333, parallel: true)
        #expect(Self.cellRows(out) == Self.naive(t, keys, Self.aggregates, rows: Array(domain)))
    }

    /// With sums that do round, the parallel result is still bit-identical to the serial one.
    @Test(arguments: [1 as UInt64, 2, 3])
    func parallelEqualsSerialBitForBit(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = 20_000
        let t = try Table(name: "r", columns: [
            ("k", .int64(PrimitiveColumn(values: (0..<n).map { _ in Int64.random(in: 0..<50, using: &g) }))),
            ("x", .double(PrimitiveColumn(values: (0..<n).map { _ in Double.random(in: -1e6..<1e6, using: &g) }))),
        ])
        let aggs: [Aggregate] = [.sum("x"), .mean("x"), .count()]
        let serial = try t.groupBy(["k"], aggregates: aggs, within: nil, chunkSize: 1000, parallel: false)
        let parallel = try t.groupBy(["k"], aggregates: aggs, within: nil, chunkSize: 1000, parallel: true)
        #expect(serial.rowCount == 50)
        #expect(serial["sum_x"]!.doubles!.values.map(\.bitPattern) == parallel["sum_x"]!.doubles!.values.map(\.bitPattern))
        #expect(serial["mean_x"]!.doubles!.values.map(\.bitPattern) == parallel["mean_x"]!.doubles!.values.map(\.bitPattern))
        #expect(serial.cells == parallel.cells)
    }

    static func cellRows(_ t: Table) -> [[Cell]] {
        (0..<t.rowCount).map { r in t.columns.map { Cell($0, r) } }
    }

    /// Group-by the obvious way: a dictionary from key cells to row lists, aggregates from cells.
    static func naive(_ t: Table, _ keys: [String], _ aggs: [Aggregate], rows: [Int]) -> [[Cell]] {
        var order = [[Cell]]()
        var members = [[Cell]: [Int]]()
        for r in rows {
            let key = keys.map { Cell(t[$0]!, r) }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(r)
        }
        if keys.isEmpty && order.isEmpty {
            order = [[]]
            members[[]] = []
        }
        return order.map { key in
            let rs = members[key]!
            return key + aggs.map { a in
                if a.function == .count { return .int(Int64(rs.count)) }
                let c = t[a.column!]!
                let values = rs.map { Cell(c, $0) }.filter { $0 != .null }
                switch a.function {
                case .count: return .int(Int64(rs.count))
                case .countNonNull: return .int(Int64(values.count))
                case .countDistinct: return .int(Int64(Set(values).count))
                case .sum, .mean:
                    guard !values.isEmpty else { return .null }
                    var isum: Int64 = 0, dsum = 0.0
                    for v in values {
                        switch v {
                        case .int(let i): isum += i; dsum += Double(i)
                        case .double(let d): dsum += d
                        default: break
                        }
                    }
                    if a.function == .mean { return .double(dsum / Double(values.count)) }
                    if case .int = values[0] { return .int(isum) }
                    return .double(dsum)
                case .min: return values.reduce(nil as Cell?) { m, v in m.map { v < $0 ? v : $0 } ?? v } ?? .null
                case .max: return values.reduce(nil as Cell?) { m, v in m.map { $0 < v ? v : $0 } ?? v } ?? .null
                }
            }
        }
    }
}
