import Columns
import Testing
@testable import Resolution

/// E-mail agreement levels, and when an e-mail agreement is evidence of its own beside the name.
@Suite struct EmailMatchingTests {
    static func comparator(_ rows: [(name: String?, email: String?)]) -> FieldComparator {
        let t = try! Table(name: "customers", columns: [("name", .string(StringColumn(rows.map(\.name)))),
                                                         ("email", .string(StringColumn(rows.map(\.email))))])
        let records = PreparedRecords(table: t, columns: ["name", "email"], methods: ["name": .personName, "email": .email], threads: 1)
        return FieldComparator(comparison: FieldComparison(column: "email", method: .email), field: records.fields["email"]!)
    }

    /// (e-mail A, e-mail B, level): 3 exact · 2 same mailbox mistyped · 1 same mailbox
    /// name elsewhere, or one letter off · 0 different · -1 missing.
    static let cases: [(String?, String?, Int8)] = [
        ("wangwei@qq.com", "WangWei@QQ.com", 3),
        ("wangwei@qq.com", "wangwei@qq.con", 2),
        ("wangwei@gmail.com", "wangwei@gmial.com", 2),
        ("li.na@acme-tech.cn", "li.na@acme-tech.com", 2),
        // Two real providers two edits apart are two mailboxes, not one mistyped.
        ("chenli81@163.com", "chenli81@126.com", 1),
        ("chenli81@139.com", "chenli81@163.com", 1),
        ("wangwei@qq.com", "wangwei@163.com", 1),
        ("zhang.wei@qq.com", "zhangwei@163.com", 1),
        ("yangping@qq.com", "yangying@qq.com", 1),
        // A letter slipped beside the same number, same provider: that one mailbox mistyped.
        ("yangdonghui60@sina.com", "yangdonghuu60@sina.com", 2),
        ("yangdonghui60@sina.com", "yangdonghuu60@163.com", 0),
        ("yangdonghui60@sina.com", "yangdonghuu61@sina.com", 0),
        ("yangping@qq.com", "yangying@163.com", 0),
        ("zhangwei7@qq.com", "zhangwei4@qq.com", 0),
        ("wangwei@qq.com", "lina@qq.com", 0),
        (nil, "wangwei@qq.com", -1),
    ]

    @Test(arguments: cases.indices)
    func emailLevels(_ i: Int) {
        let (a, b, expected) = Self.cases[i]
        let c = Self.comparator([("王伟", a), ("王伟", b)])
        #expect(c.level(0, 1) == expected, "\(a ?? "nil") / \(b ?? "nil")")
        #expect(c.level(1, 0) == expected, "symmetric: \(b ?? "nil") / \(a ?? "nil")")
    }

    /// (e-mail A, e-mail B, shares the name's evidence group): a near-miss mailbox spelled from
    /// the name repeats what the names said; the same mailbox (exact or mistyped) is one
    /// owner's and counts on its own.
    static let grouping: [(String, String, Bool)] = [
        ("wangwei@qq.com", "wangwei@163.com", true),
        ("wangwei12@qq.com", "wangwei12@163.com", true),
        ("wangwei@qq.com", "wangwei@qq.com", false),
        ("wangwei@qq.com", "wangwei@qq.con", false),
        ("wangwei12@qq.com", "wangwie12@qq.com", false),
        ("wangwei1988@qq.com", "wangwei1988@163.com", false),
        ("sunnybird@qq.com", "sunnybird@163.com", false),
    ]

    @Test(arguments: grouping.indices)
    func emailEvidenceGroup(_ i: Int) {
        let (a, b, expected) = Self.grouping[i]
        let c = Self.comparator([("王伟", a), ("王伟", b)])
        #expect(c.sharesGroup(0, 1, level: c.level(0, 1)) == expected, "\(a) / \(b)")
    }
}
