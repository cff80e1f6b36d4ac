import Testing
import Columns
@testable import Analytics

@Suite struct LifecycleTests {
    @Test func stagesAndLapsed() throws {
        let orders = Fixture.orders([
            ("A", "2024-05-01", 10),                               // first 60 days ago: new
            ("B", "2023-01-01", 10), ("B", "2024-03-01", 10),      // last 121 days ago: active
            ("C", "2023-10-01", 10),                               // last 273 days ago: dormant; bought 2023, not 2024
            ("D", "2022-01-01", 10),                               // churned
            ("E", "2023-12-31", 5), ("E", "2024-01-01", 5),        // bought 2023 and 2024: not lapsed
            ("F", "2024-07-01", 5),                                // after as-of only
        ])
        let customers = Fixture.table("customers", [("customer_id", Fixture.strings(["A", "B", "C", "D", "E", "F", "G", "G"]))])
        let result = LifecycleAnalysis.run(AnalysisInput(customers: customers, orders: orders), AnalysisParameters(asOf: Fixture.day("2024-06-30")))
        let rows = result.table("lifecycle")!.rows()
        #expect(rows.map { [$0[0], $0[3], $0[4], $0[5], $0[6]] } == [
            ["A", "60", "new", "新客", "false"],
            ["B", "121", "active", "活跃", "false"],
            ["C", "273", "dormant", "沉睡", "true"],
            ["D", "911", "churned", "流失", "false"],
            ["E", "181", "dormant", "沉睡", "false"],
        ])
        // F only ordered after as-of, G (listed twice) never: two customers never purchased by as-of.
        #expect(result.table("lifecycle_summary")!.texts("customers") == ["1", "1", "2", "1", "2"])
        #expect(result.table("lifecycle_lapsed")!.rows() == [["2023", "3", "1", "\(1.0 / 3)"]])
    }

    @Test(arguments: [
        // (revenues of 10 customers) → customers and revenue per tier
        ([100.0, 1, 1, 1, 1, 1, 1, 1, 1, 1], [2, 3, 5], [101.0, 3, 5]),
        ([5, 5, 5, 5, 5], [1, 2, 2], [5, 10, 10]),
        ([0, 0], [1, 0, 1], [0, 0, 0]),
    ] as [([Double], [Int], [Double])])
    func valueTiers(revenues: [Double], customers: [Int], revenue: [Double]) throws {
        let orders = Fixture.orders(revenues.enumerated().map { ("c\($0.offset)", "2024-06-01", $0.element) })
        let facts = OrderFacts(orders: orders, asOf: Fixture.day("2024-06-30"))
        let result = ValueTierAnalysis.run(facts, AnalysisParameters(asOf: Fixture.day("2024-06-30")))
        let table = result.table("value_tiers")!
        #expect(table.texts("customers") == customers.map { String($0) })
        #expect(table.doubleValues("revenue") == revenue)
        #expect(table.hasOnlyFiniteDoubles)
    }
}
