import Testing

@testable import Query

/// The parser and checker must end on any input with a tree or a `QueryError` whose span lies
/// inside the input: never crash, never hang. Inputs come from a seeded generator, so a failure
/// reproduces from its seed.
@Suite struct ParserFuzzTests {
    static let vocabulary: [String] = [
        "region", "amount", "orders", "orders.amount", "last_order", "as_of", "华东", "'华东'", "'", "\"", "\"x\"", "@vip", "@",
        "(", ")", ",", ".", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "and", "or", "not", "in",
        "between", "contains", "starts_with", "ends_with", "like", "is", "null", "true", "false", "where", "count(", "sum(",
        "avg(", "min(", "max(", "year(", "coalesce(", "90d", "1y", "2w", "3m", "1.5", "0", "-7", "99999999999999999999",
        "'2025-01-01'", "（", "‘", "＝", "#", "\n", " ", "\u{0}", "😀", "1e5", "12abc",
    ]

    static let schema = TypeCheckerTests.schema

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func survive(_ source: String) {
        let count = source.unicodeScalars.count
        do {
            let e = try TypeChecker.check(source, against: schema)
            #expect(e.depth <= Parser.maxDepth)
        } catch {
            #expect(error.range.start >= 0 && error.range.start <= count && error.range.end <= max(count, error.range.start + 1),
                    "range \(error.range) outside \(count) scalars for \(source.debugDescription)")
            _ = error.rendered(in: source)
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func tokenSoup(seed: UInt64) {
        var g = Generator(state: seed)
        for _ in 0..<5_000 {
            let n = g.below(30)
            Self.survive((0..<n).map { _ in Self.vocabulary[g.below(Self.vocabulary.count)] }.joined(separator: g.below(3) == 0 ? "" : " "))
        }
    }

    @Test(arguments: [5, 6])
    func randomScalars(seed: UInt64) {
        var g = Generator(state: seed)
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0x0...0x20, 0x4E00...0x4E80, 0xFF00...0xFF60, 0x1F600...0x1F640]
        for _ in 0..<3_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<g.below(40) {
                let pool = pools[g.below(pools.count)]
                if let u = Unicode.Scalar(pool.lowerBound + UInt32(g.below(Int(pool.upperBound - pool.lowerBound) + 1))) { s.append(u) }
            }
            Self.survive(String(s))
        }
    }

    /// Valid queries with characters deleted, duplicated or swapped: near-misses, the inputs
    /// people actually type.
    @Test(arguments: [7, 8])
    func mutatedValidQueries(seed: UInt64) {
        var g = Generator(state: seed)
        let valid = TypeCheckerTests.valid + ParserTests.groupings.map(\.0)
        for _ in 0..<5_000 {
            var scalars = Array(valid[g.below(valid.count)].unicodeScalars)
            for _ in 0..<(1 + g.below(3)) where !scalars.isEmpty {
                let i = g.below(scalars.count)
                switch g.below(3) {
                case 0: scalars.remove(at: i)
                case 1: scalars.insert(scalars[g.below(scalars.count)], at: i)
                default: scalars.swapAt(i, g.below(scalars.count))
                }
            }
            Self.survive(String(String.UnicodeScalarView(scalars)))
        }
    }
}
