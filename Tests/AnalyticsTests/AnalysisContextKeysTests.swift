import Testing
import Columns
@testable import Analytics

/// The customer-id index and the parallel lookup that every customer-level analysis relies on.
@Suite struct AnalysisContextKeysTests {
    static func ids(_ n: Int) -> [String] {
        (0..<n).map { i in
            switch i % 5 {
            case 0: return "C\(i)"
            case 1: return "0015g00000AbCdE\(i)XYZ"                                   // around the 24-byte inline edge
            case 2: return "客户-\(i)-" + String(repeating: "长", count: i % 13)        // long UTF-8, past 24 bytes
            case 3: return String(repeating: "x", count: 23 + i % 3) + "\(i)"        // same 24-byte prefix, differing tails
            default: return "\(i)"
            }
        }
    }

    @Test(arguments: [0, 1, 17, 5_000, 70_000])
    func customerIndexAgreesWithByteInterner(n: Int) {
        var index = CustomerIndex()
        var reference = ByteInterner()
        let keys = Self.ids(n)
        for k in keys + keys.reversed() {  // every key twice: the second time must find the first code
            #expect(index.intern(k) == reference.intern(k))
        }
        #expect(index.count == reference.count && index.strings == reference.strings)
        #expect(index.code(of: "absent") == nil)
        #expect(index.code(of: String(repeating: "x", count: 24) + "999999999") == nil)
    }

    @Test(arguments: [false, true])
    func parallelLookupMatchesSerial(dictionary: Bool) {
        let keys = Self.ids(3_000)
        var index = CustomerIndex()
        for k in keys.prefix(2_000) { _ = index.intern(k) }
        var builder = StringBuilder(forceEncoding: dictionary)
        var rng = SeededRandom(state: 3)
        var expected: [Int32] = []
        for _ in 0..<150_000 {
            switch rng.below(20) {
            case 0: builder.appendNull(); expected.append(-1)
            case 1: builder.append(""); expected.append(-1)
            default:
                let k = keys[rng.below(keys.count)]
                builder.append(k)
                expected.append(index.code(of: k) ?? -7)
            }
        }
        #expect(ParallelLookup.codes(builder.finish(), in: index, missing: -7) == expected)
    }

    @Test func suiteEqualsSeparateRuns() {
        let orders = RFMTests.generatedOrders(customers: 200, orders: 2_000, seed: 21)
        let input = AnalysisInput(orders: orders, opportunities: FunnelTests.opportunities, stageHistory: FunnelTests.history,
                                  tickets: ServiceTests.generatedTickets(300, seed: 4))
        let p = AnalysisParameters(asOf: Fixture.day("2024-06-30"))
        let suite = AnalysisSuite.run(input, p)
        #expect(suite.map(\.section) == AnalysisSuite.sections)
        let separate: [AnalysisResult] = [
            FunnelAnalysis.run(input, p), RFMAnalysis.run(input, p), LifecycleAnalysis.run(input, p),
            ValueTierAnalysis.run(OrderFacts(orders: orders, asOf: p.asOf), p), CohortAnalysis.run(input, p),
            ServiceAnalysis.run(input, p), SalesPerformanceAnalysis.run(input, p), LeadGradeAnalysis.run(input, p),
        ]
        for (s, r) in zip(suite, separate) {
            #expect(s.result.tables.map(\.name) == r.tables.map(\.name))
            for (a, b) in zip(s.result.tables, r.tables) { #expect(a.table.rows() == b.table.rows(), "\(s.section).\(a.name)") }
        }
    }
}

extension CustomerIndex {
    mutating func intern(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }
    func code(of s: String) -> Int32? {
        var s = s
        return s.withUTF8 { code(of: UnsafeRawBufferPointer($0)) }
    }
}
