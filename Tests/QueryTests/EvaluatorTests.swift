import Columns
import Testing

@testable import Query

/// Exact results on a hand-made table, and the errors evaluation can raise.
@Suite struct EvaluatorTests {
    static let asOf = Int32(CivilDate.days(year: 2025, month: 6, day: 30))
    static func day(_ s: String) -> Int32 { TemporalLiteral.days(s)! }

    static let customers = try! Table(name: "customers", columns: [
        ("customer_id", .string(StringColumn(["a", "b", "c", "d", "e"]))),
        ("region", .string(StringColumn(["华东", "华南", nil, "华东", "华北"]))),
        ("value", .double(PrimitiveColumn([10, nil, 30, 40.5, -2], zero: 0))),
        ("n", .int64(PrimitiveColumn([1, 2, nil, 4, 0], zero: 0))),
        ("last_order", .date(PrimitiveColumn([day("2025-06-01"), day("2025-01-31"), nil, day("2024-02-29"), day("2025-03-31")], zero: 0))),
    ])
    static let orders = try! Table(name: "orders", columns: [
        ("customer_id", .string(StringColumn(["a", "a", "b", "d", "d", "d", "zz", nil]))),
        ("amount", .double(PrimitiveColumn([100, 2000, nil, 1500, 1500, 5, 9999, 9999], zero: 0))),
        ("qty", .int64(PrimitiveColumn([1, 2, 3, nil, 5, 6, 7, 8], zero: 0))),
    ])

    static func rows(_ q: String, segments: [String: String] = [:], asOf: Int32? = asOf) throws(QueryError) -> [String] {
        let sel = try SegmentQuery(q, base: customers, related: [orders], asOf: asOf, segments: segments).run()
        let ids = customers["customer_id"]!.strings!
        return sel.map { ids[$0]! }
    }

    static let cases: [(String, [String])] = [
        ("region = '华东'", ["a", "d"]),
        ("not region = '华东'", ["b", "e"]),
        ("region is null", ["c"]),
        ("value > 10 or n = 2", ["b", "c", "d"]),
        ("not (value > 10 or n = 2)", ["a", "e"]),
        ("value / n > 5", ["a", "d"]),
        ("value / n < 0", ["e"]),  // -2 / 0 = -inf
        ("n in (0, 4)", ["d", "e"]),
        ("n not in (0, value)", ["a", "d"]),  // b: 2 = null is unknown, so not in is too
        ("value between 10 and 40.5", ["a", "c", "d"]),
        ("last_order < as_of - 3m", ["b", "d"]),
        ("last_order + 1m = '2025-04-30'", ["e"]),
        ("last_order - 1y = '2023-02-28'", ["d"]),
        ("count(orders) = 3", ["d"]),
        ("count(orders) = 0", ["c", "e"]),
        ("count(orders.amount) = 0", ["b", "c", "e"]),
        ("count(orders where amount >= 1500) >= 2", ["a", "d"].filter { $0 == "d" }),
        ("sum(orders.amount) > 2000", ["a", "d"]),
        ("sum(orders.amount) is null", ["b", "c", "e"]),
        ("sum(orders.qty) = 11", ["d"]),
        ("avg(orders.amount) = 1050", ["a"]),
        ("max(orders.amount) = 1500 and min(orders.amount) = 5", ["d"]),
        ("count(orders where amount > value * 100) = 1", ["a"]),
        ("coalesce(value, n) = 2", ["b"]),
        ("@east and value > 20", ["d"]),
    ]

    @Test(arguments: cases)
    func selects(query: String, expected: [String]) throws {
        #expect(try Self.rows(query, segments: ["east": "region = '华东'"]) == expected)
    }

    /// Query (with segments) → the start of the error message.
    static let failures: [(String, [String: String], String)] = [
        ("@a", ["a": "@b", "b": "@a"], "segment @a refers to itself (@a → @b → @a)"),
        ("@bad", ["bad": "regon = 1"], "in segment @bad: 1:1: unknown column 'regon' in customers (did you mean 'region'?)"),
        ("n * 9223372036854775807 > 1", [:], "integer overflow"),
        ("n % 0 = 1", [:], "division by zero in '%'"),
        ("-(n - 9223372036854775807 - 2) > 0", [:], "integer overflow"),
        ("value % 0 > 1", [:], "division by zero in '%'"),
    ]

