import Foundation
import Testing
@testable import Reports

@Suite struct ChartTests {
    static let money: @Sendable (Double) -> String = { ReportFormatter(language: .en, currency: "USD").moneyCompact($0) }
    static let share: @Sendable (Double) -> String = { ReportFormatter(language: .en, currency: "USD").percent($0) }

    static var charts: [(String, HTML)] {
        [
            ("bar-h", BarChart(title: "Bars", bars: [.init(label: "a", value: 3), .init(label: "b", value: -1)],
                               orientation: .horizontal, valueText: money).render()),
            ("bar-v", BarChart(title: "Bars", bars: [.init(label: "a", value: 3)], orientation: .vertical,
                               valueText: money).render()),
            ("line", BandLineChart(title: "Line", history: [.init(label: "2025-01", value: 10), .init(label: "2025-02", value: 12)],
                                   forecast: [.init(label: "2025-03", mean: 13, lower80: 11, upper80: 15, lower95: 10, upper95: 16)],
                                   legend: .init(actual: "Actual", forecast: "Forecast", band80: "80%", band95: "95%"),
                                   valueText: money).render()),
            ("funnel", FunnelChart(title: "Funnel", stages: [.init(label: "Lead", count: 10), .init(label: "Won", count: 2)],
                                   countText: { String($0) }, shareText: share).render()),
            ("heatmap", Heatmap(title: "Cohorts", rowLabels: ["2025-01"], columnLabels: ["M0", "M1"], cells: [[1, 0.4]],
                                valueText: share).render()),
            ("donut", DonutChart(title: "Donut", slices: [.init(label: "x", value: 3), .init(label: "y", value: 1)],
                                 otherLabel: "Other", shareText: share).render()),
        ]
    }

    @Test(arguments: charts.map(\.0))
    func everyChartIsAnAccessibleImage(name: String) throws {
        let svg = try #require(Self.charts.first { $0.0 == name }).1.markup
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-label=\""))
        #expect(svg.contains("<title>"))
        #expect(svg.contains("<desc>"))
        #expect(!svg.contains("NaN") && !svg.contains("inf"))
    }

    @Test func degenerateDataStillDraws() {
        let empty = BarChart(title: "t", bars: [], orientation: .horizontal, valueText: Self.money).render().markup
        #expect(empty.contains("<svg"))
        let nan = BarChart(title: "t", bars: [.init(label: "x", value: .nan), .init(label: "y", value: .infinity)],
                           orientation: .vertical, valueText: Self.money).render().markup
        #expect(!nan.contains("NaN"))
        let zeros = DonutChart(title: "t", slices: [.init(label: "x", value: 0)], otherLabel: "o", shareText: Self.share)
        #expect(zeros.shown.isEmpty)
        let one = DonutChart(title: "t", slices: [.init(label: "x", value: 5)], otherLabel: "o", shareText: Self.share)
        #expect(one.render().markup.components(separatedBy: "<path").count == 3)  // a full ring is two halves
        let flat = BandLineChart(title: "t", history: [.init(label: "a", value: 0)], forecast: [],
                                 legend: .init(actual: "a", forecast: "f", band80: "8", band95: "9"), valueText: Self.money)
        #expect(flat.render().markup.contains("<polyline"))
    }

    @Test func donutFoldsTheTailIntoOtherAndOrdersDeterministically() {
        let slices = (0..<10).map { DonutChart.Slice(label: "s\($0)", value: $0 == 3 ? 5 : 1) }
        let chart = DonutChart(title: "t", slices: slices.reversed(), otherLabel: "Other", maxSlices: 4, shareText: Self.share)
        #expect(chart.shown.map(\.label) == ["s3", "s0", "s1", "Other"])
        #expect(chart.shown.last?.value == 7)
    }

    @Test func funnelConversionIsShareOfPreviousStage() {
        let f = FunnelChart(title: "t", stages: [.init(label: "a", count: 200), .init(label: "b", count: 50),
                                                 .init(label: "c", count: 0), .init(label: "d", count: 0)],
                            countText: { String($0) }, shareText: Self.share)
        #expect(f.conversion(0) == nil)
        #expect(f.conversion(1) == 0.25)
        #expect(f.conversion(2) == 0)
        #expect(f.conversion(3) == nil)
    }

    @Test func chartLabelsAreEscaped() {
        let svg = BarChart(title: "<script>", bars: [.init(label: "\"><img src=x onerror=alert(1)>", value: 1)],
                           orientation: .horizontal, valueText: Self.money).render().markup
        #expect(!svg.contains("<script>") && !svg.contains("<img"))
        #expect(svg.contains("&lt;script&gt;"))
    }

    @Test(arguments: [(0.0, "0"), (-0.04, "0"), (1.25, "1.3"), (-1.25, "-1.3"), (100, "100"), (Double.nan, "0")])
    func svgNumbers(value: Double, expected: String) {
        #expect(SVGNumber.format(value) == expected)
    }

    @Test(arguments: [(0.0, "#F7FBFF"), (1.0, "#08306B"), (2.0, "#08306B"), (Double.nan, "#F7FBFF")])
    func sequentialColours(t: Double, expected: String) {
        #expect(ChartPalette.sequential(t) == expected)
    }
}

extension ChartTests {
    /// Two years of monthly cohorts: the grid widens instead of squeezing "100%" into 20 units.
    @Test func largeHeatmapKeepsReadableCells() throws {
        let months = 24
        let cells: [[Double?]] = (0..<months).map { c in (0..<(months - c)).map { $0 == 0 ? 1.0 : 0.3 } }
        let svg = Heatmap(title: "t", rowLabels: (0..<months).map { "2024-\($0)" },
                          columnLabels: (0..<months).map { "第\($0)月" }, cells: cells, valueText: Self.share).render().markup
        let widths = svg.matches(of: /<rect x="[0-9.]+" y="[0-9.]+" width="([0-9.]+)" height="25"/).map { Double($0.1)! }
        #expect(widths.count == months * (months + 1) / 2)
        #expect(widths.allSatisfy { $0 >= Heatmap.minimumCellWidth - 1 })
        // Every month header is shown whole (第23月, not 第23…).
        for m in 0..<months { #expect(svg.contains(">第\(m)月</text>"), "header 第\(m)月") }
        #expect(!svg.contains("…"))
    }
}
