import Testing
@testable import Columns

@Suite struct FilterTests {
    static let table = KernelFixtures.mixed()

    /// Predicates over the mixed fixture and the rows they keep (see `KernelFixtures.mixed`).
    static let cases: [(Predicate, [Int])] = [
        (.compare("id", .equal, .int64(4)), [3]),
        (.compare("id", .notEqual, .int64(4)), [0, 1, 4, 5]),
        (.compare("id", .less, .int64(4)), [0, 1]),
        (.compare("id", .lessOrEqual, .int64(4)), [0, 1, 3]),
        (.compare("id", .greater, .int64(4)), [4, 5]),
        (.compare("id", .greaterOrEqual, .int64(4)), [3, 4, 5]),
        (.compare("id", .less, .double(2.5)), [0, 1]),
        (.isIn("id", [.int64(1), .int64(6), .int64(99)]), [0, 5]),
        (.isIn("id", (1...20).map { .int64($0 * 2) }), [1, 3, 5]),
        (.between("id", .int64(2), .int64(5)), [1, 3, 4]),
        (.compare("amount", .equal, .int64(0)), [3]),
        (.compare("amount", .greater, .double(0)), [0, 4]),
        (.compare("amount", .notEqual, .double(10.5)), [2, 3, 4, 5]),
        (.between("amount", .double(-3), .double(10.5)), [0, 2, 3]),
        (.compare("active", .equal, .bool(true)), [0, 3, 5]),
        (.compare("active", .less, .bool(true)), [1, 4]),
        (.compare("day", .equal, .date(19000)), [0, 5]),
        (.compare("day", .greaterOrEqual, .date(19001)), [1, 2]),
        (.compare("at", .less, .timestamp(1000)), [4, 5]),
        (.between("at", .timestamp(1_600_000_000), .timestamp(1_700_000_000)), [0, 2]),
        (.compare("region", .equal, .string("华东")), [0, 3]),
        (.compare("region", .notEqual, .string("华东")), [1, 4, 5]),
        (.compare("region", .equal, .string("")), [5]),
        (.compare("region", .equal, .string("上海")), []),
        (.isIn("region", [.string("华南"), .string("华北"), .string("上海")]), [1, 4]),
        // UTF-8 byte order: "" < 华东 (E4 B8 9C) < 华北 (…8C 97) < 华南 (…8D 97).
        (.compare("region", .less, .string("华南")), [0, 3, 4, 5]),
        (.compare("region", .greater, .string("")), [0, 1, 3, 4]),
        (.between("region", .string("华东"), .string("华北")), [0, 3, 4]),
        (.contains("region", "南"), [1]),
        (.contains("region", ""), [0, 1, 3, 4, 5]),
        (.hasPrefix("region", "华"), [0, 1, 3, 4]),
        (.contains("name", "三"), [0, 5]),
        (.hasPrefix("name", "张三"), [0, 5]),
        (.contains("name", "San"), [4]),
        (.contains("name", "张三丰x"), []),
        (.isNull("region"), [2]),
        (.isNotNull("amount"), [0, 2, 3, 4, 5]),
        (.isNull("id"), [2]),
        (.and(.compare("region", .equal, .string("华东")), .compare("id", .greater, .int64(1))), [3]),
        (.or(.compare("id", .equal, .int64(1)), .contains("name", "王")), [0, 3]),
        (.not(.compare("region", .equal, .string("华东"))), [1, 2, 4, 5]),
        (.not(.isNull("id")), [0, 1, 3, 4, 5]),
        (.and(.isNull("id"), .isNotNull("id")), []),
    ]

    @Test(arguments: cases)
    func keepsExpectedRows(predicate: Predicate, rows: [Int]) throws {
        #expect(Array(try Self.table.filter(predicate)) == rows)
    }

    /// Dictionary and plain storage of the same strings answer every string test alike.
    @Test(arguments: cases.filter { "\($0.0)".contains("\"region\"") })
    func plainStringsMatchDictionary(predicate: Predicate, rows: [Int]) throws {
        #expect(Array(try Self.table.filter(Self.renamed(predicate))) == rows)
    }

