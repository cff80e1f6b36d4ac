import Testing
import Columns
@testable import Analytics

@Suite struct FunnelTests {
    static let opportunities = Fixture.table("opportunities", [
        ("opportunity_id", Fixture.strings(["O1", "O2", "O3", "O4", "O5"])),
        ("stage", Fixture.strings(["Won", "negotiation", "Closed Lost", " Proposal ", "lead"])),
        ("status", Fixture.strings(["won", "lost", "Closed Lost", "open", "open"])),
        ("amount", Fixture.doubles([100, 50, 30, 80, 5])),
        ("created_at", Fixture.timestamps(["2024-01-01", "2024-01-15", "2024-02-01", "2024-03-01", "2024-07-05"])),
        ("closed_at", Fixture.timestamps(["2024-03-01", "2024-04-01", "2024-02-20", nil, nil])),
        ("owner", Fixture.strings(["Ann", "Ann", "Bob", "Bob", "Bob"])),
        ("source", Fixture.strings(["web", "展会", "web", nil, "web"])),
    ])
    static let history = Fixture.table("stage_history", [
        ("opportunity_id", Fixture.strings(["O1", "O1", "O1", "O1", "O2", "O2", "O2", "O3", "O3", "O4", "O4", "O9"])),
        ("stage", Fixture.strings(["lead", "qualified", "proposal", "negotiation", "lead", "qualified", "negotiation",
                                   "lead", "qualified", "lead", "proposal", "lead"])),
        ("entered_at", Fixture.timestamps(["2024-01-01", "2024-01-11", "2024-01-21", "2024-02-10", "2024-01-15", "2024-01-25",
                                           "2024-03-01", "2024-02-01", "2024-02-05", "2024-03-01", "2024-03-11", "2024-01-01"])),
    ])
    static let parameters = AnalysisParameters(asOf: Fixture.day("2024-06-30"))

