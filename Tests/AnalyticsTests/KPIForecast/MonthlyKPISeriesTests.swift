import Columns
import Testing

@testable import Analytics

/// The monthly series against hand-computed sums, and short or empty histories degrading to notes.
@Suite struct MonthlyKPISeriesTests {
    static let orders = Fixture.table("orders", [
        ("customer_id", Fixture.strings(["a", "a", "b", "c", "b", "d", "e", "f"])),
        ("order_date", Fixture.dates(["2024-01-05", "2024-01-20", "2024-02-10", "2024-02-28", "2024-04-01", "2024-04-15", "2024-05-02", "2024-06-01"])),
        ("amount", Fixture.doubles([100, 50, 30, 20, 10, 5, 99, 7])),
        ("status", Fixture.strings(["paid", "paid", "paid", "cancelled", "paid", "paid", "paid", "paid"])),
    ])

    struct Case: Sendable, CustomTestStringConvertible {
        var asOf: String
        var revenue: [Double]
        var orders: [Double]
        var newCustomers: [Double]
        var testDescription: String { "as-of \(asOf)" }
    }

    // Cancelled (c) never counts; e's May order is in the incomplete as-of month; f's June order is after as-of.
    static let cases = [
        Case(asOf: "2024-05-15", revenue: [150, 30, 0, 15], orders: [2, 1, 0, 2], newCustomers: [1, 1, 0, 1]),
        Case(asOf: "2024-05-31", revenue: [150, 30, 0, 15, 99], orders: [2, 1, 0, 2, 1], newCustomers: [1, 1, 0, 1, 1]),
        Case(asOf: "2024-03-31", revenue: [150, 30, 0], orders: [2, 1, 0], newCustomers: [1, 1, 0]),
    ]

    @Test(arguments: cases)
    func monthlySumsMatchHandComputed(_ c: Case) throws {
        let result = KPIForecastAnalysis.run(AnalysisInput(orders: Self.orders), AnalysisParameters(asOf: Fixture.day(c.asOf)))
        let forecast = try #require(result.analysis.table("forecast"))
        #expect(forecast.hasOnlyFiniteDoubles)
        let series = forecast.texts("series"), kinds = forecast.texts("kind"), periods = forecast.texts("period")
        let values = forecast.doubleValues("value")
        for (name, expected) in [("revenue", c.revenue), ("orders", c.orders), ("new_customers", c.newCustomers)] {
            let rows = forecast.rowCount
            let actual = (0..<rows).filter { series[$0] == name && kinds[$0] == "actual" }
            #expect(actual.map { values[$0]! } == expected, "\(name)")
            #expect(periods[actual[0]] == "2024-01-01")
            let ahead = (0..<rows).filter { series[$0] == name && kinds[$0] == "forecast" }
            #expect(ahead.count == 6)
            let lo95 = forecast.doubleValues("lo95"), hi95 = forecast.doubleValues("hi95")
            for r in ahead { #expect(lo95[r]! <= values[r]! && values[r]! <= hi95[r]!) }
        }
        let accuracy = try #require(result.analysis.table("forecast_accuracy"))
        #expect(accuracy.texts("series") == ["revenue", "orders", "new_customers"])
        // Fewer than 7 months: no ETS model is admissible, so a benchmark forecasts and the note says why.
        #expect(accuracy.texts("note").allSatisfy { $0?.contains("instead of ETS") == true })
        #expect(result.models.series.count == 3)
    }

    @Test func seasonalSeriesGetsETSAndBacktest() throws {
        // Three years of a seasonal monthly pattern for one customer per month.
        var ids: [String?] = [], days: [String?] = [], amounts: [Double?] = []
        for k in 0..<36 {
            let y = 2021 + k / 12, m = k % 12 + 1
            ids.append("c\(k)"); days.append("\(y)-\(m < 10 ? "0" : "")\(m)-10")
            amounts.append(100 + 40 * Double([0, 1, 2, 3, 2, 1, 0, -1, -2, -3, -2, -1][m - 1]) + Double(k))
        }
        let orders = Fixture.table("orders", [("customer_id", Fixture.strings(ids)), ("order_date", Fixture.dates(days)), ("amount", Fixture.doubles(amounts))])
        let result = KPIForecastAnalysis.run(AnalysisInput(orders: orders), AnalysisParameters(asOf: Fixture.day("2023-12-31")))
        let accuracy = try #require(result.analysis.table("forecast_accuracy"))
        let revenue = try #require(result.models.series.first)
        #expect(revenue.fit?.selected != nil)
        #expect(accuracy.texts("model")[0]?.hasPrefix("ETS(") == true)
        #expect(accuracy.texts("folds")[0] == "6")
        #expect(accuracy.doubleValues("smape")[0] != nil)
        #expect(accuracy.hasOnlyFiniteDoubles)
    }

    static let degenerate: [(name: String, rows: [(String?, String?, Double?)], note: String)] = [
        ("no orders", [], "no KPI series"),
        ("only the incomplete month", [("a", "2024-05-02", 10)], "no KPI series"),
        ("one month of zero and negative amounts", [("a", "2024-04-02", 0), ("b", "2024-04-03", -5)], "constant series"),
    ]

    @Test(arguments: 0..<3)
    func degenerateHistories(_ index: Int) throws {
        let (_, rows, note) = Self.degenerate[index]
        let result = KPIForecastAnalysis.run(AnalysisInput(orders: Fixture.orders(rows)), AnalysisParameters(asOf: Fixture.day("2024-05-15")))
        #expect(result.analysis.notes.contains { $0.contains(note) }, "\(result.analysis.notes)")
        for t in result.analysis.tables { #expect(t.table.hasOnlyFiniteDoubles, "\(t.name)") }
    }

    @Test(arguments: [(0, 12), (500, 12), (6, 0), (6, 99)])
    func badSettingsAreNoted(_ horizon: Int, _ season: Int) {
        let p = AnalysisParameters(asOf: Fixture.day("2024-05-15"), forecast: KPIForecastParameters(horizonMonths: horizon, seasonPeriod: season))
        let result = KPIForecastAnalysis.run(AnalysisInput(orders: Self.orders), p)
        #expect(result.analysis.notes.contains { $0.contains("outside") })
    }
}
