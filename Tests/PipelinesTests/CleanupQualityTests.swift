import Cleaning
import Columns
import Foundation
import Ingest
@testable import Reports
import Testing
@testable import Pipelines

/// The parts of the cleanup data-quality page: validation, quarantine reasons, cluster sizes, and
/// the page itself.
@Suite struct CleanupQualityTests {
    @Test(arguments: [
        ("duplicate key customer_id 'KH00003' (first at line 4)", "duplicate key customer_id '…' (first at line #)"),
        ("cannot parse '2021/13/45' as a date-time", "cannot parse '…' as a date-time"),
        ("required value missing", "required value missing"),
        ("row has 12 fields, expected 9", "row has # fields, expected #"),
        ("unterminated 'quote", "unterminated '…"),
        ("", ""),
    ])
    func reasonsAreGroupedWithoutSpecifics(reason: String, expected: String) {
        #expect(CleanupQualityAssembly.generalized(reason) == expected)
    }

    static func quarantined(_ reason: String, line: Int, column: String = "name") -> CleanupQuarantine {
        CleanupQuarantine(table: .customers, sourceOrder: 0,
                          row: QuarantinedRow(source: "a.csv", line: line, column: column, reason: reason, raw: ""))
    }

    @Test func reasonsRankByRowsThenFirstSeen() {
        let reasons = CleanupQualityAssembly.reasons([
            Self.quarantined("required value missing", line: 2),
            Self.quarantined("cannot parse '1' as a date", line: 3, column: "created_at"),
            Self.quarantined("cannot parse '2' as a date", line: 4, column: "created_at"),
            Self.quarantined("x", line: 5, column: "phone"),
        ])
        #expect(reasons.map(\.reason) == ["customers.created_at: cannot parse '…' as a date", "customers.name: required value missing",
                                          "customers.phone: x"])
        #expect(reasons.map(\.rows) == [2, 1, 1])
        #expect(reasons[0].example == "a.csv:3")
    }

    static func table(_ rows: [[String?]]) throws -> Table {
        var ids = StringBuilder(), names = StringBuilder(), emails = StringBuilder()
        var lineage = Lineage()
        let s = lineage.sourceID("t.csv")
        for (i, r) in rows.enumerated() {
            ids.append(r[0]); names.append(r[1]); emails.append(r[2])
            lineage.append(source: s, line: UInt32(i + 2))
        }
        return try Table(name: "customers", columns: [("customer_id", .string(ids.finish())), ("name", .string(names.finish())),
                                                       ("email", .string(emails.finish()))], lineage: lineage)
    }

    @Test func validationQuarantinesAndFlags() throws {
        let t = try Self.table([["A1", "张三", "zs@qq.com"], ["A2", nil, "bad-email"], ["A3", "李四", "also bad"], ["A4", " ", nil]])
        let step = ValidationStep(rules: [ValidationRule(column: "name", check: .required, action: .quarantine),
                                          ValidationRule(column: "email", check: .format(.email), action: .flag)],
                                  sourceOrder: ["t.csv": 0])
        let out = try step.run(t)
        #expect(out.kept.rowCount == 2)
        #expect(out.kept["customer_id"]?.strings?[1] == "A3")
        #expect(out.kept.lineage?.line == [2, 4])
        #expect(out.quarantine.map(\.name) == ["t.csv:3", "t.csv:5"])
        #expect(out.quarantine.allSatisfy { $0.row.reason == "required value missing" && $0.row.column == "name" })
        #expect(out.flags == [CleanupQuality.Flag(column: "email", rule: "format:email", rows: 2)])
    }

    @Test func ruleOnAMissingColumnIsAnError() throws {
        let t = try Self.table([["A1", "张三", nil]])
        #expect(throws: CleanupError.unknownValidationColumn(column: "phone", available: ["customer_id", "name", "email"])) {
            try ValidationStep(rules: [ValidationRule(column: "phone", check: .required, action: .flag)], sourceOrder: [:]).run(t)
        }
    }

    static func model(conflictValue: String) -> CleanupQuality {
        CleanupQuality(
            pipeline: "p<&>", threshold: 0.95,
            sources: [.init(source: "a.csv", rowsRead: 5, linked: 4, quarantined: 1)], goldenRecords: 3,
            columns: [.init(column: "email", before: .init(rows: 4, present: 3, valid: 2), after: .init(rows: 3, present: 3, valid: 3))],
            clusterSizes: [.init(size: 1, orMore: false, clusters: 2, rows: 2), .init(size: 2, orMore: true, clusters: 1, rows: 2)],
            conflictSummary: [.init(column: "name", rule: .mostFrequent, clusters: 1)],
            conflicts: [.init(goldenID: 0, column: "name", values: [("a.csv:2", conflictValue), ("a.csv:3", "张三 ")],
                              chosenRow: "a.csv:3", chosenValue: "张三", rule: .mostFrequent)],
            conflictsTotal: 1, flags: [], quarantineReasons: [.init(reason: "customers.name: required value missing", rows: 1, example: "a.csv:5")])
    }

    @Test(arguments: ReportLanguage.allCases)
    func pageIsDeterministicEscapedAndSaysTheAccounting(language: ReportLanguage) {
        let m = Self.model(conflictValue: "<img src=x onerror=alert(1)>")
        let a = CleanupQualityPage(model: m, language: language).render()
        #expect(a == CleanupQualityPage(model: m, language: language).render())
        #expect(!a.contains("<img") && a.contains("&lt;img"))
        #expect(a.contains("p&lt;&amp;&gt;"))
        #expect(a.contains(CleanupLabel.accountingHolds.text(language)))
        #expect(a.contains("66.7%"), "validity before: 2 of 3 present e-mails")
        #expect(a.contains("<svg"), "cluster chart is inline SVG")
    }

    @Test func brokenAccountingIsShownLoudly() {
        var m = Self.model(conflictValue: "x")
        m.sources[0].linked = 3
        let page = CleanupQualityPage(model: m, language: .en).render()
        #expect(page.contains(CleanupLabel.accountingBroken.text(.en)))
    }

    @Test(arguments: [
        ([("r1", "张三"), ("r2", "张三 "), ("r3", "张 三")], "张三 ×2 · 张 三"),
        ([("r1", "a"), ("r2", "b"), ("r3", "a")], "a ×2 · b"),
        ([("r1", "only")], "only"),
    ])
    func conflictValuesAreListedOnce(values: [(String, String)], expected: String) {
        #expect(CleanupQualityPage.distinctValues(values.map { (row: $0.0, value: $0.1) }) == expected)
    }
}
