import Testing
import Columns
@testable import Analytics

@Suite struct CohortsTests {
    static let sql = """
        create table o as select * from read_csv('orders.csv', header=true,
            columns={'customer_id':'VARCHAR','order_date':'DATE','amount':'DOUBLE'});
        create table v as select customer_id, order_date, coalesce(amount, 0) as amount from o
            where customer_id is not null and order_date is not null and order_date <= DATE 'ASOF';
        create table x as select v.customer_id, year(f.first) * 12 + month(f.first) - 1 as cm,
            year(v.order_date) * 12 + month(v.order_date) - 1 as om, v.amount
            from v join (select customer_id, min(order_date) as first from v group by customer_id) f using (customer_id);
        select strftime(make_date((cm // 12)::int, (cm % 12 + 1)::int, 1), '%Y-%m') as cohort, om - cm as k, s.size,
               count(distinct x.customer_id), sum(amount)
        from x join (select cm, count(distinct customer_id) as size from x group by cm) s using (cm)
        group by cm, om, s.size order by cm, k
        """

    @Test(arguments: [UInt64(11), UInt64(12)])
    func matchesDuckDB(seed: UInt64) throws {
        let orders = RFMTests.generatedOrders(customers: 250, orders: 3000, seed: seed)
        let asOf = "2024-06-30"
        let result = CohortAnalysis.run(AnalysisInput(orders: orders), AnalysisParameters(asOf: Fixture.day(asOf)))
        let table = result.table("cohorts")!
        // DuckDB lists only cells with orders; the triangle also has the empty cells, as zeros.
        let got = table.rows().filter { $0[3] != "0" }.map { [$0[0], $0[1], $0[2], $0[3], $0[5]] }
        let expected = try DuckDB.query(Self.sql.replacingOccurrences(of: "ASOF", with: asOf), tables: [orders])
        #expect(got.count == expected.count && got.count > 100)
        for (g, e) in zip(got, expected) { #expect(zip(g, e).allSatisfy(sameCell), "\(g) ≠ \(e)") }
        // Complete triangle: a cohort starting in month m has a row for every month m … 2024-06.
        let cohorts = Set(table.texts("cohort").compactMap { $0 })
        let expectedRows = cohorts.map { label -> Int in
            let p = label.split(separator: "-").map { Int($0)! }
            return (2024 * 12 + 5) - (p[0] * 12 + p[1] - 1) + 1
        }.reduce(0, +)
        #expect(cohorts.count > 10 && table.rowCount == expectedRows)
        #expect(table.hasOnlyFiniteDoubles)
    }

    @Test func handComputedTriangle() throws {
        let orders = Fixture.orders([
            ("a", "2024-01-05", 10), ("a", "2024-01-20", 5), ("a", "2024-03-01", 20),
            ("b", "2024-01-31", 30), ("b", "2024-02-01", 0),
            ("c", "2024-02-10", 7), ("c", "2024-04-01", 99),  // after as-of
        ])
        let result = CohortAnalysis.run(AnalysisInput(orders: orders), AnalysisParameters(asOf: Fixture.day("2024-03-31")))
        let rows = result.table("cohorts")!.rows()
        #expect(rows == [
            ["2024-01", "0", "2", "2", "1", "45", "1"],
            ["2024-01", "1", "2", "1", "0.5", "0", "0"],
            ["2024-01", "2", "2", "1", "0.5", "20", "0.4444444444444444"],
            ["2024-02", "0", "1", "1", "1", "7", "1"],
            ["2024-02", "1", "1", "0", "0", "0", "0"],
            ["2024-03", "0", "0", "0", "0", "0", nil],
        ].filter { $0[2] != "0" })
        #expect(result.notes.contains { $0.contains("after the as-of day") })
    }
}
