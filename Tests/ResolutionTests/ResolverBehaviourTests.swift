import Columns
import Testing
@testable import Resolution

/// Small hand-built tables whose right answer is plain, for behaviours the big synthetic test
/// only covers statistically: survivorship, the merge log, explanations, the chaining guard,
/// giant blocks, and hostile input.
@Suite struct ResolverBehaviourTests {
    static func table(_ rows: [[String?]], columns: [String], created: [Int64?]? = nil) -> Table {
        var cols: [(String, Column)] = columns.enumerated().map { i, name in (name, .string(StringColumn(rows.map { $0[i] }))) }
        if let created { cols.append(("created_at", .timestamp(PrimitiveColumn(created, zero: 0)))) }
        return try! Table(name: "customers", columns: cols)
    }

    /// A background population with its own duplicates, so that EM has matches to learn m from
    /// and random pairs give u, as in any real table.
    static func population(_ n: Int, seed: UInt64) -> [[String?]] {
        let t = SyntheticCustomers(people: n * 3 / 4, seed: seed).table
        return (0..<n).map { r in columns.map { t[$0]!.text(at: r) } }
    }

    static let columns = ["customer_id", "name", "email", "phone", "city", "source"]

    @Test func duplicatesMergeAndGoldenFieldsRememberTheirRow() throws {
        var rows = Self.population(300, seed: 1)
        rows.append(["A1", "张三丰", "zsf@qq.com", "13812345678", "北京", "excel"])
        rows.append(["A2", "张 三丰", nil, "+86 138-1234-5678", "北京市", "salesforce"])
        rows.append(["A3", "ＺＨＡＮＧ", "ZSF@QQ.COM", nil, "上海", "hubspot"])
        rows.append(["A4", "张三丰", "zsf@qq.com", "13812345678", "北京", "excel"])
        let created: [Int64?] = (0..<300).map { _ in 1_600_000_000 } + [1_600_000_000, 1_700_000_000, 1_650_000_000, nil]
        let t = Self.table(rows, columns: Self.columns, created: created)
        var config = ResolutionConfig()
        config.sourcePriority = ["salesforce", "hubspot"]
        config.survivorship["source"] = .sourcePriority
        config.survivorship["city"] = .mostFrequent
        let r = try Resolver.resolve(t, config: config)
        let a1 = 300, a2 = 301, a4 = 303
        #expect(r.goldenIndex[a1] == r.goldenIndex[a2] && r.goldenIndex[a1] == r.goldenIndex[a4])
        let g = Int(r.goldenIndex[a1])
        #expect(r.golden["member_count"]!.text(at: g) == String((300..<304).filter { r.goldenIndex[$0] == r.goldenIndex[a1] }.count))
        // Source priority picks salesforce. Most frequent counts 北京 and 北京市 as one place (three
        // rows) over 上海, and takes its spelling from the most trusted of those rows.
        #expect(r.golden["source"]!.text(at: g) == "salesforce")
        #expect(r.golden["city"]!.text(at: g) == "北京市")
        #expect(r.goldenProvenance["source"]!.text(at: g) == String(a2))
        // Most recent phone: A2 (created last) wrote it with +86.
        #expect(r.golden["phone"]!.text(at: g) == "+86 138-1234-5678")
        #expect(r.goldenProvenance["phone"]!.text(at: g) == String(a2))
        // The golden table has one row per cluster and keeps the input's column types.
        #expect(r.golden.rowCount == Set(r.goldenIndex).count)
        #expect(r.golden["created_at"]!.type == .timestamp)
    }

    @Test func mostFrequentTieGoesToTheSpellingTheTableUses() throws {
        // One person entered twice, the later time with a typo; two other Grace Chens elsewhere.
        var rows = Self.population(300, seed: 6)
        rows.append(["G1", "Grace Chen", "grace.chen@163.com", "13911112222", "北京", "crm"])
        rows.append(["G2", "Grcae Chen", "grace.chen@163.com", "13911112222", "北京", "crm"])
        rows.append(["G3", "Grace Chen", "gchen77@qq.com", "13533334444", "广州", "crm"])
        rows.append(["G4", "Grace Chen", "chen.grace@126.com", "18655556666", "成都", "crm"])
        let created: [Int64?] = (0..<300).map { _ in 1_600_000_000 } + [1_600_000_000, 1_700_000_000, 1_600_000_000, 1_600_000_000]
        let r = try Resolver.resolve(Self.table(rows, columns: Self.columns, created: created))
        #expect(r.goldenIndex[300] == r.goldenIndex[301])
        #expect(r.goldenIndex[302] != r.goldenIndex[300] && r.goldenIndex[303] != r.goldenIndex[300])
        let g = Int(r.goldenIndex[300])
        #expect(r.golden["name"]!.text(at: g) == "Grace Chen")
        #expect(r.goldenProvenance["name"]!.text(at: g) == "300")
    }

