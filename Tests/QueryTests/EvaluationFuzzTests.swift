import Columns
import Foundation
import Testing

@testable import Query

/// Seeded random queries — well-typed ones from a small grammar, then the same with characters
/// deleted, duplicated or swapped — through parse, check and (when they check) evaluation on a
/// tiny snapshot. Nothing may crash or hang, every error must point inside the input, and for a
/// checked condition e the rows where e, `not e` and `(e) is null` hold must partition the table
/// (three-valued logic). 20 000 inputs always; `QUERY_FUZZ_INPUTS=1000000` (see
/// scripts/fuzz-query.sh) for the long run.
@Suite struct EvaluationFuzzTests {
    static let tables = QueryFixture.tables(seed: 99, customers: 14, ordersPerCustomer: 3)
    static let segments = ["big": "lifetime_value > 5000", "east": "region = '华东'", "loop": "@loop or vip"]

    struct Grammar {
        var g: ParserFuzzTests.Generator
        mutating func pick(_ xs: [String]) -> String { xs[g.below(xs.count)] }

        mutating func condition(_ depth: Int) -> String {
            if depth <= 0 { return pick(["vip", "region = '华东'", "email is null", "@big", "true"]) }
            switch g.below(14) {
            case 0: return "\(condition(depth - 1)) and \(condition(depth - 1))"
            case 1: return "\(condition(depth - 1)) or \(condition(depth - 1))"
            case 2: return "not \(condition(depth - 1))"
            case 3: return "(\(condition(depth - 1)))"
            case 4: return "\(number(depth - 1)) \(pick(["=", "!=", "<", "<=", ">", ">="])) \(number(depth - 1))"
            case 5: return "\(text(depth - 1)) \(pick(["contains", "starts_with", "ends_with", "like", "not like", "="])) \(text(depth - 1))"
            case 6: return "\(date(depth - 1)) \(pick(["<", ">=", "="])) \(pick(["'2024-05-01'", date(depth - 1)]))"
            case 7: return "\(number(depth - 1)) \(pick(["", "not "]))between \(number(depth - 1)) and \(number(depth - 1))"
            case 8: return "\(text(depth - 1)) \(pick(["in", "not in"])) ('华东', \(text(depth - 1)), '')"
            case 9: return "(\(condition(depth - 1))) is \(pick(["", "not "]))null"
            case 10: return "count(\(pick(["orders", "tickets"])) where \(related(depth - 1))) \(pick([">", "="])) \(g.below(3))"
            case 11: return "@\(pick(["big", "east", "loop", "missing"]))"
            case 12: return "\(pick(["vip", "(region = '华南')"])) = \(condition(0))"
            default: return "\(number(depth - 1)) in (1, \(number(depth - 1)), 2.5)"
            }
        }

        mutating func related(_ depth: Int) -> String {
            switch g.below(6) {
            case 0: return "amount > \(g.below(3000))"
            case 1: return "channel = '微信' and \(pick(["paid", "not paid", "paid is null"]))"
            case 2: return "order_date >= as_of - \(g.below(400))d"
            case 3: return "satisfaction <= \(g.below(6))"
            case 4: return "amount > lifetime_value / \(g.below(20))"
            default: return depth > 0 ? condition(depth - 1) : "@east"
            }
        }

        mutating func number(_ depth: Int) -> String {
            if depth <= 0 {
                return pick(["lifetime_value", "order_count", "0", "-3", "2.5", "9223372036854775807", "length(name)", "year(last_order)"])
            }
            switch g.below(8) {
            case 0: return "\(number(depth - 1)) \(pick(["+", "-", "*", "/", "%"])) \(number(depth - 1))"
            case 1: return "-\(number(depth - 1))"
            case 2: return "\(pick(["abs", "round"]))(\(number(depth - 1)))"
            case 3: return "round(\(number(depth - 1)), \(g.below(5) - 2))"
            case 4: return "\(pick(["sum", "avg", "max", "min"]))(orders.\(pick(["amount", "quantity"]))\(g.below(2) == 0 ? "" : " where paid"))"
            case 5: return "count(\(pick(["orders", "tickets", "orders.amount"])))"
            case 6: return "coalesce(\(number(depth - 1)), \(number(depth - 1)))"
            default: return "\(pick(["year", "month", "quarter", "day", "weekday"]))(\(date(depth - 1)))"
            }
        }

