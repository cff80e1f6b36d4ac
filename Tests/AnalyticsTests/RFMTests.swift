import Testing
import Columns
@testable import Analytics

@Suite struct RFMTests {
    static let asOf = "2024-06-30"

    /// Orders with awkward ids (Chinese, lower case, prefixes of each other), several orders on one
    /// day, zero/negative/null amounts, rows without customer or date, and rows after as-of.
    static func generatedOrders(customers: Int, orders: Int, seed: UInt64) -> Table {
        var rng = SeededRandom(state: seed)
        let ids: [String] = (0..<customers).map { i in
            switch i % 7 {
            case 0: return "客户\(i)"
            case 1: return "c\(i)"
            case 2: return "C\(i)"
            default: return "C\(String(repeating: "0", count: 4 - String(i).count))\(i)"
            }
        }
        let first = Fixture.day("2022-01-01"), span = Int(Fixture.day("2024-12-31") - first) + 1
        var rows: [(String?, String?, Double?)] = []
        for _ in 0..<orders {
            // Skewed customer choice, so frequencies and monetary values spread over quintiles.
            let c = min(rng.below(customers), rng.below(customers))
            let day = first + Int32(rng.below(span))
            let iso = CivilDate.iso(Int(day))
            let amount: Double? = rng.below(100) == 0 ? nil : Double(rng.below(2000) - 80) * 0.25
            rows.append((rng.below(200) == 0 ? nil : ids[c], rng.below(300) == 0 ? nil : iso, amount))
            if rng.below(10) == 0 { rows.append((ids[c], iso, 10)) }  // a second order the same day
        }
        return Fixture.orders(rows)
    }

    static let rfmSQL = """
        create table o as select * from read_csv('orders.csv', header=true,
            columns={'customer_id':'VARCHAR','order_date':'DATE','amount':'DOUBLE'});
        create table w as select customer_id, order_date, coalesce(amount, 0) as amount from o
            where customer_id is not null and order_date is not null
              and order_date <= DATE 'ASOF' and date_diff('day', order_date, DATE 'ASOF') < WINDOW;
        create table a as select customer_id, date_diff('day', max(order_date), DATE 'ASOF') as recency,
            count(distinct order_date) as frequency, sum(amount) as monetary from w group by customer_id;
        create table s as select *,
            1 + (5 * (row_number() over (order by recency desc, customer_id) - 1)) // (count(*) over ()) as r,
            1 + (5 * (row_number() over (order by frequency, customer_id) - 1)) // (count(*) over ()) as f,
            1 + (5 * (row_number() over (order by monetary, customer_id) - 1)) // (count(*) over ()) as m,
            recency < avg(recency) over () as rh, frequency > avg(frequency) over () as fh,
            monetary > avg(monetary) over () as mh
            from a;
        select customer_id, recency, frequency, monetary, r, f, m, r * 100 + f * 10 + m,
            case when r = 5 and f = 1 then 'New' when r = 5 and f >= 4 then 'Champions'
                 when r >= 4 and f in (2, 3) then 'Potential Loyalist' when r = 4 and f = 1 then 'Promising'
                 when r in (3, 4) and f >= 4 then 'Loyal' when r = 3 and f = 3 then 'Need Attention'
                 when r = 3 then 'About to Sleep' when f = 5 then 'Can''t Lose Them' when f in (3, 4) then 'At Risk'
                 when r = 1 and f = 1 then 'Lost' else 'Hibernating' end,
            case rh::int * 4 + fh::int * 2 + mh::int when 7 then '重要价值' when 5 then '重要发展' when 3 then '重要保持'
                 when 1 then '重要挽留' when 6 then '一般价值' when 4 then '一般发展' when 2 then '一般保持' else '一般挽留' end
        from s order by customer_id
        """

    @Test(arguments: [(Int32(365), UInt64(1)), (Int32(90), UInt64(2)), (Int32(1000), UInt64(3))])
    func matchesDuckDB(window: Int32, seed: UInt64) throws {
        let orders = Self.generatedOrders(customers: 300, orders: 4000, seed: seed)
        let parameters = AnalysisParameters(asOf: Fixture.day(Self.asOf), rfm: RFMParameters(windowDays: window))
        let result = RFMAnalysis.run(AnalysisInput(orders: orders), parameters)
        let sql = Self.rfmSQL.replacingOccurrences(of: "ASOF", with: Self.asOf).replacingOccurrences(of: "WINDOW", with: String(window))
        let expected = try DuckDB.query(sql, tables: [orders])
        let got = result.table("rfm")!.rows()
        #expect(got.count == expected.count)
        #expect(got.count > 100)
        for (g, e) in zip(got, expected) {
            #expect(g.count == e.count && zip(g, e).allSatisfy(sameCell), "\(g) ≠ \(e)")
        }
        // The segment summaries add up to the scored customers and their revenue.
        let segments = result.table("rfm_segments")!
        #expect(segments.rowCount == 11)
        #expect(segments["customers"]!.int64s!.values.reduce(0, +) == Int64(got.count))
        #expect(result.table("rfm_segments_cn")!["customers"]!.int64s!.values.reduce(0, +) == Int64(got.count))
    }

