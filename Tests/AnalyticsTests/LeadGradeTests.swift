import Testing
import Columns
@testable import Analytics

@Suite struct LeadGradeTests {
    @Test func handComputedGrades() throws {
        let customers = Fixture.table("customers", [
            ("customer_id", Fixture.strings(["L1", "L2", "L3"])),
            ("name", Fixture.strings(["张三", "Li", "Wang"])), ("email", Fixture.strings(["a@x.cn", "li@x.com", "w@x.com"])),
            ("phone", Fixture.strings(["13800000000", nil, "1"])), ("company", Fixture.strings(["甲公司", "", "C"])),
            ("industry", Fixture.strings(["制造", nil, "retail"])), ("region", Fixture.strings(["华东", nil, nil])),
            ("city", Fixture.strings(["上海", nil, nil])), ("employees", Fixture.ints([250, nil, nil])),
        ])
        let inWindow = "2024-06-01 12:00:00", before = "2024-01-01 12:00:00"
        let interactions = Fixture.table("interactions", [
            ("customer_id", Fixture.strings(["L1", "L1", "L1", "L1", "L1", "L1", "L1", "L2", "L3", "L9"])),
            ("occurred_at", Fixture.timestamps([inWindow, inWindow, inWindow, inWindow, inWindow, inWindow, before, inWindow, inWindow, inWindow])),
        ])
        let members = Fixture.table("campaign_members", [
            ("campaign_id", Fixture.strings(["K", "K"])), ("customer_id", Fixture.strings(["L1", "L3"])),
            ("responded_at", Fixture.timestamps([inWindow, inWindow])),
        ])
        let result = LeadGradeAnalysis.run(AnalysisInput(customers: customers, interactions: interactions, campaignMembers: members),
                                           AnalysisParameters(asOf: Fixture.day("2024-06-30")))
        let t = result.table("lead_grades")!
        #expect(t.texts("interactions") == ["6", "1", "1"])
        #expect(t.texts("responses") == ["1", "0", "1"])
        #expect(t.texts("grade") == ["A", "C", "B"])
        // L1: engagement 60 + 20 = 80, fit 70·1 + 30·0.75 = 92.5, score 0.6·80 + 0.4·92.5 = 85.
        // L2: engagement 12, fit 100·2/7, score 7.2 + 0.4·200/7. L3: engagement 12 + 20, fit 100·5/7.
        let expected: [Double] = [85, 0.6 * 12 + 0.4 * (200.0 / 7), 0.6 * 32 + 0.4 * (500.0 / 7)]
        for (g, e) in zip(t.doubleValues("score"), expected) { #expect(abs(g! - e) < 1e-9) }
        #expect(result.table("lead_grade_summary")!.texts("customers") == ["1", "1", "1"])
        let formula = result.table("lead_grade_formula")!.texts("formula")[0]!
        #expect(formula.contains("score = 0.6·engagement + 0.4·fit") && formula.contains("A if score ≥ 70"))
    }

    @Test(arguments: [(0.0, 0.0), (9, 0), (10, 0.25), (50, 0.5), (199, 0.5), (200, 0.75), (1000, 1), (1e9, 1)])
    func sizeScore(employees: Double, score: Double) {
        #expect(LeadGradeAnalysis.sizeScore(employees) == score)
    }
}
