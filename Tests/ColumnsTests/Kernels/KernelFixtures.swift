@testable import Columns

/// A small deterministic generator (SplitMix64), so random-data tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum KernelFixtures {
    /// Six rows over every column type, with nulls, Chinese text, an empty string, -0.0 and NaN.
    /// `region` is dictionary-encoded, `regionPlain` the same strings stored plainly.
    static func mixed() -> Table {
        let regions: [String?] = ["华东", "华南", nil, "华东", "华北", ""]
        return try! Table(name: "mixed", columns: [
            ("id", .int64(PrimitiveColumn([1, 2, nil, 4, 5, 6], zero: 0))),
            ("amount", .double(PrimitiveColumn([10.5, nil, -3, -0.0, 1e9, .nan], zero: 0))),
            ("active", .bool(PrimitiveColumn([true, false, nil, true, false, true], zero: false))),
            ("day", .date(PrimitiveColumn([19000, 19001, 19002, nil, 18999, 19000], zero: 0))),
            ("at", .timestamp(PrimitiveColumn([1_700_000_000, nil, 1_600_000_000, 1_700_000_001, 0, -5], zero: 0))),
            ("region", .string(StringColumn(regions).dictionaryEncoded())),
            ("regionPlain", .string(StringColumn(regions))),
            ("name", .string(StringColumn(["张三", "李四", nil, "王五", "Zhang San", "张三丰"]))),
        ])
    }

    /// A table of one column of `n` nulls of each type.
    static func allNull(_ n: Int) -> Table {
        try! Table(name: "nulls", columns: ColumnType.allCases.map { ($0.rawValue, Column.nulls($0, count: n)) })
    }

    static let empty = allNull(0)

    /// Random rows: small-range keys with nulls so groups and join matches repeat.
    static func random(rows: Int, seed: UInt64, keyRange: Int = 12, nullRate: Double = 0.1) -> Table {
        var g = SeededGenerator(seed: seed)
        func maybe<T>(_ v: T) -> T? { Double.random(in: 0..<1, using: &g) < nullRate ? nil : v }
        let words = ["华东", "华南", "华北", "西南", "东北", "a", "b", "ab", "", "张三", "Zhang"]
        var k = [Int64?](), s = [String?](), d = [Double?](), day = [Int32?](), flag = [Bool?](), t = [Int64?]()
        for _ in 0..<rows {
            k.append(maybe(Int64.random(in: 0..<Int64(keyRange), using: &g)))
            s.append(maybe(words[Int.random(in: 0..<min(keyRange, words.count), using: &g)]))
            d.append(maybe(Double(Int.random(in: -1000...1000, using: &g)) / 8))
            day.append(maybe(Int32.random(in: 19000..<19000 + Int32(keyRange), using: &g)))
            flag.append(maybe(Bool.random(using: &g)))
            t.append(maybe(Int64.random(in: -1_000_000...1_000_000, using: &g)))
        }
        return try! Table(name: "random", columns: [
            ("k", .int64(PrimitiveColumn(k, zero: 0))),
            ("s", .string(StringColumn(s).dictionaryEncoded())),
            ("sPlain", .string(StringColumn(s))),
            ("d", .double(PrimitiveColumn(d, zero: 0))),
            ("day", .date(PrimitiveColumn(day, zero: 0))),
            ("flag", .bool(PrimitiveColumn(flag, zero: false))),
            ("t", .timestamp(PrimitiveColumn(t, zero: 0))),
        ])
    }
}

/// A cell as a comparable value for naive reference implementations.
enum Cell: Hashable, Comparable {
    case null
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case string([UInt8])

    init(_ column: Column, _ row: Int) {
        guard column.validity.isValid(row) else { self = .null; return }
        switch column {
        case .int64(let c), .timestamp(let c): self = .int(c.values[row])
        case .date(let c): self = .int(Int64(c.values[row]))
        case .double(let c):
            let v = c.values[row]
            self = .double(v == 0 ? 0 : v.isNaN ? .nan : v)
        case .bool(let c): self = .bool(c.values[row])
        case .string(let c): self = .string(Array(c[row]!.utf8))
        }
    }

    static func == (a: Cell, b: Cell) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.int(let x), .int(let y)): x == y
        case (.double(let x), .double(let y)): x == y || (x.isNaN && y.isNaN)
        case (.bool(let x), .bool(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        default: false
        }
    }

    func hash(into h: inout Hasher) {
        switch self {
        case .null: h.combine(0)
        case .int(let v): h.combine(v)
        case .double(let v): h.combine(v.isNaN ? Double.infinity.bitPattern &+ 1 : v.bitPattern)
        case .bool(let v): h.combine(v)
        case .string(let v): h.combine(v)
        }
    }

    /// Value order with null last, NaN above every number; only same-kind cells are compared.
    static func < (a: Cell, b: Cell) -> Bool {
        switch (a, b) {
        case (.null, _): false
        case (_, .null): true
        case (.int(let x), .int(let y)): x < y
        case (.double(let x), .double(let y)): x < y || (y.isNaN && !x.isNaN)
        case (.bool(let x), .bool(let y)): !x && y
        case (.string(let x), .string(let y)): x.lexicographicallyPrecedes(y)
        default: false
        }
    }
}

extension Table {
    /// Every cell as display text ("∅" for null), row by row, for whole-table comparisons.
    var cells: [[String]] {
        (0..<rowCount).map { r in columns.map { $0.text(at: r) ?? "∅" } }
    }

    func ints(_ name: String) -> [Int64?] {
        let c = self[name]!.int64s!
        return (0..<c.count).map { c[$0] }
    }
}