    @Test(arguments: [
        // (R, F) → segment: every row of the grid, and its corners.
        (5, 1, RFMSegment.new), (5, 2, .potentialLoyalist), (5, 3, .potentialLoyalist), (5, 4, .champions), (5, 5, .champions),
        (4, 1, .promising), (4, 2, .potentialLoyalist), (4, 3, .potentialLoyalist), (4, 4, .loyal), (4, 5, .loyal),
        (3, 1, .aboutToSleep), (3, 2, .aboutToSleep), (3, 3, .needAttention), (3, 4, .loyal), (3, 5, .loyal),
        (2, 1, .hibernating), (2, 2, .hibernating), (2, 3, .atRisk), (2, 4, .atRisk), (2, 5, .cantLoseThem),
        (1, 1, .lost), (1, 2, .hibernating), (1, 3, .atRisk), (1, 4, .atRisk), (1, 5, .cantLoseThem),
    ])
    func segmentGrid(r: Int, f: Int, segment: RFMSegment) {
        #expect(RFMSegment(r: r, f: f) == segment)
    }

    @Test(arguments: [
        (true, true, true, "重要价值"), (true, false, true, "重要发展"), (false, true, true, "重要保持"),
        (false, false, true, "重要挽留"), (true, true, false, "一般价值"), (true, false, false, "一般发展"),
        (false, true, false, "一般保持"), (false, false, false, "一般挽留"),
    ])
    func chineseClasses(r: Bool, f: Bool, m: Bool, label: String) {
        #expect(RFMChineseClass(recentHigh: r, frequencyHigh: f, monetaryHigh: m).rawValue == label)
    }

    @Test(arguments: [
        // values, id order → scores: ties are split by id order, not by row order.
        ([Int64](repeating: 7, count: 10), [Int32](0..<10), [UInt8]([1, 1, 2, 2, 3, 3, 4, 4, 5, 5])),
        ([7, 7, 7, 7, 7, 7, 7, 7, 7, 7], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]),
        ([50, 10, 40, 20, 30], [0, 1, 2, 3, 4], [5, 1, 4, 2, 3]),
        ([3], [0], [1]),
        ([1, 2, 3], [0, 1, 2], [1, 2, 4]),
    ] as [([Int64], [Int32], [UInt8])])
    func quintilesRankWithIdTieBreak(values: [Int64], tie: [Int32], scores: [UInt8]) {
        #expect(RFMQuintiles.scores(ascending: values, tieRank: tie) == scores)
    }

    @Test func handComputedCustomer() throws {
        // A: three orders on two days in the window, one before it; B: one refund only.
        let orders = Fixture.orders([
            ("A", "2024-06-01", 100), ("A", "2024-06-01", 50), ("A", "2024-03-10", 25.5), ("A", "2023-01-01", 999),
            ("B", "2024-06-29", -20),
        ])
        let result = RFMAnalysis.run(AnalysisInput(orders: orders), AnalysisParameters(asOf: Fixture.day("2024-06-30")))
        let rows = result.table("rfm")!.rows()
        #expect(rows.map { Array($0[0...3]) } == [["A", "29", "2", "175.5"], ["B", "1", "1", "-20"]])
        #expect(result.notes.contains { $0.contains("only 2 customer(s)") })
        #expect(result.notes.contains { $0.contains("zero or negative") })
    }

    @Test(arguments: [
        // excluded statuses → (A's frequency, A's monetary)
        (OrderFacts.cancelledStatuses, "1", "10"),
        ([], "3", "60"),
        (["PAID"], "2", "50"),
    ])
    func cancelledOrdersDoNotCount(excluded: [String], frequency: String, monetary: String) {
        let orders = Fixture.table("orders", [
            ("customer_id", Fixture.strings(["A", "A", "A"])),
            ("order_date", Fixture.dates(["2024-06-01", "2024-06-02", "2024-06-03"])),
            ("amount", Fixture.doubles([10, 20, 30])),
            ("status", Fixture.strings(["paid", "Cancelled", "已取消"])),
        ])
        let p = AnalysisParameters(asOf: Fixture.day("2024-06-30"), rfm: RFMParameters(excludedOrderStatuses: excluded))
        let result = RFMAnalysis.run(AnalysisInput(orders: orders), p)
        let row = result.table("rfm")!.rows()[0]
        #expect(row[2] == frequency && row[3] == monetary)
        #expect(result.notes.contains { $0.contains("cancelled/void/refunded") } == (frequency != "3"))
    }
}