    /// Refining a selection is filtering and intersecting.
    @Test(arguments: cases)
    func refiningEqualsIntersecting(predicate: Predicate, rows: [Int]) throws {
        let domain = SelectionVector(rows: [0, 2, 3, 5])
        let refined = try Self.table.filter(predicate, within: domain)
        #expect(Array(refined) == rows.filter { [0, 2, 3, 5].contains($0) })
    }

    @Test(arguments: [
        (Predicate.compare("id", .equal, .string("4")), KernelError.constantType(column: "id", type: .int64, constant: .string)),
        (.compare("day", .less, .int64(19000)), .constantType(column: "day", type: .date, constant: .int64)),
        (.compare("region", .equal, .int64(1)), .constantType(column: "region", type: .string, constant: .int64)),
        (.contains("id", "4"), .unsupported(operation: "contains", column: "id", type: .int64)),
        (.hasPrefix("amount", "1"), .unsupported(operation: "hasPrefix", column: "amount", type: .double)),
        (.isNull("missing"), .noSuchColumn(table: "mixed", column: "missing", available: table.columnNames)),
    ])
    func rejectsWhatDoesNotApply(predicate: Predicate, error: KernelError) {
        #expect(throws: error) { try Self.table.filter(predicate) }
    }

    @Test(arguments: ColumnType.allCases)
    func allNullColumnsKeepOnlyNullTests(type: ColumnType) throws {
        let t = KernelFixtures.allNull(70)
        #expect(try t.filter(.isNull(type.rawValue)).count == 70)
        #expect(try t.filter(.isNotNull(type.rawValue)).isEmpty)
        #expect(try t.filter(.not(.isNull(type.rawValue))).isEmpty)
        #expect(try t.filter(.compare(type.rawValue, .notEqual, Self.constant(of: type))).isEmpty)
        #expect(try KernelFixtures.empty.filter(.compare(type.rawValue, .equal, Self.constant(of: type))).isEmpty)
        #expect(try KernelFixtures.empty.filter(.not(.isNull(type.rawValue))).isEmpty)
    }

    @Test func oneRowTable() throws {
        let t = try Table(name: "one", columns: [("s", .string(StringColumn(["客户"])))])
        #expect(Array(try t.filter(.compare("s", .equal, .string("客户")))) == [0])
        #expect(Array(try t.filter(.contains("s", "户"))) == [0])
        #expect(try t.filter(.hasPrefix("s", "户")).isEmpty)
    }

    /// A long plain column, crossing validity words, against a per-row check.
    @Test func longColumnMatchesRowByRowCheck() throws {
        let t = KernelFixtures.random(rows: 3000, seed: 7)
        let s = t["sPlain"]!.strings!
        let expected = (0..<3000).filter { s[$0].map { $0.contains("华") } ?? false }
        #expect(Array(try t.filter(.contains("sPlain", "华"))) == expected)
        #expect(Array(try t.filter(.contains("s", "华"))) == expected)
        let k = t["k"]!.int64s!
        #expect(Array(try t.filter(.compare("k", .less, .int64(5)))) == (0..<3000).filter { (k[$0] ?? 99) < 5 })
    }

    @Test func gatherTakesSelectedRows() throws {
        let selection = try Self.table.filter(.compare("region", .equal, .string("华东")))
        let g = Self.table.gather(selection)
        #expect(g.rowCount == 2)
        #expect(g["name"]?.text(at: 1) == "王五")
        #expect(g["amount"]?.text(at: 1) == "0")
    }

    static func constant(of type: ColumnType) -> Scalar {
        switch type {
        case .int64: .int64(0)
        case .double: .double(0)
        case .bool: .bool(false)
        case .date: .date(0)
        case .timestamp: .timestamp(0)
        case .string: .string("")
        }
    }

    static func renamed(_ p: Predicate) -> Predicate {
        switch p {
        case .column(let c, let cond): .column(c == "region" ? "regionPlain" : c, cond)
        case .and(let a, let b): .and(renamed(a), renamed(b))
        case .or(let a, let b): .or(renamed(a), renamed(b))
        case .not(let a): .not(renamed(a))
        }
    }
}