    @Test func mergeLogWeightsAddUpToTheMatchWeight() throws {
        var rows = Self.population(300, seed: 2)
        rows.append(["B1", "李四", "lisi@163.com", "13900001111", "广州", "excel"])
        rows.append(["B2", "李四", "lisi@163.con", "139 0000 1111", "广州", "odoo"])
        let r = try Resolver.resolve(Self.table(rows, columns: Self.columns))
        let log = r.mergeLog
        let members = (0..<log.rowCount).filter { log["role"]!.text(at: $0) == "member" }
        #expect(!members.isEmpty)
        let fieldColumns = log.columnNames.filter { $0.hasPrefix("w_") }
        #expect(fieldColumns == ["w_name", "w_email", "w_phone", "w_city"])
        for i in members {
            let sum = fieldColumns.reduce(r.parameters.priorWeight) { acc, c in acc + (log[c]!.doubles![i] ?? 0) }
            #expect(abs(sum - log["match_weight"]!.doubles![i]!) < 1e-9)
            #expect(log["match_probability"]!.doubles![i]! >= r.threshold)
        }
        let b2 = (0..<log.rowCount).first { log["customer_id"]!.text(at: $0) == "B2" }
        #expect(b2 != nil)
        if let b2 {
            #expect(log["matched_on"]!.text(at: b2)!.contains("email"))
            #expect(log["source"]!.text(at: b2) == "odoo")
        }
    }

    @Test func explainSaysFieldByFieldWhy() throws {
        var rows = Self.population(300, seed: 3)
        rows.append(["C1", "王小明", "wxm@qq.com", "13700002222", "深圳", "excel"])
        rows.append(["C2", "王晓明", "wxm@qq.com", nil, "深圳", "crm"])
        rows.append(["C3", "赵六", "zl@qq.com", "13600003333", "成都", "crm"])
        let r = try Resolver.resolve(Self.table(rows, columns: Self.columns))
        let yes = r.explain(300, 301)
        #expect(yes.contains("prior"))
        #expect(yes.contains("MATCH") && !yes.contains("NO MATCH"))
        #expect(yes.contains("email") && yes.contains("exact"))
        #expect(yes.contains("phone") && yes.contains("missing"))
        #expect(yes.contains("王小明") && yes.contains("王晓明"))
        let no = r.explain(300, 302)
        #expect(no.contains("NO MATCH"))
        #expect(no.contains("speaks against"))
        #expect(r.matchProbability(300, 301) > 0.95 && r.matchProbability(300, 302) < 0.05)
    }

    @Test func chainingGuardKeepsUnrelatedPeopleApart() throws {
        // D1 ≈ D2 share an e-mail; D2 ≈ D3 share a phone; D1 and D3 are different people. The
        // guard compares each member with the core directly.
        var rows = Self.population(400, seed: 4)
        rows.append(["D1", "陈大文", "cdw@163.com", nil, "杭州", "crm"])
        rows.append(["D2", "陈大文", "cdw@163.com", "13511112222", "杭州", "crm"])
        rows.append(["D3", "陈大文", nil, "13511112222", "杭州", "crm"])
        rows.append(["D4", "林小红", "lxh@126.com", "13511112222", "杭州", "crm"])
        let r = try Resolver.resolve(Self.table(rows, columns: Self.columns))
        #expect(r.goldenIndex[400] == r.goldenIndex[401] && r.goldenIndex[401] == r.goldenIndex[402])
        #expect(r.goldenIndex[403] != r.goldenIndex[401])
    }

    @Test func switchboardBlockIsCappedAndReported() throws {
        var rows = Self.population(300, seed: 5)
        for i in 0..<500 { rows.append(["S\(i)", "员工\(i % 97)号", nil, "010-88886666", "北京", "crm"]) }
        var config = ResolutionConfig()
        config.maxBlockSize = 50
        let r = try Resolver.resolve(Self.table(rows, columns: Self.columns), config: config)
        #expect(r.notes.contains { $0.contains("'phone'") && $0.contains("refined") })
        // 500 rows in one block would be 124,750 pairs; capping keeps the count near-linear.
        #expect(r.candidatePairCount < 20_000)
        // Colleagues with different names are not merged through the shared number.
        let merged = (300..<800).filter { i in (300..<800).contains { $0 != i && r.goldenIndex[$0] == r.goldenIndex[i] } }
        let sameName = (300..<800).filter { i in (300..<800).contains { $0 != i && ($0 - 300) % 97 == (i - 300) % 97 } }
        #expect(Set(merged).isSubset(of: Set(sameName)))
    }

    static let hostile: [(String, [[String?]])] = [
        ("empty table", []),
        ("one row", [["X1", "张三", "a@b.com", "13812345678", "北京", "crm"]]),
        ("all null", (0..<50).map { _ in [nil, nil, nil, nil, nil, nil] }),
        ("empty names", (0..<50).map { i in ["E\(i)", "", "", "  ", "", "crm"] }),
        ("one giant block", (0..<400).map { i in ["G\(i)", "王伟", nil, "13800000000", "北京", "crm"] }),
        ("junk", (0..<40).map { i in ["J\(i)", String(repeating: "蛤", count: i * 30), "@@@", "+++", "\u{0}\u{FEFF}", nil] }),
    ]

