import Testing

@testable import Analytics

/// The rows `crm forecast` writes, built without the CLI.
@Suite struct SeriesForecastRowsTests {
    static let text: String = {
        var s = "series_id,period,value\n"
        for k in 0..<36 {
            let y = 2021 + k / 12, m = k % 12 + 1
            s += "seasonal,\(y)-\(m < 10 ? "0" : "")\(m),\(100 + 20 * Double([0, 1, 2, 3, 2, 1, 0, -1, -2, -3, -2, -1][m - 1]) + Double(k % 5))\n"
        }
        s += "short,2024-12-30,5\nshort,2024-12-31,7\nshort,2025-01-01,6\n"
        s += "flat,10,4\nflat,11,4\nflat,12,4\n"
        return s
    }()

    struct Case: Sendable, CustomTestStringConvertible {
        var series: String
        var periods: [String]
        var modelPrefix: String
        var noteContains: String?
        var testDescription: String { series }
    }

    @Test(arguments: [
        Case(series: "seasonal", periods: ["2024-01", "2024-02", "2024-03", "2024-04"], modelPrefix: "ETS(", noteContains: nil),
        Case(series: "short", periods: ["2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05"], modelPrefix: "drift", noteContains: "instead of ETS"),
        Case(series: "flat", periods: ["13", "14", "15", "16"], modelPrefix: "naive", noteContains: "constant series"),
    ])
    func rowsPerSeries(_ c: Case) throws {
        let input = try LongFormatReader.read(Array(Self.text.utf8), source: "t.csv")
        let table = SeriesForecastRows.make(input, horizon: 4, seasonPeriod: nil)
        #expect(table.columnNames == SeriesForecastRows.columns)
        #expect(table.rowCount == 12)
        #expect(table.hasOnlyFiniteDoubles)
        let rows = (0..<table.rowCount).filter { table.texts("series_id")[$0] == c.series }
        #expect(rows.map { table.texts("period")[$0]! } == c.periods)
        for r in rows {
            #expect(table.texts("model")[r]?.hasPrefix(c.modelPrefix) == true, "\(String(describing: table.texts("model")[r]))")
            if let note = c.noteContains { #expect(table.texts("note")[r]?.contains(note) == true) } else { #expect(table.texts("note")[r] == nil) }
            let (lo, f, hi) = (table.doubleValues("lo95")[r]!, table.doubleValues("forecast")[r]!, table.doubleValues("hi95")[r]!)
            #expect(lo <= f && f <= hi)
        }
    }

    @Test func sameResultOnOneOrTwoThreads() throws {
        let input = try LongFormatReader.read(Array(Self.text.utf8), source: "t.csv")
        let one = SeriesForecastRows.make(input, horizon: 3, seasonPeriod: 12, threads: 1)
        let two = SeriesForecastRows.make(input, horizon: 3, seasonPeriod: 12, threads: 2)
        #expect(one.rows() == two.rows())
    }
}
