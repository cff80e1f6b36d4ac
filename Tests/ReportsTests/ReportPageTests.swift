import Foundation
import Testing
@testable import Reports

@Suite struct ReportPageTests {
    @Test(arguments: ReportLanguage.allCases)
    func sameModelGivesByteIdenticalHTML(language: ReportLanguage) {
        let a = ReportPage(model: SampleReport.model, language: language).renderBytes()
        let b = ReportPage(model: SampleReport.model, language: language).renderBytes()
        #expect(a == b)
        #expect(a.count > 10_000)
    }

    @Test(arguments: ReportLanguage.allCases)
    func pageIsSelfContained(language: ReportLanguage) {
        let html = ReportPage(model: SampleReport.model, language: language).render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.htmlLang)\">"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains(" src="))
        #expect(!html.contains("<link"))
        #expect(html.contains("<style>"))
        #expect(html.contains("\"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", sans-serif"))
        #expect(html.contains("@page{size:A4"))
    }

    @Test(arguments: [
        (ReportLanguage.zh, ["客户数", "48,213", "¥1,234.6万", "较去年同期", "销售漏斗", "RFM 客户分群", "高流失风险客户",
                             "回测精度", "8.3%", "同期群留存", "客户服务", "销售业绩排行", "31.8%", "数据质量", "模型参数",
                             "行数核对无误", "2025年12月31日"]),
        (.en, ["Customers", "48,213", "¥12.3M", "vs same period last year", "Sales funnel", "RFM segments",
               "Top customers at risk", "Backtest accuracy", "8.3%", "Cohort retention", "Service", "Rep leaderboard",
               "Data quality", "Model parameters", "Row accounting holds", "Dec 31, 2025"]),
    ])
    func everySectionShowsItsFigures(language: ReportLanguage, expected: [String]) {
        let html = ReportPage(model: SampleReport.model, language: language).render()
        for e in expected { #expect(html.contains(e), "missing \(e)") }
    }

    @Test func figuresLinkToTheirCSV() {
        let html = ReportPage(model: SampleReport.model, language: .en).render()
        for csv in ["customers.csv", "orders.csv", "churn.csv", "funnel.csv", "segments.csv", "forecast.csv",
                    "cohorts.csv", "service.csv", "performance.csv", "data_quality.csv", "quarantine.csv"] {
            #expect(html.contains("href=\"\(csv)\""), "no link to \(csv)")
        }
    }

    @Test(arguments: [
        (ReportLanguage.zh, ["数据中没有商机。", "数据中没有订单，无法分群。", "数据中没有工单。", "数据中没有可预测的时间序列。",
                             "本次运行没有拟合模型。", "没有数据来源的记录。", "数据中没有"]),
        (.en, ["No opportunities in the data.", "No orders in the data, so no segments.", "No tickets in the data.",
               "No time series to forecast in the data.", "No models were fitted in this run.", "not in the data"]),
    ])
    func missingSectionsSaySo(language: ReportLanguage, notes: [String]) {
        let model = ReportModel(meta: SampleReport.model.meta)
        let html = ReportPage(model: model, language: language).render()
        for n in notes { #expect(html.contains(n), "missing note \(n)") }
        for id in ["funnel", "segments", "at-risk", "forecast", "cohorts", "service", "performance", "data-quality", "models"] {
            #expect(html.contains("<section id=\"\(id)\""), "section \(id) disappeared")
        }
    }

    @Test func serviceWithZeroTicketsCountsAsMissing() {
        var model = SampleReport.model
        model.service = ServiceSection(total: .init(group: "", tickets: 0), rows: [])
        #expect(ReportPage(model: model, language: .en).render().contains("No tickets in the data."))
    }

    @Test func brokenRowAccountingIsShownLoudly() {
        var model = SampleReport.model
        model.dataQuality?.sources[0].loaded -= 1
        let html = ReportPage(model: model, language: .en).render()
        #expect(html.contains("class=\"warn\">Row accounting does NOT hold"))
    }

    static let hostile = [
        "<script>alert(1)</script>", "\" onerror=\"alert(1)", "=HYPERLINK(\"http://evil\",\"x\")",
        "abc\u{202E}fed", "nul\u{0}byte", String(repeating: "长", count: 10_000), "</style><script>x</script>",
        "javascript:alert(1)",
    ]

    static func hostileModel() -> ReportModel {
        var m = SampleReport.model
        m.meta.subtitle = hostile[0]
        m.meta.scope = hostile[1]
        m.funnel?.stages[0].name = hostile[6]
        m.segments?.segments[0].name = hostile[1]
        m.atRisk?.customers = hostile.enumerated().map { i, h in
            .init(customerID: h, name: h, owner: h, pAlive: 0.1, expectedPurchases: 0.1, clv: Double(i))
        }
        m.atRisk?.csv = hostile[7]
        m.forecast?.seriesName = hostile[0]
        m.forecast?.modelName = hostile[3]
        m.performance?.reps[0].owner = hostile[5]
        m.dataQuality?.sources[0].source = hostile[4]
        m.kpis.customers?.csv = "../../etc/passwd"
        m.models[0].parameters[0].name = hostile[2]
        return m
    }

    @Test(arguments: ReportLanguage.allCases)
    func hostileValuesComeOutInert(language: ReportLanguage) {
        let html = ReportPage(model: Self.hostileModel(), language: language).render()
        #expect(!html.contains("<script"))
        #expect(!html.contains(/<[^>]*\son[a-z]+=/))
        #expect(!html.contains("\u{202E}"))
        #expect(!html.contains("\u{0}"))
        #expect(html.contains("&lt;/style&gt;"))
        #expect(html.components(separatedBy: "</style>").count == 2)
        #expect(!html.contains("href=\"javascript"))
        #expect(!html.contains("passwd"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("abcfed"))
        #expect(!html.contains(String(repeating: "长", count: 200)))  // long names are cut for display
        #expect(html.components(separatedBy: "<style>").count == 2)
        #expect(html.components(separatedBy: "</html>").count == 2)
    }

    /// Writes the fixture pages for scripts/render-check.sh when REPORTS_FIXTURE_DIR is set; always
    /// checks they render.
    @Test func writesFixtureWhenAsked() throws {
        let zh = ReportPage(model: SampleReport.model, language: .zh).renderBytes()
        let en = ReportPage(model: SampleReport.model, language: .en).renderBytes()
        #expect(String(decoding: zh, as: UTF8.self).hasSuffix("</html>\n"))
        guard let dir = ProcessInfo.processInfo.environment["REPORTS_FIXTURE_DIR"] else { return }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try AtomicPublisher(target: dir + "/sample").publish([
            ReportFile(name: "index.html", bytes: zh), ReportFile(name: "index-en.html", bytes: en),
            ReportFile(name: "hostile.html", bytes: ReportPage(model: Self.hostileModel(), language: .zh).renderBytes()),
            ReportFile(name: "empty.html", bytes: ReportPage(model: ReportModel(meta: SampleReport.model.meta), language: .en).renderBytes()),
        ])
    }
}
