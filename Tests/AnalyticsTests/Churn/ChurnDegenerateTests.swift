import Columns
import Testing

@testable import Analytics

/// Inputs the models cannot be fitted on: a note each, per-customer descriptive columns where there are customers,
/// and never a crash or a NaN cell.
@Suite struct ChurnDegenerateTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var rows: [(String?, String?, Double?)]
        var noteContains: String
        var customers: Int
        var fitted: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no orders", rows: [], noteContains: "no customers with usable orders", customers: 0, fitted: false),
        Case(name: "one customer", rows: [("a", "2024-01-01", 10), ("a", "2024-02-01", 20), ("a", "2024-03-05", 5)],
             noteContains: "only one customer", customers: 1, fitted: false),
        Case(name: "all same-day purchases", rows: [("a", "2024-01-01", 10), ("a", "2024-01-01", 20), ("b", "2024-02-01", 5), ("c", "2024-03-01", 7)],
             noteContains: "no customer bought again", customers: 3, fitted: false),
        Case(name: "only null ids and dates", rows: [(nil, "2024-01-01", 10), ("a", nil, 10)],
             noteContains: "no customers with usable orders", customers: 0, fitted: false),
        Case(name: "zero and negative amounts", rows: [
            ("a", "2024-01-01", 0), ("a", "2024-02-01", -5), ("a", "2024-03-01", 0),
            ("b", "2024-01-10", 10), ("b", "2024-04-10", -10), ("c", "2024-02-01", 3), ("d", "2024-05-01", 0),
        ], noteContains: "no Gamma-Gamma fit", customers: 4, fitted: true),
        Case(name: "orders after as-of only", rows: [("a", "2025-01-01", 10), ("b", "2025-02-01", 10)],
             noteContains: "after the as-of day", customers: 0, fitted: false),
    ]

    @Test(arguments: cases)
    func degenerateInput(_ c: Case) throws {
        let result = ChurnAnalysis.run(AnalysisInput(orders: Fixture.orders(c.rows)), AnalysisParameters(asOf: Fixture.day("2024-06-30")))
        let churn = try #require(result.analysis.table("churn"))
        let summary = try #require(result.analysis.table("churn_summary"))
        #expect(result.analysis.notes.contains { $0.contains(c.noteContains) }, "\(result.analysis.notes)")
        #expect(churn.rowCount == c.customers)
        #expect(churn.columnNames == ChurnAnalysis.churnColumns)
        #expect(churn.hasOnlyFiniteDoubles && summary.hasOnlyFiniteDoubles)
        #expect((result.models.bgnbd != nil) == c.fitted)
        if !c.fitted {
            #expect(churn.texts("p_alive").allSatisfy { $0 == nil })
            #expect(summary.rowCount == 0)
        }
        // Spend values only where the spend model has parameters.
        if result.models.gammaGamma?.parameters == nil {
            #expect(churn.texts("clv").allSatisfy { $0 == nil })
        }
    }

    @Test func noOrdersTable() throws {
        let result = ChurnAnalysis.run(AnalysisInput(), AnalysisParameters(asOf: 0))
        #expect(result.analysis.notes.contains("no orders table"))
        #expect(result.analysis.table("churn")?.rowCount == 0)
    }

    @Test func cancelledOrdersAreNotPurchases() throws {
        let orders = Fixture.table("orders", [
            ("customer_id", Fixture.strings(["a", "a", "b"])),
            ("order_date", Fixture.dates(["2024-01-01", "2024-03-01", "2024-02-01"])),
            ("amount", Fixture.doubles([10, 20, 30])),
            ("status", Fixture.strings(["paid", "已取消", "paid"])),
        ])
        let result = ChurnAnalysis.run(AnalysisInput(orders: orders), AnalysisParameters(asOf: Fixture.day("2024-06-30")))
        let churn = try #require(result.analysis.table("churn"))
        #expect(churn.texts("frequency") == ["0", "0"])
        #expect(result.analysis.notes.contains { $0.contains("no customer bought again") })
    }

    @Test(arguments: [
        (ChurnParameters(horizonDays: -1), "horizonDays"),
        (ChurnParameters(clvMonths: 100_000), "clvMonths"),
        (ChurnParameters(monthlyDiscount: .nan), "monthlyDiscount"),
        (ChurnParameters(highRiskBelow: 0.9, mediumRiskBelow: 0.2), "risk thresholds"),
    ])
    func badParametersFallBackToDefaults(_ p: ChurnParameters, _ named: String) {
        let result = ChurnAnalysis.run(AnalysisInput(orders: Fixture.orders([("a", "2024-01-01", 1)])),
                                       AnalysisParameters(asOf: Fixture.day("2024-06-30"), churn: p))
        #expect(result.analysis.notes.contains { $0.contains(named) })
    }
}