    @Test(arguments: hostile.map(\.0))
    func hostileInputNeverCrashes(_ name: String) throws {
        let c = Self.hostile.first { $0.0 == name }!
        let t = Self.table(c.1, columns: Self.columns)
        let r = try Resolver.resolve(t)
        #expect(r.goldenIndex.count == t.rowCount)
        #expect(r.goldenIndex.allSatisfy { $0 >= 0 && Int($0) < max(r.golden.rowCount, 1) })
        #expect(r.golden.rowCount <= t.rowCount)
        #expect(r.golden.rowCount == Set(r.goldenIndex).count)
        if c.0 == "all null" || c.0 == "empty names" { #expect(r.golden.rowCount == t.rowCount) }
        if c.0 == "one giant block" { #expect(r.notes.contains { $0.contains("too large") || $0.contains("refined") }) }
    }

    @Test func noComparableColumnIsAnError() {
        let t = try! Table(name: "customers", columns: [("foo", .string(StringColumn(["x"])))])
        #expect(throws: ResolutionError.self) { try Resolver.resolve(t) }
    }

    @Test func sameInputSameOutput() throws {
        let data = SyntheticCustomers(people: 400, seed: 8)
        let a = try Resolver.resolve(data.table), b = try Resolver.resolve(data.table)
        #expect(a.goldenIndex == b.goldenIndex)
        #expect(a.parameters == b.parameters)
        var single = ResolutionConfig()
        single.threads = 1
        let c = try Resolver.resolve(data.table, config: single)
        #expect(c.goldenIndex == a.goldenIndex)
    }

    /// The nightly run lets the model go before the golden records are built; what it publishes
    /// must not change, and asking it to explain says why it cannot.
    @Test func withoutExplanationsTheSameGoldenRecordsAndMergeLog() throws {
        let data = SyntheticCustomers(people: 400, seed: 9)
        var batch = ResolutionConfig()
        batch.keepsExplanations = false
        let kept = try Resolver.resolve(data.table), dropped = try Resolver.resolve(data.table, config: batch)
        #expect(dropped.goldenIndex == kept.goldenIndex)
        #expect(dropped.parameters == kept.parameters)
        for (table, other) in [(dropped.golden, kept.golden), (dropped.mergeLog, kept.mergeLog), (dropped.goldenProvenance, kept.goldenProvenance)] {
            #expect(table.columnNames == other.columnNames)
            #expect(table.rowCount == other.rowCount)
            for name in table.columnNames {
                #expect((0..<table.rowCount).allSatisfy { table[name]!.text(at: $0) == other[name]!.text(at: $0) }, "\(table.name).\(name)")
            }
        }
        #expect(kept.matchProbability(0, 1) > 0 || kept.explain(0, 1).contains("NO MATCH"))
        #expect(dropped.explain(0, 1).contains("did not keep its model"))
    }
}

/// Sharing a city says less when the city holds many of the table's rows: two namesakes in 上海
/// are likelier than in 襄阳. Exact city agreement is term-frequency adjusted, only ever weaker
/// than the field's own weight, never stronger.
@Suite struct CityFrequencyTests {
    @Test func aBigCityWeighsLessThanASmallOne() throws {
        var rows = ResolverBehaviourTests.population(300, seed: 12)
        for i in 0..<150 { rows.append(["S\(i)", HostileBlocksTests.distinctName(i), nil, nil, "上海", "crm"]) }
        rows.append(["X1", "Laura Lopez", "laura@a.com", nil, "上海", "crm"])
        rows.append(["X2", "Laura Lopez", "laura@a.com", nil, "上海", "crm"])
        rows.append(["Y1", "Maria Garcia", "maria@b.com", nil, "襄阳", "crm"])
        rows.append(["Y2", "Maria Garcia", "maria@b.com", nil, "襄阳", "crm"])
        let r = try Resolver.resolve(ResolverBehaviourTests.table(rows, columns: ResolverBehaviourTests.columns))
        let scorer = try #require(r.scorer)
        let k = try #require(r.parameters.fields.firstIndex { $0.column == "city" })
        let top = Int8(r.parameters.fields[k].m.count - 1)
        let x = rows.count - 4, y = rows.count - 2
        let big = scorer.contribution(k, level: top, x, x + 1)
        let small = scorer.contribution(k, level: top, y, y + 1)
        #expect(big < small - 1, "上海 \(big) bits, 襄阳 \(small) bits")
        #expect(abs(small - r.parameters.fields[k].weights[Int(top)]) < 1e-9, "a small city weighs what EM gave exact agreement")
    }
}