    @Test(arguments: failures)
    func fails(query: String, segments: [String: String], message: String) {
        do {
            let r = try Self.rows(query, segments: segments)
            Issue.record("\(query) selected \(r)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(error.range.end <= query.unicodeScalars.count)
        }
    }

    @Test func asOfWithoutManifestDateIsAnError() {
        #expect(throws: QueryError.self) { try Self.rows("last_order < as_of", asOf: nil) }
        #expect((try? Self.rows("n > 1", asOf: nil)) == ["b", "d"])
    }

    @Test func relatedTableWithoutKeyOrOfAnotherKeyType() throws {
        let noKey = try Table(name: "tickets", columns: [("score", .int64(PrimitiveColumn(values: [1])))])
        let intKey = try Table(name: "visits", columns: [("customer_id", .int64(PrimitiveColumn(values: [1])))])
        for (table, message) in [(noKey, "tickets has no customer_id column"), (intKey, "customers.customer_id is string but visits.customer_id is int64")] {
            do {
                _ = try SegmentQuery("count(\(table.name)) > 0", base: Self.customers, related: [table], asOf: nil).run()
                Issue.record("accepted \(table.name)")
            } catch {
                #expect(error.message.hasPrefix(message), "\(error.message)")
            }
        }
    }

    /// Unique ids take the interned lookup, repeated ids the join kernel, dictionary-encoded
    /// order ids one lookup per distinct id: all three give the same customers.
    @Test func relatedRowPathsAgree() throws {
        let query = "count(orders where amount > 50) >= 2"
        let unique = try SegmentQuery(query, base: Self.customers, related: [Self.orders], asOf: nil)
        #expect(try unique.explain().contains("unique ids interned"))
        #expect(try Self.rows(query) == ["a", "d"])
        var encoded = Self.orders
        try encoded.add("customer_id", .string(Self.orders["customer_id"]!.strings!.dictionaryEncoded()))
        let viaDictionary = try SegmentQuery(query, base: Self.customers, related: [encoded], asOf: nil).run()
        #expect(viaDictionary == (try unique.run()))
        var repeated = Self.customers
        try repeated.add("customer_id", .string(StringColumn(["a", "b", "a", "d", "e"])))
        let kernel = try SegmentQuery(query, base: repeated, related: [Self.orders], asOf: nil)
        #expect(try kernel.explain().contains("kernel Table.joinIndices"))
        #expect(try kernel.run().rows == [0, 2, 3])
    }

    /// Names stored as raw GBK bytes (not UTF-8), empty strings and huge sums: every text operator
    /// and the output formats take them without crashing, and an int64 sum that leaves the range
    /// is an error, not a wrapped number.
    @Test func hostileValues() throws {
        var names = StringBuffer()
        for raw: [UInt8] in [[0xD5, 0xC5, 0xC8, 0xFD], [], [0xFF, 0x41], Array("张三".utf8)] { raw.withUnsafeBytes { names.append($0) } }
        let base = try Table(name: "customers", columns: [
            ("customer_id", .string(StringColumn(["a", "b", "c", "d"]))), ("name", .string(StringColumn(storage: .plain(names)))),
        ])
        let big = try Table(name: "orders", columns: [
            ("customer_id", .string(StringColumn(["a", "a"]))), ("qty", .int64(PrimitiveColumn(values: [Int64.max, 1]))),
        ])
        let cases: [(String, [Int])] = [
            ("name like '%A'", [2]), ("name like '_A'", [2]), ("length(name) = 0", [1]), ("lower(name) contains 'a'", [2]),
            ("upper(trim(name)) = '张三'", [3]), ("name starts_with '张'", [3]), ("name ends_with ''", [0, 1, 2, 3]),
            ("name > ''", [0, 2, 3]),
        ]
        for (query, rows) in cases {
            let q = try SegmentQuery(query, base: base, related: [big], asOf: nil)
            #expect(try q.run().map { $0 } == rows, "\(query)")
        }
        let all = try SegmentQuery("length(name) >= 0", base: base, related: [big], asOf: nil)
        let table = try all.result(rows: try all.run(), columns: nil)
        #expect(TextTable.render(table).contains("\u{FFFD}"))
        #expect(JSONRows.render(table).contains("张三"))
        #expect(throws: QueryError.self) { try SegmentQuery("sum(orders.qty) > 0", base: base, related: [big], asOf: nil).run() }
    }

    @Test func emptyTablesSelectNothing() throws {
        let empty = try Table(name: "customers", columns: [("customer_id", .string(StringColumn([String?]()))),
                                                            ("region", .string(StringColumn([String?]())))])
        let none = try Table(name: "orders", columns: [("customer_id", .string(StringColumn([String?]())))])
        let q = try SegmentQuery("region = 'x' or count(orders) = 0", base: empty, related: [none], asOf: nil)
        #expect(try q.run().isEmpty)
    }

    @Test func resultColumnsSortAndLimit() throws {
        let q = try SegmentQuery("value is not null", base: Self.customers, related: [Self.orders], asOf: Self.asOf)
        let t = try q.result(rows: try q.run(), columns: ["customer_id", "value"], sort: ["-value"], limit: 2)
        #expect(t.columns[0].strings.map { c in (0..<c.count).map { c[$0]! } } == ["d", "c"])
        #expect(throws: ResultOptionError.self) { try q.result(rows: .empty, columns: ["vaule"]) }
        do {
            _ = try q.result(rows: .empty, columns: nil, sort: ["-regoin"])
        } catch {
            #expect(error.description == "--sort: customers has no column 'regoin' (did you mean 'region'?)")
        }
    }
}
