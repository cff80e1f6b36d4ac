import Columns
import Testing
@testable import Resolution

/// Hostile input at a size where a careless blocker goes quadratic: thousands of rows sharing one
/// role address, one switchboard number or one city, and columns that are entirely empty. The
/// candidate pair count is the deterministic measure of "stays fast" (time on a shared CI machine
/// is not); correctness is that unrelated people stay apart.
@Suite struct HostileBlocksTests {
    static let crowd = 3000

    /// (case, rows after a 400-row background population)
    static let cases: [(String, @Sendable (Int) -> [String?])] = [
        ("shared role mailbox", { i in ["H\(i)", Self.distinctName(i), "info@company.com", nil, "北京", "crm"] }),
        ("shared switchboard", { i in ["H\(i)", Self.distinctName(i), nil, "400-800-8888", "上海", "crm"] }),
        ("switchboard and mailbox", { i in ["H\(i)", Self.distinctName(i), "INFO@Company.com ", "+86 400 800 8888", "广州", "crm"] }),
        ("one city, nothing else", { i in ["H\(i)", Self.distinctName(i), nil, nil, "北京", "crm"] }),
        ("all contact columns empty", { i in ["H\(i)", nil, nil, nil, nil, "crm"] }),
        ("empty and blank names", { i in ["H\(i)", i % 2 == 0 ? "" : "   ", "", "  ", "成都", "crm"] }),
    ]

    /// Names that differ from each other in more than a typo: a surname and two given characters
    /// picked from disjoint positions of the index.
    static func distinctName(_ i: Int) -> String {
        let surnames = Array("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜")
        let given = Array("安邦昌达恩福刚国浩吉家建杰凯乐林民宁鹏奇荣山涛伟翔")
        return String(surnames[i % surnames.count]) + String(given[(i / surnames.count) % given.count])
            + String(given[(i / (surnames.count * given.count) + i) % given.count])
    }

    @Test(arguments: cases.map(\.0))
    func crowdsStayLinearAndApart(_ name: String) throws {
        let make = Self.cases.first { $0.0 == name }!.1
        var rows = ResolverBehaviourTests.population(400, seed: 11)
        for i in 0..<Self.crowd { rows.append(make(i)) }
        let t = ResolverBehaviourTests.table(rows, columns: ResolverBehaviourTests.columns)
        let r = try Resolver.resolve(t)
        #expect(r.goldenIndex.count == t.rowCount)
        // Near-linear: a few dozen candidate pairs per row at most, not 4.5 million.
        #expect(r.candidatePairCount < 40 * t.rowCount, "\(r.candidatePairCount) candidate pairs")
        // Crowd members share only the crowd's value (or nothing): the shared value must not glue
        // them together. (Among 3,000 names some differ in one character only; those may meet
        // on the name itself.)
        var byGolden: [Int32: [Int]] = [:]
        for i in 400..<t.rowCount { byGolden[r.goldenIndex[i], default: []].append(i) }
        let wrong = byGolden.values.filter { members in
            let names = members.map { t["name"]!.text(at: $0) ?? "" }
            return names.contains { a in names.contains { b in DamerauLevenshtein.distance(a, b) > 1 } }
        }
        #expect(wrong.isEmpty, "\(wrong.count) clusters join differently named crowd members, e.g. \(wrong.first ?? [])")
        if name == "all contact columns empty" || name == "empty and blank names" {
            #expect((400..<t.rowCount).allSatisfy { i in byGolden[r.goldenIndex[i]]!.count == 1 }, "rows with no name are never merged")
        }
    }
}

@Suite struct SharedContactTests {
    /// A person's second record carries the company switchboard instead of their own mobile: the
    /// number six colleagues share is no evidence against the match, and explain says why.
    @Test func switchboardInsteadOfOwnNumberIsNoEvidenceAgainst() throws {
        var rows = ResolverBehaviourTests.population(300, seed: 12)
        for i in 0..<6 { rows.append(["W\(i)", HostileBlocksTests.distinctName(i * 37), nil, "010-6688-0000", "北京", "crm"]) }
        rows.append(["P1", "郑思远", "zsy.work@163.com", "13911112222", "北京", "crm"])
        rows.append(["P2", "郑思远", "zsy.work@163.com", "010 6688 0000", "北京", "erp"])
        let t = ResolverBehaviourTests.table(rows, columns: ResolverBehaviourTests.columns)
        let r = try Resolver.resolve(t)
        let p1 = 306, p2 = 307
        #expect(r.goldenIndex[p1] == r.goldenIndex[p2])
        let why = r.explain(p1, p2)
        #expect(why.contains("shared by many records"), "\(why)")
        // The colleagues themselves stay apart.
        #expect(Set((300..<306).map { r.goldenIndex[$0] }).count == 6)
    }
}
