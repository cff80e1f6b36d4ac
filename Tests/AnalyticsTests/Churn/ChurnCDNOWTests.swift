import Columns
import Testing

@testable import Analytics

/// The table path (orders table → ChurnAnalysis) against the model path (RepeatPurchaseSummary → BGNBD.fit) and the
/// published CDNOW estimates: as-of 1997-09-30 makes the as-of the calibration end, so both must agree.
@Suite struct ChurnCDNOWTests {
    static let result: ChurnResult = {
        let t = CDNOWFixture.transactions
        let orders = Fixture.table("orders", [
            ("customer_id", Fixture.strings(t.customer.map { String($0) })),
            ("order_date", .date(PrimitiveColumn(values: t.day))),
            ("amount", .double(PrimitiveColumn(values: t.value))),
        ])
        return ChurnAnalysis.run(AnalysisInput(orders: orders), AnalysisParameters(asOf: CDNOWFixture.calibrationEnd))
    }()

    static func within(_ value: Double, _ reference: Double, _ tolerance: Double) -> Bool {
        abs(value - reference) <= tolerance * abs(reference)
    }

    @Test(arguments: [("r", 0.243), ("alpha", 4.414), ("a", 0.793), ("b", 2.426), ("LL", -9582.4)])
    func bgnbdMatchesThePaper(_ name: String, _ published: Double) throws {
        let model = try #require(Self.result.models.bgnbd)
        let p = model.parameters
        let value = ["r": p.r, "alpha": p.alpha, "a": p.a, "b": p.b, "LL": model.logLikelihood][name]!
        #expect(Self.within(value, published, 0.005), "\(name) = \(value)")
        #expect(model.customers == 2_357)
    }

    @Test func tablePathEqualsModelPath() throws {
        let table = try #require(Self.result.models.bgnbd)
        let direct = try BGNBD.fit(CDNOWFixture.summary)
        let a = table.parameters, b = direct.parameters
        for (x, y) in [(a.r, b.r), (a.alpha, b.alpha), (a.a, b.a), (a.b, b.b), (table.logLikelihood, direct.logLikelihood)] {
            #expect(Self.within(x, y, 1e-4), "\(x) vs \(y)")
        }
        #expect(Self.result.models.fitMethod == "exact")
    }

    @Test(arguments: [("p", 6.25), ("q", 3.74), ("v", 15.44)])
    func gammaGammaMatchesThePaper(_ name: String, _ published: Double) throws {
        let g = try #require(Self.result.models.gammaGamma?.parameters)
        let value = ["p": g.p, "q": g.q, "v": g.v][name]!
        #expect(Self.within(value, published, 0.005), "\(name) = \(value)")
    }

    /// Per-customer columns equal the model API's values for the same summary row (original ids 1, 2, 18).
    @Test(arguments: [1, 2, 18])
    func customerRowEqualsModelAPI(_ id: Int) throws {
        let churn = try #require(Self.result.analysis.table("churn"))
        let row = try #require(churn.texts("customer_id").firstIndex(of: String(id)))
        let s = CDNOWFixture.summary
        let k = try #require(s.customers.firstIndex(of: id))
        let model = try #require(Self.result.models.bgnbd)
        let spend = try #require(Self.result.models.gammaGamma)
        let pAlive = model.pAlive(frequency: s.frequency[k], recency: s.recency[k], age: s.age[k])
        let expected = model.expectedPurchases(t: 90.0 / 7, frequency: s.frequency[k], recency: s.recency[k], age: s.age[k])
        let clv = CLV.compute(model: model, spend: spend, frequency: [s.frequency[k]], recency: [s.recency[k]], age: [s.age[k]],
                              monetary: [s.monetary[k]], months: 12, monthlyDiscountRate: 0.01, periodsPerMonth: 30.0 / 7)[0]
        #expect(churn.texts("frequency")[row] == String(Int(s.frequency[k])))
        #expect(abs(churn.doubleValues("recency_weeks")[row]! - s.recency[k]) < 1e-12)
        #expect(abs(churn.doubleValues("age_weeks")[row]! - s.age[k]) < 1e-12)
        #expect(abs(churn.doubleValues("p_alive")[row]! - pAlive) < 1e-12)
        #expect(abs(churn.doubleValues("expected_purchases")[row]! - expected) < 1e-12)
        #expect(Self.within(churn.doubleValues("clv")[row]!, clv, 1e-9))
        #expect(churn.texts("risk_band")[row] == RiskBand(pAlive: pAlive).rawValue)
    }

    @Test func tablesAreCompleteSortedAndFinite() throws {
        let churn = try #require(Self.result.analysis.table("churn"))
        let summary = try #require(Self.result.analysis.table("churn_summary"))
        #expect(churn.columnNames == ChurnAnalysis.churnColumns)
        #expect(churn.rowCount == 2_357)
        #expect(churn.hasOnlyFiniteDoubles && summary.hasOnlyFiniteDoubles)
        let bands = churn.texts("risk_band").map { ["high": 0, "medium": 1, "low": 2][$0!]! }
        let clv = churn.doubleValues("clv").map { $0! }
        for i in 1..<churn.rowCount {
            #expect(bands[i - 1] < bands[i] || (bands[i - 1] == bands[i] && clv[i - 1] >= clv[i]), "row \(i) out of order")
        }
        #expect(summary.texts("customers").compactMap { Int($0!) }.reduce(0, +) == 2_357)
        let total = summary.doubleValues("total_clv").map { $0! }.reduce(0, +)
        #expect(Self.within(total, clv.reduce(0, +), 1e-9))
    }
}
