import Testing
@testable import Reports

@Suite struct ReportFormatterTests {
    static let zh = ReportFormatter(language: .zh, currency: "CNY")
    static let en = ReportFormatter(language: .en, currency: "USD")

    @Test(arguments: [
        (0.0, "¥0", "$0"),
        (56.4, "¥56", "$56"),
        (999.5, "¥1,000", "$1.0K"),
        (9_876.0, "¥9,876", "$9.9K"),
        (9_999.6, "¥1.0万", "$10.0K"),
        (12_345_678.9, "¥1,234.6万", "$12.3M"),
        (99_999_999.0, "¥1.00亿", "$100.0M"),
        (321_000_000.0, "¥3.21亿", "$321.0M"),
        (1_234_000_000.0, "¥12.34亿", "$1.2B"),
        (-45_000.0, "-¥4.5万", "-$45.0K"),
        (Double.nan, "–", "–"),
        (Double.infinity, "–", "–"),
    ])
    func compactMoney(value: Double, zh: String, en: String) {
        #expect(Self.zh.moneyCompact(value) == zh)
        #expect(Self.en.moneyCompact(value) == en)
    }

    @Test(arguments: [
        (1234.5, "¥1,234.50", "$1,234.50"),
        (0.005, "¥0.01", "$0.01"),
        (-0.001, "¥0.00", "$0.00"),
        (-1234567.891, "-¥1,234,567.89", "-$1,234,567.89"),
    ])
    func fullMoney(value: Double, zh: String, en: String) {
        #expect(Self.zh.money(value) == zh)
        #expect(Self.en.money(value) == en)
    }

    @Test(arguments: [
        (0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (48_213, "48,213"), (1_234_567, "1,234,567"),
        (-1_234_567, "-1,234,567"), (Int.max, "9,223,372,036,854,775,807"),
    ])
    func counts(value: Int, expected: String) {
        #expect(Self.zh.count(value) == expected)
        #expect(Self.en.count(value) == expected)
    }

    @Test(arguments: [(12_345.0, "1.2万", "12.3K"), (123.0, "123", "123"), (250_000_000.0, "2.50亿", "250.0M")])
    func compactCounts(value: Double, zh: String, en: String) {
        #expect(Self.zh.countCompact(value) == zh)
        #expect(Self.en.countCompact(value) == en)
    }

    @Test(arguments: [
        (0.1234, "12.3%"), (1.0, "100.0%"), (0.0, "0.0%"), (0.00049, "0.0%"), (-0.25, "-25.0%"), (Double.nan, "–"),
    ])
    func percentages(share: Double, expected: String) {
        #expect(Self.zh.percent(share) == expected)
        #expect(Self.en.percent(share) == expected)
    }

    @Test(arguments: [(0.123, "+12.3%"), (-0.04, "-4.0%"), (0.0, "0.0%"), (0.00001, "0.0%")])
    func signedPercentages(change: Double, expected: String) {
        #expect(Self.en.signedPercent(change) == expected)
    }

    @Test(arguments: [(0.021, "+2.1个百分点", "+2.1 pp"), (-0.017, "-1.7个百分点", "-1.7 pp"), (0, "0.0个百分点", "0.0 pp")])
    func percentagePoints(delta: Double, zh: String, en: String) {
        #expect(Self.zh.percentagePoints(delta) == zh)
        #expect(Self.en.percentagePoints(delta) == en)
    }

    @Test(arguments: [
        (2025, 3, 5, "2025年3月5日", "Mar 5, 2025", "2025年3月", "Mar 2025"),
        (1999, 12, 31, "1999年12月31日", "Dec 31, 1999", "1999年12月", "Dec 1999"),
        (2024, 2, 29, "2024年2月29日", "Feb 29, 2024", "2024年2月", "Feb 2024"),
    ])
    func dates(y: Int, m: Int, d: Int, zhDate: String, enDate: String, zhMonth: String, enMonth: String) {
        let day = SampleReport.day(y, m, d)
        #expect(Self.zh.date(day) == zhDate)
        #expect(Self.en.date(day) == enDate)
        #expect(Self.zh.month(day) == zhMonth)
        #expect(Self.en.month(day) == enMonth)
    }

    @Test(arguments: [(2.4, "2.4小时", "2.4 h"), (31.5, "31.5小时", "31.5 h"), (52, "2.2天", "2.2 d")])
    func durations(hours: Double, zh: String, en: String) {
        #expect(Self.zh.duration(hours: hours) == zh)
        #expect(Self.en.duration(hours: hours) == en)
    }

    @Test(arguments: [
        (0.2426, "0.2426"), (4.41362, "4.414"), (-9582.43, "-9,582"), (0.0000412, "4.120e-5"), (0, "0"),
        (123_456.7, "123,457"), (5e12, "5.000e12"), (9.99996e-6, "1.000e-5"),
    ])
    func parameters(value: Double, expected: String) {
        #expect(Self.en.parameter(value) == expected)
    }

    @Test(arguments: [("CNY", "¥"), ("usd", "$"), ("EUR", "€"), ("CHF", "CHF "), ("", "")])
    func currencySymbols(code: String, symbol: String) {
        #expect(ReportFormatter.symbol(forCurrency: code) == symbol)
    }
}

extension ReportFormatterTests {
    @Test(arguments: [
        (15_000_000.0, "¥1,500万", "$15M"), (0.0, "¥0", "$0"), (250_000_000.0, "¥2.50亿", "$250M"), (1_500.0, "¥1,500", "$1.5K"),
        (12_345.0, "¥1.2万", "$12.3K"),
    ])
    func axisTicksDropZeroDecimals(value: Double, zh: String, en: String) {
        #expect(Self.zh.moneyTick(value) == zh)
        #expect(Self.en.moneyTick(value) == en)
    }
}
