import Foundation
import Testing
@testable import Reports

/// Axes that count customers or orders: with small counts a 0.2 step read `0 0 0 1 1 1` once the
/// count formatter rounded each tick.
@Suite struct CountAxisTicksTests {
    @Test(arguments: [
        (1.0, [0.0, 1]),
        (2.0, [0.0, 1, 2]),
        (3.0, [0.0, 1, 2, 3]),
        (7.0, [0.0, 2, 4, 6, 8]),
        (0.0, [0.0, 1]),
        (0.4, [0.0, 1]),
        (97.0, [0.0, 20, 40, 60, 80, 100]),
        (1_234.0, [0.0, 500, 1_000, 1_500]),
        (2_500_000.0, [0.0, 1_000_000, 2_000_000, 3_000_000]),
    ])
    func integerStepsGiveWholeTicks(max: Double, expected: [Double]) {
        let s = NiceScale(min: 0, max: max, integerSteps: true)
        #expect(s.ticks == expected)
        #expect(s.step >= 1)
        #expect(s.upper >= max)
    }

    @Test(arguments: [(-3.0, 2.0), (-1.0, 0.0), (Double.nan, Double.infinity)])
    func integerStepsHoldForNegativeAndDegenerateRanges(min: Double, max: Double) {
        let s = NiceScale(min: min, max: max, integerSteps: true)
        #expect(s.ticks.allSatisfy { $0 == $0.rounded() })
        #expect(s.ticks.count >= 2)
    }

    /// Without `integerSteps` the scale is unchanged: money and shares still get 0.2 steps.
    @Test func fractionalScalesStayAvailable() {
        #expect(NiceScale(min: 0, max: 1).step == 0.2)
    }

    @Test(arguments: [
        (0.0, "0", "0"), (1.0, "1", "1"), (0.2, "0.2", "0.2"), (0.25, "0.25", "0.25"), (-0.5, "-0.5", "-0.5"),
        (2.5, "2.5", "2.5"), (0.001, "0", "0"), (1_500.0, "1,500", "1.5K"), (15_000.0, "1.5万", "15K"),
        (Double.nan, "–", "–"),
    ])
    func countTickNeverRoundsAFractionAway(value: Double, zh: String, en: String) {
        #expect(ReportFormatter(language: .zh, currency: "CNY").countTick(value) == zh)
        #expect(ReportFormatter(language: .en, currency: "USD").countTick(value) == en)
    }

    /// The segment chart as the report draws it: the tick labels under the bars are distinct.
    @Test(arguments: [[1.0], [1.0, 1, 0], [2.0, 1], [3.0], [7.0, 2], [120.0, 3]])
    func countBarChartTickLabelsAreDistinct(values: [Double]) throws {
        let fmt = ReportFormatter(language: .en, currency: "USD")
        let chart = BarChart(title: "Customers", bars: values.enumerated().map { .init(label: "s\($0.offset)", value: $0.element) },
                             orientation: .horizontal, countsAxis: true, tickText: { fmt.countTick($0) },
                             valueText: { fmt.count(Int($0)) })
        let ticks = chart.scale.ticks.map { fmt.countTick($0) }
        #expect(Set(ticks).count == ticks.count, "ticks \(ticks)")
        let markup = chart.render().markup
        for t in ticks { #expect(markup.contains(">\(t)</text>")) }
    }
}
