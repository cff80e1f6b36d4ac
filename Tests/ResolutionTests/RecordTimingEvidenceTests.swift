import Columns
import Testing
@testable import Resolution

/// When two records were entered is evidence EM weighs from the data: a second system takes a
/// customer in around the time the first did, namesakes arrive at unrelated times, and a table
/// bulk-loaded on one day says nothing either way.
@Suite struct RecordTimingEvidenceTests {
    static let limits = [365, 90, 30, 7]
    static let method = ComparisonMethod.timeApart(withinDays: limits)

    @Test(arguments: [
        // (days apart, level, words)
        (0, 4, "within 7 days"),
        (7, 4, "within 7 days"),
        (8, 3, "within 30 days"),
        (30, 3, "within 30 days"),
        (31, 2, "within 90 days"),
        (90, 2, "within 90 days"),
        (91, 1, "within 365 days"),
        (365, 1, "within 365 days"),
        (366, 0, "more than 365 days apart"),
        (4000, 0, "more than 365 days apart"),
    ])
    func levelsByDaysApart(apart: Int, level: Int, words: String) throws {
        let base: Int64 = 1_700_000_000
        for (first, second) in [(base, base + Int64(apart) * 86400), (base + Int64(apart) * 86400, base)] {
            let t = try Table(name: "customers", columns: [("created_at", .timestamp(PrimitiveColumn([first, second], zero: 0)))])
            let records = PreparedRecords(table: t, columns: ["created_at"], methods: ["created_at": Self.method], threads: 1)
            let comparator = FieldComparator(comparison: FieldComparison(column: "created_at", method: Self.method),
                                             field: records.fields["created_at"]!)
            #expect(comparator.level(0, 1) == Int8(level), "\(apart) days apart")
        }
        #expect(Self.method.describe(level: level) == words)
    }