        mutating func text(_ depth: Int) -> String {
            if depth <= 0 { return pick(["name", "email", "region", "客户等级", "'张'", "'%明%'", "''", "'_'"]) }
            switch g.below(4) {
            case 0: return "\(pick(["lower", "upper", "trim"]))(\(text(depth - 1)))"
            case 1: return "coalesce(\(text(depth - 1)), null, \(text(depth - 1)))"
            case 2: return "max(orders.channel)"
            default: return text(0)
            }
        }

        mutating func date(_ depth: Int) -> String {
            if depth <= 0 { return pick(["last_order", "first_order", "as_of", "created_at", "date(created_at)"]) }
            switch g.below(4) {
            case 0: return "\(date(depth - 1)) \(pick(["+", "-"])) \(g.below(50))\(pick(["d", "w", "m", "y"]))"
            case 1: return "max(orders.order_date)"
            case 2: return "coalesce(\(date(depth - 1)), as_of)"
            default: return date(0)
            }
        }
    }

    /// Whether the query checked and ran (false when it was rejected with an error).
    @discardableResult
    static func survive(_ source: String, base: Table, related: [Table]) -> Bool {
        let count = source.unicodeScalars.count
        do {
            let q = try SegmentQuery(source, base: base, related: related, asOf: QueryFixture.asOf, segments: segments)
            let yes = try q.run()
            #expect(yes.allSatisfy { $0 < base.rowCount })
            guard let not = try? SegmentQuery("not (\(source))", base: base, related: related, asOf: QueryFixture.asOf, segments: segments).run(),
                let unknown = try? SegmentQuery("(\(source)) is null", base: base, related: related, asOf: QueryFixture.asOf, segments: segments).run()
            else { return true }
            #expect(yes.intersection(not).isEmpty && yes.intersection(unknown).isEmpty && not.intersection(unknown).isEmpty,
                    "\(source): true, false and unknown overlap")
            #expect(yes.count + not.count + unknown.count == base.rowCount, "\(source): true, false and unknown miss rows")
            return true
        } catch {
            #expect(error.range.start >= 0 && error.range.start <= count && error.range.end <= max(count, error.range.start + 1),
                    "range \(error.range) outside \(count) scalars for \(source.debugDescription)")
            _ = error.rendered(in: source)
            return false
        }
    }

    static var inputs: Int { ProcessInfo.processInfo.environment["QUERY_FUZZ_INPUTS"].flatMap(Int.init) ?? 20_000 }

    @Test(arguments: [11, 12])
    func generatedAndMutatedQueries(seed: UInt64) {
        let base = Self.tables[0], related = Array(Self.tables.dropFirst())
        var grammar = Grammar(g: ParserFuzzTests.Generator(state: seed))
        var generated = 0, ran = 0
        for i in 0..<(Self.inputs / 2) {
            var source = grammar.condition(1 + grammar.g.below(4))
            if i % 2 == 1 {
                var scalars = Array(source.unicodeScalars)
                for _ in 0..<(1 + grammar.g.below(3)) where !scalars.isEmpty {
                    let j = grammar.g.below(scalars.count)
                    switch grammar.g.below(3) {
                    case 0: scalars.remove(at: j)
                    case 1: scalars.insert(scalars[grammar.g.below(scalars.count)], at: j)
                    default: scalars.swapAt(j, grammar.g.below(scalars.count))
                    }
                }
                source = String(String.UnicodeScalarView(scalars))
            } else {
                generated += 1
            }
            if Self.survive(source, base: base, related: related) && i % 2 == 0 { ran += 1 }
        }
        // Most grammar-made queries must get through to evaluation, or the fuzzer tests only errors.
        #expect(ran * 2 > generated, "only \(ran) of \(generated) generated queries ran")
    }
}
