import Columns
import Foundation
import Testing
@testable import Ingest

/// The 简道云 sample export as forms hold their values: a 预计成交日期 column with date cells in some
/// rows and typed text (2025/12/20) in others, amounts as ¥86,000.00 and 1.5万, 深圳市 for 深圳.
struct JiandaoyunExportTests {
    struct Row: Sendable, CustomStringConvertible {
        var id: String
        var amount: Double
        var expectedClose: (Int, Int, Int)
        var description: String { id }
    }

    static let rows: [Row] = [
        Row(id: "S001", amount: 120_000, expectedClose: (2024, 4, 10)),   // 120,000.00元, a date cell
        Row(id: "S003", amount: 35_000, expectedClose: (2024, 6, 12)),    // 3.5万
        Row(id: "S004", amount: 9_800, expectedClose: (2024, 7, 13)),     // ￥9,800.00 (full-width yen)
        Row(id: "S007", amount: 86_000, expectedClose: (2025, 12, 20)),   // ¥86,000.00, text 2025/12/20
        Row(id: "S008", amount: 15_000, expectedClose: (2025, 9, 30)),    // 1.5万, text 2025/9/30
    ]

    static func opportunities() throws -> Table {
        try ProfileLoader.load(path: RepositoryFiles.sampleData("exports/jiandaoyun/商机.xlsx"),
                               profile: try ProfileCatalog.profile("jiandaoyun")).result.table
    }

    @Test(arguments: rows)
    func amountAndExpectedCloseAreTyped(_ row: Row) throws {
        let t = try Self.opportunities()
        let ids = try #require(t["opportunity_id"]?.strings)
        let r = try #require((0..<t.rowCount).first { ids[$0] == row.id })
        #expect(t["amount"]?.doubles?[r] == row.amount)
        let (y, m, d) = row.expectedClose
        #expect(t["expected_close"]?.type == .date)
        #expect(t["expected_close"]?.dates?[r] == Int32(CivilDate.days(year: y, month: m, day: d)))
    }

    @Test func sharedCustomersKeepTheirFormsSpelling() throws {
        let loaded = try ProfileLoader.load(path: RepositoryFiles.sampleData("exports/jiandaoyun/客户.xlsx"),
                                            profile: try ProfileCatalog.profile("jiandaoyun"))
        let t = loaded.result.table
        #expect(loaded.result.account.rowsRead == 8 && loaded.result.account.rowsQuarantined == 0)
        #expect(t["customer_id"]?.strings?[5] == "C006")
        #expect(t["name"]?.strings?[5] == "刘婷")
        #expect(t["company"]?.strings?[5] == "深圳市鹏远电子股份有限公司")
        #expect(t["city"]?.strings?[5] == "深圳市")
        #expect(t["phone"]?.strings?[5] == "139 1234 5678")
        #expect(t["company"]?.isNull(0) == true)  // the company rows leave 公司 empty
        #expect(t["created_at"]?.text(at: 6) == "2023-03-02 09:05:00")
    }
}
