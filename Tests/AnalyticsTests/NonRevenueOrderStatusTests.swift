import Columns
import Testing
@testable import Analytics

/// Odoo keeps quotations in sale_order (state draft/sent, loaded as `quotation`); they were summed
/// as revenue because only cancelled orders were left out by default.
@Suite struct NonRevenueOrderStatusTests {
    @Test(arguments: [
        // status → left out of revenue by default?
        ("quotation", true), ("Quotation", true), ("draft", true), ("sent", true), ("quote", true),
        ("草稿", true), ("报价", true), ("报价单", true), ("cancel", true), ("cancelled", true), ("CANCELED", true),
        ("void", true), ("已取消", true), ("作废", true), ("已作废", true), ("refunded", true),
        ("confirmed", false), ("done", false), ("sale", false), ("completed", false), ("shipped", false),
        ("pending", false), ("paid", false), ("已完成", false), ("", false),
    ])
    func defaultExclusions(status: String, excluded: Bool) {
        let orders = Fixture.table("orders", [
            ("customer_id", Fixture.strings(["A", "A"])),
            ("order_date", Fixture.dates(["2024-06-01", "2024-06-02"])),
            ("amount", Fixture.doubles([100, 1_000])),
            ("status", Fixture.strings(["confirmed", status])),
        ])
        let result = RFMAnalysis.run(AnalysisInput(orders: orders), AnalysisParameters(asOf: Fixture.day("2024-06-30")))
        let row = result.table("rfm")!.rows()[0]
        #expect(row[3] == (excluded ? "100" : "1100"), "\(status)")
        #expect(result.notes.contains { $0.contains("not revenue") } == excluded)
    }

    /// The note says how many rows each status left out, most first, so a run shows what it dropped.
    @Test func noteCountsPerStatus() throws {
        let statuses: [String?] = ["quotation", "quotation", "quotation", "cancelled", "confirmed", "作废", nil, "cancelled"]
        let orders = Fixture.table("orders", [
            ("customer_id", Fixture.strings(Array(repeating: "A", count: statuses.count))),
            ("order_date", Fixture.dates(Array(repeating: "2024-06-01", count: statuses.count))),
            ("amount", Fixture.doubles(Array(repeating: 10, count: statuses.count))),
            ("status", Fixture.strings(statuses)),
        ])
        let facts = OrderFacts(orders: orders, asOf: Fixture.day("2024-06-30"))
        #expect(facts.orderCount == 2)
        let note = try #require(facts.notes.first { $0.contains("not revenue") })
        #expect(note.hasSuffix("by status: quotation 3, cancelled 2, 作废 1"))
        #expect(note.contains("orders: 6 rows"))
    }

    /// A caller's own list replaces the default (a source whose `draft` means something else).
    @Test(arguments: [
        (["cancelled"], 2), ([], 3), (OrderFacts.nonRevenueStatuses, 1),
    ] as [([String], Int)])
    func configuredList(excluded: [String], kept: Int) {
        let orders = Fixture.table("orders", [
            ("customer_id", Fixture.strings(["A", "A", "A"])),
            ("order_date", Fixture.dates(["2024-06-01", "2024-06-02", "2024-06-03"])),
            ("amount", Fixture.doubles([1, 2, 3])),
            ("status", Fixture.strings(["done", "draft", "cancelled"])),
        ])
        #expect(OrderFacts(orders: orders, asOf: Fixture.day("2024-06-30"), excludedStatuses: excluded).orderCount == kept)
    }
}
