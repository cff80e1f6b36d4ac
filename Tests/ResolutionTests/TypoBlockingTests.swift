import Columns
import Testing
@testable import Resolution

/// The "name typo + city" blocking rule: Latin names one typo apart (a wrong, extra, missing or
/// swapped letter) in the same city become candidate pairs, though they share no other key.
@Suite struct TypoBlockingTests {
    static let rule = BlockingRule(name: "name typo+city", keys: [.oneCharacterLeftOut("name"), .value("city")], maxBlockSize: 8)

    static func pairs(_ rows: [(String?, String?)], rule: BlockingRule = rule) -> [UInt64] {
        let t = try! Table(name: "customers", columns: [
            ("name", .string(StringColumn(rows.map(\.0)))), ("city", .string(StringColumn(rows.map(\.1)))),
        ])
        let records = PreparedRecords(table: t, columns: ["name", "city"], methods: ["name": .personName, "city": .exact], threads: 1)
        return CandidatePairs(records: records, rules: [rule], maxBlockSize: 60).pairs
    }

    /// (name A, city A, name B, city B, blocked together)
    static let cases: [(String, String, String, String, Bool)] = [
        ("Laura Lopez", "襄阳", "LAURA LPPEZ", "襄阳", true),        // one letter wrong
        ("David Bailey", "南通", "David Baileyy", "南通市", true),   // one letter extra; 南通市 is 南通
        ("Charles White", "济南", "Charles Whit", "济南", true),     // one letter missing
        ("Alexander Adams", "北京", "Alexnader Adams", "北京", true), // two letters swapped
        ("Jessica Kim", "绵阳", "Kim Jwssica", "绵阳", true),        // word order does not matter
        ("Laura Lopez", "襄阳", "Laura Lopez", "襄阳", true),        // the same name
        ("Laura Lopez", "襄阳", "Laura Lppez", "武汉", false),       // another city
        ("Laura Lopez", "襄阳", "Laura Lupaz", "襄阳", false),       // two letters wrong
        // One letter left out of each: a letter dropped and another added also meet.
        ("Laura Lopez", "襄阳", "Laura Lpxez", "襄阳", true),
        ("Laura Lopez", "襄阳", "Laura Lopez", "", false),         // no city: no key
        // Chinese names are too short: 王红仪 without one character is 王红, a city's every 王红X.
        ("王红仪", "上海", "王红阳", "上海", false),
        ("陈芸玮", "广州", "程芸玮", "广州", false),
    ]

    @Test(arguments: cases.indices)
    func typoPairsMeet(_ i: Int) {
        let (a, ca, b, cb, expected) = Self.cases[i]
        let got = Self.pairs([(a, ca), (b, cb.isEmpty ? nil : cb)])
        #expect(got == (expected ? [1] : []), "\(a) @ \(ca) / \(b) @ \(cb)")
    }

    /// `Baab` left out at either `a` is one key: the row joins that block once and never pairs
    /// with itself.
    @Test func repeatedLettersGiveOneKey() {
        let got = Self.pairs([("Anna Baab", "上海"), ("Anna Bab", "上海")])
        #expect(got == [1])
    }

    /// A crowd of one-letter variants in one city is over the cap and left out, not paired
    /// quadratically.
    @Test func crowdedVariantsAreCapped() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let rows = letters.map { ("Laura Lope\($0)", "上海") as (String?, String?) }
        let got = Self.pairs(rows)
        #expect(got.isEmpty, "\(got.count) pairs from a block of 26 over the cap of 8")
    }
}
