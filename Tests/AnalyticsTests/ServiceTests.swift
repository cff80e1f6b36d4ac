import Testing
import Columns
@testable import Analytics

@Suite struct ServiceTests {
    static func generatedTickets(_ n: Int, seed: UInt64) -> Table {
        var rng = SeededRandom(state: seed)
        let channels = ["email", "phone", "微信", "chat"], priorities = ["urgent", "high", "Medium", "low", "紧急"]
        var ids: [String?] = [], created: [String?] = [], response: [String?] = [], resolved: [String?] = []
        var channel: [String?] = [], priority: [String?] = [], csat: [Int64?] = []
        let base = Fixture.seconds("2024-01-01 00:00:00")
        for i in 0..<n {
            let c = base + Int64(rng.below(180 * 86_400))
            ids.append("T\(i)")
            created.append(CivilDate.isoTimestamp(c))
            response.append(rng.below(10) == 0 ? nil : CivilDate.isoTimestamp(c + Int64(rng.below(30 * 3600))))
            resolved.append(rng.below(5) == 0 ? nil : CivilDate.isoTimestamp(c + Int64(rng.below(10 * 86_400))))
            channel.append(rng.below(20) == 0 ? nil : channels[rng.below(channels.count)])
            priority.append(priorities[rng.below(priorities.count)])
            csat.append(rng.below(3) == 0 ? nil : Int64(rng.below(5) + 1))
        }
        return Fixture.table("tickets", [
            ("ticket_id", Fixture.strings(ids)), ("created_at", Fixture.timestamps(created)),
            ("first_response_at", Fixture.timestamps(response)), ("resolved_at", Fixture.timestamps(resolved)),
            ("priority", Fixture.strings(priority)), ("channel", Fixture.strings(channel)), ("satisfaction", Fixture.ints(csat)),
        ])
    }

    static let sql = """
        create table t as select * from read_csv('tickets.csv', header=true, columns={'ticket_id':'VARCHAR',
            'created_at':'TIMESTAMP','first_response_at':'TIMESTAMP','resolved_at':'TIMESTAMP','priority':'VARCHAR',
            'channel':'VARCHAR','satisfaction':'BIGINT'});
        create table m as select channel,
            (epoch(first_response_at) - epoch(created_at)) / 3600.0 as frt,
            (epoch(resolved_at) - epoch(created_at)) / 3600.0 as res, satisfaction from t where created_at < TIMESTAMP 'END';
        select channel, count(*), quantile_cont(frt, 0.5), quantile_cont(frt, 0.9), quantile_cont(res, 0.5),
               quantile_cont(res, 0.9), count(satisfaction), avg(satisfaction),
               avg(case when satisfaction >= 4 then 1.0 else 0.0 end) filter (where satisfaction is not null)
        from m group by channel order by channel nulls last
        """

    @Test func byChannelMatchesDuckDB() throws {
        // As-of is after every event, so the set of tickets and times is the same in both engines.
        let tickets = Self.generatedTickets(600, seed: 5)
        let result = ServiceAnalysis.run(AnalysisInput(tickets: tickets), AnalysisParameters(asOf: Fixture.day("2024-12-31")))
        let table = result.table("service")!
        let got = table.rows().filter { $0[0] == "channel" }.map { row in [row[1], row[2], row[3], row[4], row[5], row[6], row[10], row[11], row[12]] }
        let expected = try DuckDB.query(Self.sql.replacingOccurrences(of: "END", with: "2025-01-01 00:00:00"), tables: [tickets])
        #expect(got.count == 5 && got.count == expected.count)
        for (g, e) in zip(got, expected) { #expect(zip(g, e).allSatisfy(sameCell), "\(g) ≠ \(e)") }
        #expect(table.hasOnlyFiniteDoubles)
    }

    /// Priorities with their default SLAs (first response / resolution hours): urgent 1/4, high 4/24.
    @Test(arguments: [
        // created, first response, resolved, priority → breached? (nil: no SLA for this priority)
        ("2024-06-01 08:00:00", "2024-06-01 08:30:00", "2024-06-01 11:00:00", "urgent", Optional(false)),
        ("2024-06-01 08:00:00", "2024-06-01 09:30:00", "2024-06-01 11:00:00", "URGENT", true),   // response 1.5 h > 1 h
        ("2024-06-01 08:00:00", "2024-06-01 08:30:00", "2024-06-01 13:00:00", "紧急", true),     // resolution 5 h > 4 h
        ("2024-06-01 08:00:00", "2024-06-01 11:00:00", "2024-06-02 07:00:00", "high", false),
        ("2024-06-29 08:00:00", "2024-06-29 10:00:00", nil, "high", true),                      // open 40 h at as-of end
        ("2024-06-30 20:00:00", nil, nil, "high", false),                                       // 4 h old, not yet late
        ("2024-06-01 08:00:00", "2024-06-01 08:10:00", "2024-06-01 08:20:00", "whenever", nil),
    ] as [(String, String?, String?, String, Bool?)])
    func slaBreach(created: String, response: String?, resolved: String?, priority: String, breached: Bool?) {
        let tickets = Fixture.table("tickets", [
            ("ticket_id", Fixture.strings(["T1"])), ("created_at", Fixture.timestamps([created])),
            ("first_response_at", Fixture.timestamps([response])), ("resolved_at", Fixture.timestamps([resolved])),
            ("priority", Fixture.strings([priority])),
        ])
        let result = ServiceAnalysis.run(AnalysisInput(tickets: tickets), AnalysisParameters(asOf: Fixture.day("2024-06-30")))
        let all = result.table("service")!.rows()[0]
        #expect(all[0] == "all")
        #expect(all[7] == (breached == nil ? "0" : "1"))
        #expect(all[8] == (breached == true ? "1" : "0"))
        #expect(result.notes.contains { $0.contains("no satisfaction column: no CSAT") })
    }

    @Test func csatIgnoresOutOfRangeAndNegativeTimes() throws {
        let tickets = Fixture.table("tickets", [
            ("ticket_id", Fixture.strings(["1", "2", "3", "4"])),
            ("created_at", Fixture.timestamps(["2024-05-01 10:00:00", "2024-05-01 10:00:00", "2024-05-02 10:00:00", "2024-07-02 10:00:00"])),
            ("first_response_at", Fixture.timestamps(["2024-05-01 12:00:00", "2024-05-01 09:00:00", "2024-05-02 11:00:00", nil])),
            ("satisfaction", Fixture.ints([5, 9, 3, 5])),
        ])
        let result = ServiceAnalysis.run(AnalysisInput(tickets: tickets), AnalysisParameters(asOf: Fixture.day("2024-06-30")))
        let all = result.table("service")!.rows()[0]
        #expect(all[2] == "3")                    // the July ticket is after as-of
        #expect(all[3] == "1.5" && all[4] == "1.9")  // median/p90 of {2 h, 1 h}; the negative time is dropped
        #expect(all[10] == "2" && all[11] == "4" && all[12] == "0.5")
        #expect(result.notes.contains { $0.contains("outside 1–5") })
        #expect(result.notes.contains { $0.contains("before creation") })
    }
}