    @Test func limitsInAnyOrderGiveTheSameLevelsAndWords() {
        let shuffled = ComparisonMethod.timeApart(withinDays: [30, 365, 7, 90])
        #expect(shuffled.agreementLevels == 4)
        for level in -1...4 { #expect(shuffled.describe(level: level) == Self.method.describe(level: level)) }
    }

    @Test(arguments: [
        // (m as EM left it, m after the floor)
        ([0.0, 0.1, 0.35, 0.35, 0.2], [0.01, 0.0989, 0.3462, 0.3462, 0.1977]),
        ([0.002, 0.008, 0.99], [0.01, 0.01, 0.98]),
        ([0.5, 0.5], [0.5, 0.5]),
    ])
    func creationTimeNeverVetoesAMatch(m: [Double], expected: [Double]) {
        let raised = Self.method.withMinimumM(m)
        #expect(abs(raised.reduce(0, +) - 1) < 1e-12)
        #expect(zip(raised, expected).allSatisfy { abs($0 - $1) < 5e-4 }, "\(raised)")
    }

    @Test func otherMethodsKeepWhatEMLearned() {
        let m = [0.0003, 0.2254, 0.7743]
        #expect(ComparisonMethod.company.withMinimumM(m) == m)
        #expect(ComparisonMethod.exact.withMinimumM([0, 1]) == [0, 1])
    }

    /// Namesakes in one city with nothing else to tell them apart: the pair entered days apart is
    /// likelier one person than the pair entered years apart — but only where the table's
    /// duplicates (found on their e-mail and phone) show that records of one person are entered
    /// close together. Bulk-loaded on one day, the same table gives both pairs the same chance.
    @Test(arguments: [true, false])
    func closeEntryIsEvidenceOnlyWhereTheDataSaysSo(spreadOut: Bool) throws {
        let people = SyntheticCustomers(people: 1200, seed: 17)
        let n = people.table.rowCount
        var created: [Int64?] = []
        var firstSeen: [Int: Int64] = [:]
        var g = SplitMix64(seed: 5)
        for r in 0..<n {
            let day0: Int64 = 19_000 * 86400
            if !spreadOut { created.append(day0); continue }
            if let first = firstSeen[people.entity[r]] {
                created.append(first + Int64(g.next() % 20) * 86400)
            } else {
                let t = day0 + Int64(g.next() % 1500) * 86400
                firstSeen[people.entity[r]] = t
                created.append(t)
            }
        }
        // Two pairs of namesakes: the same name and city, no contact details.
        let extra: [(String, Int64)] = [("N1", 19_200), ("N2", 19_203), ("N3", 19_200), ("N4", 20_300)]
        func namesake(_ column: String, _ id: String) -> String? {
            switch column {
            case "customer_id": return id
            case "name": return "欧阳铭轩"
            case "city": return "成都"
            default: return nil
            }
        }
        var cols: [(String, Column)] = ["customer_id", "name", "email", "phone", "city"].map { name in
            let values = (0..<n).map { people.table[name]!.text(at: $0) } + extra.map { namesake(name, $0.0) }
            return (name, .string(StringColumn(values)))
        }
        cols.append(("created_at", .timestamp(PrimitiveColumn(
            created + extra.map { _, day in spreadOut ? day * 86400 : 19_000 * 86400 }, zero: 0))))
        let r = try Resolver.resolve(try Table(name: "customers", columns: cols))
        let close = r.matchProbability(n, n + 1), apart = r.matchProbability(n + 2, n + 3)
        if spreadOut {
            #expect(close > apart, "close \(close), apart \(apart)")
            let weights = r.parameters.fields.first { $0.column == "created_at" }!.weights
            #expect(weights.last! > 1 && weights.first! < -1, "\(weights)")
        } else {
            #expect(abs(close - apart) < 1e-9, "close \(close), apart \(apart)")
            let weights = r.parameters.fields.first { $0.column == "created_at" }!.weights
            #expect(abs(weights.last!) < 0.5, "\(weights)")
        }
    }
}

/// Staff of one firm entered in one batch share the company, the city and the minute they were
/// entered; with different names that is a firm's contact list, not one person.
@Suite struct BatchEntryTests {
    @Test func colleaguesEnteredTogetherStayApart() throws {
        var rows = ResolverBehaviourTests.population(300, seed: 3)
        var created: [Int64?] = (0..<300).map { Int64(1_600_000_000 + $0 * 86_400 * 5) }
        for (i, name) in ["何明远", "邹思琪", "武建国", "戴晓"].enumerated() {
            rows.append(["S\(i)", name, nil, "400-820-8820", "上海", "crm"])
            created.append(1_650_000_000)
        }
        let columns = ResolverBehaviourTests.columns
        var t = ResolverBehaviourTests.table(rows, columns: columns, created: created)
        try t.add("company", .string(StringColumn((0..<t.rowCount).map { $0 >= 300 ? "上海恒通物流有限公司" : nil })))
        let r = try Resolver.resolve(t, config: ResolutionConfig())
        #expect(Set((300..<304).map { r.goldenIndex[$0] }).count == 4)
        let why = r.explain(300, 301)
        #expect(why.contains("only backs up identity evidence, and the pair has none"), "\(why)")
    }
}

/// Without a name or an e-mail column there is no resemblance for entry time to back up: entry
/// days add nothing, whatever EM learned.
@Suite struct EntryTimeWithoutIdentityTests {
    @Test func entryTimeAloneAddsNoEvidence() throws {
        var g = SplitMix64(seed: 21)
        var cities: [String?] = [], phones: [String?] = [], created: [Int64] = []
        for i in 0..<400 {
            let city = ["北京", "上海", "广州", "深圳", "成都"][Int(g.next() % 5)]
            let day = Int64(19_000 + Int(g.next() % 1000))
            let phone = "1381234\(String(format: "%04d", i))"
            cities.append(city); phones.append(phone); created.append(day * 86400)
            // Every fourth person entered again within days, with the same phone.
            if i % 4 == 0 { cities.append(city); phones.append(phone); created.append((day + 3) * 86400) }
        }
        let n = cities.count
        let t = try Table(name: "customers", columns: [
            ("customer_id", .string(StringColumn((0..<n).map { "R\($0)" }))),
            ("city", .string(StringColumn(cities))), ("phone", .string(StringColumn(phones))),
            ("created_at", .timestamp(PrimitiveColumn(created, zero: 0))),
        ])
        let r = try Resolver.resolve(t)
        // Rows 0 and 1: one person entered twice, three days apart, same phone and city.
        let line = r.explain(0, 1).split(separator: "\n").first { $0.contains("created_at") }.map(String.init) ?? ""
        #expect(line.contains("+0.00"), "\(line)")
        #expect(line.contains("only backs up identity evidence"), "\(line)")
    }
}

/// Entry times that are missing everywhere, or absurd, give no evidence and no crash.
@Suite struct HostileEntryTimeTests {
    @Test(arguments: [
        ("all missing", [Int64?](repeating: nil, count: 8)),
        ("year 1 and year 9999", [-62_135_596_800, 253_402_300_799, nil, 0, -62_135_596_800, 253_402_300_799, 1, nil]),
    ])
    func hostileEntryTimes(_ name: String, _ times: [Int64?]) throws {
        var rows = ResolverBehaviourTests.population(200, seed: 4)
        for i in 0..<8 { rows.append(["H\(i)", i % 2 == 0 ? "周芸" : "周 芸", nil, nil, "上海", "crm"]) }
        let created: [Int64?] = (0..<200).map { Int64(1_600_000_000 + $0 * 86_400) } + times
        let t = ResolverBehaviourTests.table(rows, columns: ResolverBehaviourTests.columns, created: created)
        let r = try Resolver.resolve(t)
        #expect(r.goldenIndex.count == t.rowCount)
        let why = r.explain(200, 201)
        #expect(why.contains("created_at"), "\(why)")
        if times[0] == nil { #expect(why.contains("created_at            +0.00  missing"), "\(why)") }
    }
}
