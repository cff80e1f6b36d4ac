import Testing
@testable import Columns

@Suite struct JoinTests {
    static let orders = try! Table(name: "orders", columns: [
        ("customer_id", .string(StringColumn(["c1", "c2", "c1", nil, "c9", "张三"]))),
        ("amount", .double(PrimitiveColumn(values: [10, 20, 30, 40, 50, 60]))),
        ("name", .string(StringColumn(["o1", "o2", "o3", "o4", "o5", "o6"]))),
    ])
    static let customers = try! Table(name: "customers", columns: [
        ("customer_id", .string(StringColumn(["c1", "张三", "c2", "c2", nil]).dictionaryEncoded())),
        ("name", .string(StringColumn(["A", "B", "C", "D", "E"]))),
    ])

    /// (left, right, kind, expected left rows, expected right rows). The first two hash the right
    /// side (smaller), the last two the left; the pair order is the same either way.
    static let cases: [(Table, Table, JoinKind, [Int32], [Int32])] = [
        (orders, customers, .inner, [0, 1, 1, 2, 5], [0, 2, 3, 0, 1]),
        (orders, customers, .left, [0, 1, 1, 2, 3, 4, 5], [0, 2, 3, 0, -1, -1, 1]),
        (customers, orders, .inner, [0, 0, 1, 2, 3], [0, 2, 5, 1, 1]),
        (customers, orders, .left, [0, 0, 1, 2, 3, 4], [0, 2, 5, 1, 1, -1]),
        (orders, KernelFixtures.allNull(3).renamed("string", to: "customer_id"), .left, [0, 1, 2, 3, 4, 5], [-1, -1, -1, -1, -1, -1]),
        (orders, KernelFixtures.allNull(3).renamed("string", to: "customer_id"), .inner, [], []),
        (orders, KernelFixtures.empty.renamed("string", to: "customer_id"), .left, [0, 1, 2, 3, 4, 5], [-1, -1, -1, -1, -1, -1]),
        (KernelFixtures.empty.renamed("string", to: "customer_id"), customers, .left, [], []),
        (KernelFixtures.empty.renamed("string", to: "customer_id"), customers, .inner, [], []),
    ]

    @Test(arguments: cases)
    func rowPairs(left: Table, right: Table, kind: JoinKind, l: [Int32], r: [Int32]) throws {
        #expect(try left.joinIndices(right, on: ["customer_id"], kind: kind) == JoinIndices(left: l, right: r))
    }

    @Test func integerAndTwoColumnKeys() throws {
        let a = try Table(name: "a", columns: [
            ("k", .int64(PrimitiveColumn([1, 2, 2, nil, 3], zero: 0))),
            ("d", .date(PrimitiveColumn([10, 20, 21, 10, nil], zero: 0))),
        ])
        let b = try Table(name: "b", columns: [
            ("id", .int64(PrimitiveColumn([2, 1, 2, 3], zero: 0))),
            ("day", .date(PrimitiveColumn([21, 10, 20, 30], zero: 0))),
        ])
        #expect(try a.joinIndices(b, on: ["k"], rightKeys: ["id"]) == JoinIndices(left: [0, 1, 1, 2, 2, 4], right: [1, 0, 2, 0, 2, 3]))
        #expect(try a.joinIndices(b, on: ["k", "d"], rightKeys: ["id", "day"], kind: .left)
            == JoinIndices(left: [0, 1, 2, 3, 4], right: [1, 2, 0, -1, -1]))
    }

    @Test(arguments: [
        (["customer_id"], ["amount"], KernelError.keyTypeMismatch(left: "customer_id", leftType: .string, right: "amount", rightType: .double)),
        (["customer_id"], ["customer_id", "name"], .invalidArgument("join needs the same number (at least one) of left and right keys, got 1 and 2")),
        ([], [], .invalidArgument("join needs the same number (at least one) of left and right keys, got 0 and 0")),
        (["nope"], ["customer_id"], .noSuchColumn(table: "customers", column: "nope", available: ["customer_id", "name"])),
    ])
    func rejectsBadKeys(left: [String], right: [String], error: KernelError) {
        #expect(throws: error) { try Self.customers.joinIndices(Self.orders, on: left, rightKeys: right) }
    }

    @Test func materializedLeftJoin() throws {
        let t = try Self.orders.join(Self.customers, on: ["customer_id"], kind: .left)
        #expect(t.columnNames == ["customer_id", "amount", "name", "name_right"])
        #expect(t.cells == [
            ["c1", "10", "o1", "A"], ["c2", "20", "o2", "C"], ["c2", "20", "o2", "D"], ["c1", "30", "o3", "A"],
            ["∅", "40", "o4", "∅"], ["c9", "50", "o5", "∅"], ["张三", "60", "o6", "B"],
        ])
        let inner = try Self.orders.join(Self.customers, on: ["customer_id"])
        #expect(inner.rowCount == 5 && inner["name_right"]?.validity.hasNulls == false)
    }

    @Test func materializedJoinWithEmptyRightHasNullColumns() throws {
        let right = try Table(name: "r", columns: [("customer_id", .string(StringColumn([]))), ("x", .int64(PrimitiveColumn(values: [])))])
        let t = try Self.orders.join(right, on: ["customer_id"], kind: .left)
        #expect(t.rowCount == 6 && t["x"]?.type == .int64 && t["x"]?.validity.nullCount == 6)
    }

    static let randomKeys: [([String], [String])] = [
        (["k"], ["k"]), (["s"], ["sPlain"]), (["sPlain"], ["s"]), (["k", "day"], ["k", "day"]), (["d"], ["d"]),
        (["flag", "s"], ["flag", "s"]),
    ]

    /// Random tables of both size orders (so both sides get hashed) against nested loops.
    @Test(arguments: randomKeys)
    func matchesNaiveReference(leftKeys: [String], rightKeys: [String]) throws {
        for (ln, rn) in [(300, 500), (500, 300)] {
            let a = KernelFixtures.random(rows: ln, seed: 11, keyRange: 9, nullRate: 0.15)
            let b = KernelFixtures.random(rows: rn, seed: 12, keyRange: 9, nullRate: 0.15)
            for kind in [JoinKind.inner, .left] {
                let expected = Self.naive(a, b, leftKeys, rightKeys, kind)
                let got = try a.joinIndices(b, on: leftKeys, rightKeys: rightKeys, kind: kind)
                #expect(got == expected, "\(ln)×\(rn) \(kind)")
                let chunked = try a.joinIndices(b, on: leftKeys, rightKeys: rightKeys, kind: kind, chunkSize: 37)
                #expect(chunked == expected, "\(ln)×\(rn) \(kind), probe chunks of 37 rows")
            }
        }
    }

    static func naive(_ a: Table, _ b: Table, _ lk: [String], _ rk: [String], _ kind: JoinKind) -> JoinIndices {
        var l = [Int32](), r = [Int32]()
        let rightKeys = (0..<b.rowCount).map { j in rk.map { Cell(b[$0]!, j) } }
        for i in 0..<a.rowCount {
            let key = lk.map { Cell(a[$0]!, i) }
            var matched = false
            if !key.contains(.null) {
                for j in 0..<b.rowCount where rightKeys[j] == key {
                    l.append(Int32(i))
                    r.append(Int32(j))
                    matched = true
                }
            }
            if !matched && kind == .left {
                l.append(Int32(i))
                r.append(-1)
            }
        }
        return JoinIndices(left: l, right: r)
    }
}

extension Table {
    func renamed(_ from: String, to: String) -> Table {
        try! Table(name: name, columns: zip(columnNames, columns).map { ($0 == from ? to : $0, $1) })
    }
}
