import Testing
import Columns
@testable import Analytics

@Suite struct SalesPerformanceTests {
    static let input = AnalysisInput(
        customers: Fixture.table("customers", [
            ("customer_id", Fixture.strings(["c1", "c2", "c3", "c4"])),
            ("owner", Fixture.strings(["Ann", "Bob", "Ann", nil])),
            ("source", Fixture.strings(["web", "展会", "web", "ads"])),
        ]),
        orders: Fixture.orders([
            ("c1", "2024-06-01", 50), ("c1", "2023-01-01", 1000), ("c2", "2024-05-05", 20), ("c4", "2024-06-10", 7),
        ]),
        opportunities: Fixture.table("opportunities", [
            ("opportunity_id", Fixture.strings(["o1", "o2", "o3", "o4", "o5", "o6", "o7"])),
            ("owner", Fixture.strings(["Ann", "Ann", "Ann", "Ann", "Bob", "Bob", nil])),
            ("status", Fixture.strings(["won", "Closed Won", "lost", "won", "lost", "open", "won"])),
            ("amount", Fixture.doubles([100, 300, 40, 999, 10, 5, 70])),
            ("created_at", Fixture.timestamps(["2024-01-01", "2024-03-01", "2024-01-01", "2021-12-01", "2024-04-01", "2024-04-01", "2024-03-01"])),
            ("closed_at", Fixture.timestamps(["2024-01-31", "2024-03-11", "2024-02-01", "2022-01-01", "2024-05-01", nil, "2024-04-01"])),
        ]),
        campaigns: Fixture.table("campaigns", [
            ("campaign_id", Fixture.strings(["K1", "K2", "K3"])), ("name", Fixture.strings(["春季", "Ads", "Late"])),
            ("channel", Fixture.strings(["web", "ads", "web"])), ("cost", Fixture.doubles([500, 0, 100])),
            ("started_at", Fixture.dates(["2023-01-01", "2024-01-01", "2024-12-01"])),
        ]),
        campaignMembers: Fixture.table("campaign_members", [
            ("campaign_id", Fixture.strings(["K1", "K1", "K2", "KX"])), ("customer_id", Fixture.strings(["c1", "c2", "c4", "c1"])),
            ("responded_at", Fixture.timestamps(["2023-06-01 10:00:00", nil, "2024-06-10 09:00:00", "2024-01-01"])),
        ]),
        targets: Fixture.table("targets", [("owner", Fixture.strings(["Ann", "Carol"])), ("target", Fixture.doubles([800, 100]))]))

    static func run() -> AnalysisResult {
        SalesPerformanceAnalysis.run(Self.input, AnalysisParameters(asOf: Fixture.day("2024-06-30")))
    }

    @Test func owners() throws {
        let result = Self.run()
        #expect(result.table("performance_owners")!.rows() == [
            ["Ann", "2", "1", "\(2.0 / 3)", "400", "200", "20", "50", "800", "0.5"],
            ["Bob", "0", "1", "0", "0", nil, nil, "20", nil, nil],
            ["Carol", "0", "0", nil, "0", nil, nil, "0", "100", "0"],
        ])
        #expect(result.notes.contains { $0.contains("1 closed opportunities without owner") })
    }

    @Test func topCustomers() throws {
        let result = Self.run()
        #expect(result.table("top_customers")!.rows() == [
            ["1", "c1", "50", "\(50.0 / 77)", "\(50.0 / 77)"],
            ["2", "c2", "20", "\(20.0 / 77)", "\(70.0 / 77)"],
            ["3", "c4", "7", "\(7.0 / 77)", "1"],
        ])
        #expect(result.notes.contains("top 3 customers bring 100% of revenue in the period"))
    }

    @Test func channelAndCampaignROI() throws {
        let result = Self.run()
        #expect(result.table("channel_roi")!.rows() == [
            ["ads", "1", "1", "7", "0", nil, nil, nil],
            ["web", "2", "1", "1050", "500", "2.1", "0.002", "1.1"],
            ["展会", "1", "1", "20", "0", nil, nil, nil],
        ])
        #expect(result.table("campaign_roi")!.rows() == [
            ["K1", "春季", "web", "500", "2", "1", "1", "50", "0.1", "0.002", "-0.9"],
            ["K2", "Ads", "ads", "0", "1", "1", "1", "7", nil, nil, nil],
            ["K3", "Late", "web", nil, "0", "0", "0", "0", nil, nil, nil],
        ])
        #expect(result.notes.contains { $0.contains("1 rows of campaigns not in campaigns") })
    }

    @Test(arguments: [
        // top k → customer ids: equal revenue goes by customer id.
        (1, ["c"]), (2, ["c", "a"]), (3, ["c", "a", "b"]), (5, ["c", "a", "b", "d"]), (0, []),
    ])
    func topCustomersTieByID(k: Int, expected: [String]) {
        let orders = Fixture.orders([("b", "2024-06-01", 5), ("a", "2024-06-02", 5), ("c", "2024-06-03", 9), ("d", "2024-06-03", -1)])
        let p = AnalysisParameters(asOf: Fixture.day("2024-06-30"), performance: SalesPerformanceParameters(topCustomers: k))
        let result = TopCustomersAnalysis.run(OrderFacts(orders: orders, asOf: p.asOf), p)
        #expect(result.table("top_customers")!.texts("customer_id") == expected)
    }
}
