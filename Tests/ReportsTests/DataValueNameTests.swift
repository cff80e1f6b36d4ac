import Testing
@testable import Reports

@Suite struct DataValueNameTests {
    static let segments: [(String, ReportLanguage, String)] = [
        ("Champions", .zh, "冠军客户"), ("Can't Lose Them", .zh, "不能失去"), ("Lost", .zh, "已流失"),
        ("Champions", .en, "Champions"), ("重要价值客户", .zh, "重要价值客户"), ("Custom VIP", .zh, "Custom VIP"),
    ]

    @Test(arguments: segments)
    func segmentNamesFollowTheLanguage(_ c: (String, ReportLanguage, String)) {
        #expect(SegmentName.text(c.0, c.1) == c.2)
    }

    @Test func everySegmentOfTheElevenMapHasAChineseName() {
        let map = ["Champions", "Loyal", "Potential Loyalist", "New", "Promising", "Need Attention", "About to Sleep",
                   "At Risk", "Can't Lose Them", "Hibernating", "Lost"]
        for name in map { #expect(SegmentName.text(name, .zh) != name, "\(name)") }
        #expect(Set(map.map { SegmentName.text($0, .zh) }).count == map.count, "Chinese names are distinct")
    }

    static let priorities: [(String, ReportLanguage, String)] = [
        ("urgent", .zh, "紧急"), ("High", .zh, "高"), ("normal", .zh, "中"), ("low", .zh, "低"),
        ("紧急", .zh, "紧急"), ("P1", .zh, "P1"), ("urgent", .en, "urgent"),
    ]

    @Test(arguments: priorities)
    func priorityNamesFollowTheLanguage(_ c: (String, ReportLanguage, String)) {
        #expect(PriorityName.text(c.0, c.1) == c.2)
    }

    @Test func prioritiesSortBySeverityNotAlphabet() {
        let sorted = ["low", "P9", "normal", "urgent", "high"].sorted { PriorityName.severityRank($0) < PriorityName.severityRank($1) }
        #expect(sorted == ["urgent", "high", "normal", "low", "P9"])
    }
}