    @Test func withStageHistory() throws {
        let result = FunnelAnalysis.run(AnalysisInput(opportunities: Self.opportunities, stageHistory: Self.history), Self.parameters)
        let funnel = result.table("funnel")!
        #expect(funnel.texts("reached") == ["4", "4", "3", "2", "1"])
        #expect(funnel.texts("converted") == ["4", "3", "2", "1", nil])
        #expect(funnel.texts("drop_off") == ["0", "1", "1", "1", nil])
        #expect(funnel.texts("conversion_rate") == ["1", "0.75", "\(2.0 / 3)", "0.5", nil])
        #expect(funnel.texts("lost_at_stage") == ["0", "1", "0", "1", "0"])
        #expect(funnel.texts("open_at_stage") == ["0", "0", "1", "0", "0"])
        #expect(funnel.texts("value") == ["260", "260", "230", "150", "100"])
        // Days in stage: lead {10, 10, 4, 10}; qualified {10, 36, 15}; proposal {20} (O4's is still running);
        // negotiation {20, 31} (until closed_at); nothing for won.
        #expect(funnel.texts("median_days_in_stage") == ["10", "15", "20", "25.5", nil])
        #expect(funnel.texts("p90_days_in_stage") == ["10", "31.8", "20", "29.9", nil])
        #expect(funnel.texts("days_observations") == ["4", "3", "1", "2", "0"])
        let summary = result.table("funnel_summary")!.rows()[0]
        #expect(summary == ["4", "1", "2", "1", "\(1.0 / 3)", "100", "60", "60", "stage_history"])
        #expect(result.notes.contains { $0.contains("1 opportunities created after as-of") })
        #expect(result.notes.contains { $0.contains("stage_history: 1 rows") })

        let groups = result.table("funnel_groups")!.rows()
        #expect(groups.filter { $0[0] == "owner" } == [
            ["owner", "Ann", "2", "1", "1", "0.5", "100", "60"],
            ["owner", "Bob", "2", "0", "1", "0", "0", nil],
        ])
        #expect(groups.filter { $0[0] == "source" }.map { $0[1] } == ["web", "展会", nil])
        #expect(groups.filter { $0[0] == "created_month" }.map { $0[1] } == ["2024-01", "2024-02", "2024-03"])
        let bob = result.table("funnel_breakdown")!.rows().filter { $0[0] == "owner" && $0[1] == "Bob" }
        #expect(bob.map { $0[4] } == ["2", "2", "1", "0", "0"])
        #expect(funnel.hasOnlyFiniteDoubles && result.table("funnel_breakdown")!.hasOnlyFiniteDoubles)
    }

    @Test func withoutHistoryLostCountAtCurrentStage() throws {
        let result = FunnelAnalysis.run(AnalysisInput(opportunities: Self.opportunities), Self.parameters)
        let funnel = result.table("funnel")!
        // O3's current stage "Closed Lost" is not a funnel stage: counted at the first stage.
        #expect(funnel.texts("reached") == ["4", "3", "3", "2", "1"])
        #expect(funnel.texts("lost_at_stage") == ["1", "0", "0", "1", "0"])
        #expect(funnel.texts("median_days_in_stage") == [nil, nil, nil, nil, nil])
        #expect(result.table("funnel_summary")!.texts("stage_source") == ["current_stage"])
        #expect(result.notes.contains { $0.contains("no stage_history") })
        #expect(result.notes.contains { $0.contains("1 opportunities with no stage among") })
    }

    @Test(arguments: [
        ("Closed Won", FunnelStatus.won), ("closedwon", .won), ("赢单", .won), ("WON", .won),
        ("Closed Lost", .lost), ("输单", .lost), ("丢单", .lost), ("Open", .open), ("进行中", .open),
    ])
    func statusSpellings(text: String, status: FunnelStatus) {
        #expect(FunnelStatus.parse(text) == status)
    }

    @Test func statusFromStageNamesWhenNoStatusColumn() throws {
        let opportunities = Fixture.table("opportunities", [
            ("opportunity_id", Fixture.strings(["a", "b", "c"])),
            ("stage", Fixture.strings(["赢单", "输单", "qualified"])),
        ])
        let result = FunnelAnalysis.run(AnalysisInput(opportunities: opportunities),
                                        AnalysisParameters(asOf: 20_000, funnel: FunnelParameters(stages: ["lead", "qualified", "赢单"])))
        #expect(result.table("funnel_summary")!.rows()[0][0...3] == ["3", "1", "1", "1"])
        #expect(result.table("funnel")!.texts("reached") == ["3", "2", "1"])
    }

    /// Opportunities moving through the stages with random skips, some lost, some open, some won,
    /// and stage_history rows for most of them (the rest fall back to their current stage).
    static func generated(_ n: Int, seed: UInt64) -> (Table, Table) {
        var rng = SeededRandom(state: seed)
        let stages = ["lead", "qualified", "proposal", "negotiation", "won"]
        var ids: [String?] = [], stage: [String?] = [], status: [String?] = [], amount: [Double?] = []
        var created: [String?] = [], closed: [String?] = [], owner: [String?] = []
        var hID: [String?] = [], hStage: [String?] = [], hAt: [String?] = []
        let base = Fixture.seconds("2024-01-01 00:00:00")
        for i in 0..<n {
            let furthest = rng.below(5)
            let outcome = furthest == 4 ? "won" : ["lost", "open"][rng.below(2)]
            var t = base + Int64(rng.below(100 * 86_400))
            ids.append("O\(i)"); status.append(outcome); amount.append(Double(rng.below(400)) * 0.5)
            owner.append(["Ann", "Bob", "陈"][rng.below(3)]); created.append(CivilDate.isoTimestamp(t))
            stage.append(stages[furthest])
            let withHistory = rng.below(5) != 0
            for k in 0...furthest where k == 0 || k == furthest || rng.below(3) != 0 {
                if withHistory && k < 4 {
                    hID.append("O\(i)"); hStage.append(stages[k]); hAt.append(CivilDate.isoTimestamp(t))
                }
                t += Int64(rng.below(20 * 86_400))
            }
            closed.append(outcome == "open" ? nil : CivilDate.isoTimestamp(t))
        }
        let opportunities = Fixture.table("opportunities", [
            ("opportunity_id", Fixture.strings(ids)), ("stage", Fixture.strings(stage)), ("status", Fixture.strings(status)),
            ("amount", Fixture.doubles(amount)), ("created_at", Fixture.timestamps(created)), ("closed_at", Fixture.timestamps(closed)),
            ("owner", Fixture.strings(owner)),
        ])
        let history = Fixture.table("stage_history", [
            ("opportunity_id", Fixture.strings(hID)), ("stage", Fixture.strings(hStage)), ("entered_at", Fixture.timestamps(hAt)),
        ])
        return (opportunities, history)
    }

    static let sql = """
        create table o as select * from read_csv('opportunities.csv', header=true, columns={'opportunity_id':'VARCHAR',
            'stage':'VARCHAR','status':'VARCHAR','amount':'DOUBLE','created_at':'TIMESTAMP','closed_at':'TIMESTAMP','owner':'VARCHAR'});
        create table h as select * from read_csv('stage_history.csv', header=true,
            columns={'opportunity_id':'VARCHAR','stage':'VARCHAR','entered_at':'TIMESTAMP'});
        create table s as select * from (values ('lead', 0), ('qualified', 1), ('proposal', 2), ('negotiation', 3), ('won', 4)) t(stage, k);
        create table f as select o.opportunity_id, o.amount, o.status,
            case when o.status = 'won' then 4 else greatest(coalesce(max(hs.k), -1), coalesce(max(cs.k), -1)) end as furthest
            from o left join s cs on cs.stage = o.stage
                   left join h on h.opportunity_id = o.opportunity_id left join s hs on hs.stage = h.stage
            group by o.opportunity_id, o.amount, o.status, o.stage;
        create table d as select hs.k, (epoch(coalesce(lead(h.entered_at) over (partition by h.opportunity_id order by h.entered_at, hs.k),
                case when o.status <> 'open' then o.closed_at end)) - epoch(h.entered_at)) / 86400.0 as days
            from h join s hs on hs.stage = h.stage join o using (opportunity_id);
        select s.k + 1, (select count(*) from f where furthest >= s.k), (select sum(amount) from f where furthest >= s.k),
               (select count(*) from f where furthest = s.k and status = 'lost'),
               (select quantile_cont(days, 0.5) from d where d.k = s.k and days >= 0),
               (select quantile_cont(days, 0.9) from d where d.k = s.k and days >= 0)
        from s order by s.k
        """

    @Test(arguments: [UInt64(31), UInt64(32)])
    func matchesDuckDB(seed: UInt64) throws {
        let (opportunities, history) = Self.generated(400, seed: seed)
        let result = FunnelAnalysis.run(AnalysisInput(opportunities: opportunities, stageHistory: history),
                                        AnalysisParameters(asOf: Fixture.day("2025-12-31")))
        let funnel = result.table("funnel")!
        let got = funnel.rows().map { [$0[0], $0[2], $0[9], $0[7], $0[10], $0[11]] }
        let expected = try DuckDB.query(Self.sql, tables: [opportunities, history])
        #expect(got.count == 5 && expected.count == 5)
        for (g, e) in zip(got, expected) { #expect(zip(g, e).allSatisfy(sameCell), "\(g) ≠ \(e)") }
    }
}
