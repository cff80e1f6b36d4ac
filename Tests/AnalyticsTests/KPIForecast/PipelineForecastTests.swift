import Columns
import Testing

@testable import Analytics

/// Weighted pipeline against a hand-computed fixture (as-of 2024-05-15).
/// Closed history: o5 won (lead → proposal → negotiation), o6 lost (lead → proposal), o7 lost (lead → proposal →
/// negotiation), o8 won (proposal), o9 won (negotiation). Win rates: proposal 2/4 (o5, o6, o7, o8), negotiation 2/3
/// (o5, o7, o9). "Discovery" has no closed history, so o4 falls back to its CRM probability 10 %.
@Suite struct PipelineForecastTests {
    static let opportunities = Fixture.table("opportunities", [
        ("opportunity_id", Fixture.strings(["o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "o9", "o10", "o11"])),
        ("stage", Fixture.strings(["Proposal", "proposal ", "Negotiation", "Discovery", "Closed Won", "Proposal", "Negotiation", "won", "Negotiation", "PROPOSAL", "Proposal"])),
        ("status", Fixture.strings(["open", "Open", "进行中", "open", "won", "lost", "closed lost", "赢单", "won", "open", "open"])),
        ("amount", Fixture.doubles([1000, 500, 2000, 100, 9999, 9999, 9999, 9999, 9999, 400, 777])),
        ("probability", Fixture.doubles([nil, nil, nil, 10, nil, nil, nil, nil, nil, nil, nil])),
        ("expected_close", Fixture.dates(["2024-06-10", "2024-06-20", "2024-07-01", nil, nil, nil, nil, nil, nil, "2024-04-01", "2024-06-01"])),
        ("created_at", Fixture.timestamps(["2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01", "2023-01-01", "2023-01-01", "2023-01-01", "2023-01-01", "2023-01-01", "2024-01-01", "2024-06-01"])),
    ])
    static let history = Fixture.table("stage_history", [
        ("opportunity_id", Fixture.strings(["o5", "o5", "o5", "o6", "o6", "o7", "o7", "o7", "o8", "o9", "zz"])),
        ("stage", Fixture.strings(["lead", "proposal", "negotiation", "Lead", "Proposal", "lead", "proposal", "negotiation", "proposal", "negotiation", "proposal"])),
    ])

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var probabilities: [String: Double]?
        var rows: [[String?]]
        var testDescription: String { name }
    }

    static let cases = [
        // o11 is created after as-of and left out; o10 is overdue and counted in May.
        Case(name: "calibrated", probabilities: nil, rows: [
            ["2024-05-01", "1", "400", "200"],
            ["2024-06-01", "2", "1500", "750"],
            ["2024-07-01", "1", "2000", String(2000.0 * 2 / 3)],
            [nil, "1", "100", "10"],
        ]),
        Case(name: "from parameters", probabilities: ["Proposal": 0.2, "negotiation": 1], rows: [
            ["2024-05-01", "1", "400", "80"],
            ["2024-06-01", "2", "1500", "300"],
            ["2024-07-01", "1", "2000", "2000"],
            [nil, "1", "100", "10"],
        ]),
    ]

    @Test(arguments: cases)
    func weightedByStageProbability(_ c: Case) throws {
        let p = AnalysisParameters(asOf: Fixture.day("2024-05-15"), forecast: KPIForecastParameters(stageProbabilities: c.probabilities))
        let result = KPIForecastAnalysis.run(AnalysisInput(opportunities: Self.opportunities, stageHistory: Self.history), p)
        let table = try #require(result.analysis.table("pipeline_forecast"))
        #expect(table.columnNames == ["month", "open_opportunities", "amount", "weighted_amount"])
        #expect(table.rowCount == c.rows.count)
        for (r, expected) in c.rows.enumerated() {
            let got = table.rows()[r]
            #expect(got[0] == expected[0] && got[1] == expected[1])
            #expect(abs(Double(got[2]!)! - Double(expected[2]!)!) < 1e-9)
            #expect(abs(Double(got[3]!)! - Double(expected[3]!)!) < 1e-9, "row \(r): \(got)")
        }
        #expect(result.analysis.notes.contains { $0.contains("1 open opportunities past their expected close") })
        #expect(result.analysis.notes.contains { $0.contains("created after as-of") })
    }

    @Test func calibratedRatesAreReportedAsModels() throws {
        let result = KPIForecastAnalysis.run(AnalysisInput(opportunities: Self.opportunities, stageHistory: Self.history),
                                             AnalysisParameters(asOf: Fixture.day("2024-05-15")))
        let byStage = Dictionary(uniqueKeysWithValues: result.models.stageProbabilities.map { ($0.stage, $0) })
        #expect(byStage["proposal"]?.probability == 0.5 && byStage["proposal"]?.closedReached == 4)
        #expect(byStage["negotiation"]?.closedReached == 3)
        #expect(byStage["discovery"] == nil)
    }

    @Test(arguments: [
        (AnalysisInput(), "no opportunities"),
        (AnalysisInput(opportunities: Fixture.table("opportunities", [("opportunity_id", Fixture.strings(["x"]))])), "no stage column"),
    ])
    func missingInputIsNoted(_ input: AnalysisInput, _ note: String) throws {
        let result = KPIForecastAnalysis.run(input, AnalysisParameters(asOf: 0))
        #expect(result.analysis.notes.contains { $0.contains(note) }, "\(result.analysis.notes)")
        #expect(result.analysis.table("pipeline_forecast")?.rowCount == 0)
    }

    @Test func outOfRangeParameterProbabilityIsIgnored() {
        let p = AnalysisParameters(asOf: Fixture.day("2024-05-15"), forecast: KPIForecastParameters(stageProbabilities: ["proposal": 1.5]))
        let result = KPIForecastAnalysis.run(AnalysisInput(opportunities: Self.opportunities, stageHistory: Self.history), p)
        #expect(result.analysis.notes.contains { $0.contains("not in [0, 1]") })
    }
}
