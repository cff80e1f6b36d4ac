import Columns
@testable import Reports

/// A realistic report model with Chinese and English data, used by the page tests and rendered by
/// scripts/render-check.sh (through `ReportPageTests.writesFixtureWhenAsked`).
enum SampleReport {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int32 { Int32(CivilDate.days(year: y, month: m, day: d)) }

    static var model: ReportModel {
        ReportModel(
            meta: ReportMeta(subtitle: "nightly 华东 & East", asOf: day(2025, 12, 31), periodStart: day(2025, 12, 1),
                             currency: "CNY"),
            kpis: KPIs(
                customers: Metric(48_213, previous: 46_950, csv: "customers.csv"),
                activeCustomers: Metric(12_877, previous: 13_402, csv: "segments.csv"),
                newCustomers: Metric(1_263, previous: 1_104, csv: "customers.csv"),
                revenue: Metric(12_345_678.9, previous: 10_998_000, comparedTo: .samePeriodLastYear, csv: "orders.csv"),
                winRate: Metric(0.284, previous: 0.301, csv: "funnel.csv"),
                customersAtRisk: Metric(2_318, previous: 2_105, csv: "churn.csv"),
                csat: Metric(4.37, previous: 4.21, csv: "service.csv")),
            funnel: FunnelSection(
                stages: [
                    .init(name: "线索 Lead", reached: 5_200, medianDaysInStage: 3),
                    .init(name: "已确认 Qualified", reached: 2_950, medianDaysInStage: 6.5),
                    .init(name: "方案 Proposal", reached: 1_480, medianDaysInStage: 9),
                    .init(name: "谈判 Negotiation", reached: 760, medianDaysInStage: 12),
                    .init(name: "赢单 Won", reached: 431),
                ], winRate: 0.284, csv: "funnel.csv"),
            segments: SegmentSection(
                segments: [
                    .init(name: "重要价值客户", customers: 3_120, revenue: 48_200_000, meanRecencyDays: 18, meanFrequency: 9.4, meanMonetary: 15_448.7),
                    .init(name: "重要发展客户", customers: 4_870, revenue: 21_300_000, meanRecencyDays: 25, meanFrequency: 3.1, meanMonetary: 4_373.7),
                    .init(name: "重要保持客户", customers: 2_410, revenue: 18_900_000, meanRecencyDays: 96, meanFrequency: 7.8, meanMonetary: 7_842.3),
                    .init(name: "重要挽留客户", customers: 3_880, revenue: 12_700_000, meanRecencyDays: 188, meanFrequency: 2.2, meanMonetary: 3_273.2),
                    .init(name: "一般价值客户", customers: 6_020, revenue: 6_100_000, meanRecencyDays: 21, meanFrequency: 5.6, meanMonetary: 1_013.3),
                    .init(name: "一般发展客户", customers: 11_460, revenue: 4_900_000, meanRecencyDays: 30, meanFrequency: 1.4, meanMonetary: 427.6),
                    .init(name: "一般保持客户", customers: 5_300, revenue: 2_600_000, meanRecencyDays: 120, meanFrequency: 4.0, meanMonetary: 490.6),
                    .init(name: "一般挽留客户", customers: 11_153, revenue: 1_900_000, meanRecencyDays: 260, meanFrequency: 1.1, meanMonetary: 170.4),
                ], csv: "segments.csv"),
            atRisk: AtRiskSection(
                customers: [
                    .init(customerID: "C-000187", name: "上海宏远贸易有限公司", owner: "王芳", lastOrder: day(2025, 6, 3), pAlive: 0.12, expectedPurchases: 0.08, clv: 86_400),
                    .init(customerID: "C-004512", name: "Acme Industrial Co., Ltd.", owner: "Li Na", lastOrder: day(2025, 5, 17), pAlive: 0.18, expectedPurchases: 0.15, clv: 64_210.5),
                    .init(customerID: "C-010033", name: "杭州云栖科技股份有限公司", owner: "张伟", lastOrder: day(2025, 7, 29), pAlive: 0.23, expectedPurchases: 0.21, clv: 51_900),
                    .init(customerID: "C-002290", name: "Brightline Foods (苏州)", owner: "王芳", lastOrder: day(2025, 4, 11), pAlive: 0.27, expectedPurchases: 0.26, clv: 40_050),
                    .init(customerID: "C-007781", name: "南京恒通物流", owner: nil, lastOrder: nil, pAlive: 0.31, expectedPurchases: 0.3, clv: nil),
                ], horizonDays: 90, csv: "churn.csv"),
            forecast: ForecastSection(
                seriesName: "月收入 monthly revenue", isMoney: true,
                history: (0..<18).map { i in
                    let season = [0.9, 0.85, 1.0, 1.02, 1.05, 1.1, 0.95, 0.92, 1.0, 1.08, 1.2, 1.35][(i + 6) % 12]
                    return .init(period: day(2024 + (i + 6) / 12, (i + 6) % 12 + 1, 1), value: (8_000_000 + Double(i) * 180_000) * season)
                },
                forecast: (0..<6).map { h in
                    let mean = 11_900_000 + Double(h) * 150_000
                    let w80 = 600_000 + Double(h) * 160_000, w95 = w80 * 1.53
                    return .init(period: day(2026, h + 1, 1), mean: mean, lower80: mean - w80, upper80: mean + w80, lower95: mean - w95, upper95: mean + w95)
                },
                modelName: "ETS(A,A,M)", smape: 0.083, mase: 0.71, backtestFolds: 6, weightedPipeline: 9_870_000, csv: "forecast.csv"),
            cohorts: CohortSection(
                cohorts: (0..<8).map { c in
                    .init(month: day(2025, c + 5, 1), size: 900 + c * 37,
                          retention: (0..<(8 - c)).map { m in m == 0 ? 1.0 : 0.42 * pow085(m) + 0.05 })
                }, csv: "cohorts.csv"),
            service: ServiceSection(
                total: .init(group: "", tickets: 3_482, medianFirstResponseHours: 2.4, medianResolutionHours: 31.5, slaBreachRate: 0.062, csat: 4.37),
                rows: [
                    .init(group: "电话 Phone", tickets: 1_410, medianFirstResponseHours: 0.4, medianResolutionHours: 18, slaBreachRate: 0.031, csat: 4.52),
                    .init(group: "邮件 Email", tickets: 1_122, medianFirstResponseHours: 5.8, medianResolutionHours: 52, slaBreachRate: 0.094, csat: 4.18),
                    .init(group: "微信 WeChat", tickets: 950, medianFirstResponseHours: 1.1, medianResolutionHours: 27, slaBreachRate: 0.058, csat: 4.41),
                ], csv: "service.csv"),
            performance: PerformanceSection(
                reps: [
                    .init(owner: "王芳", revenue: 3_420_000, wonDeals: 88, winRate: 0.34, medianCycleDays: 41),
                    .init(owner: "Li Na", revenue: 2_980_500, wonDeals: 71, winRate: 0.31, medianCycleDays: 38),
                    .init(owner: "张伟", revenue: 2_310_000, wonDeals: 64, winRate: 0.29, medianCycleDays: 45),
                    .init(owner: "刘洋", revenue: 1_870_200, wonDeals: 52, winRate: 0.27, medianCycleDays: 50),
                    .init(owner: "Chen Jing", revenue: 1_205_000, wonDeals: 37, winRate: 0.22, medianCycleDays: 57),
                    .init(owner: "赵磊", revenue: 560_000, wonDeals: 19, winRate: 0.18, medianCycleDays: 63),
                ], top10CustomerShare: 0.318, csv: "performance.csv"),
            dataQuality: DataQualitySection(
                sources: [
                    .init(source: "sample-data/csv/customers.csv", table: "customers", rowsIn: 50_120, loaded: 49_987, quarantined: 133),
                    .init(source: "sample-data/export.sqlite · orders", table: "orders", rowsIn: 412_338, loaded: 412_301, quarantined: 37),
                    .init(source: "销售易导出/商机.xlsx", table: "opportunities", rowsIn: 5_231, loaded: 5_200, quarantined: 31),
                ], mergedRecords: 1_774, goldenRecords: 48_213, csv: "data_quality.csv", quarantineCSV: "quarantine.csv"),
            models: [
                .init(model: "BG/NBD", parameters: [.init(name: "r", value: 0.2426), .init(name: "α", value: 4.4136),
                                                    .init(name: "a", value: 0.7929), .init(name: "b", value: 2.4259)],
                      logLikelihood: -9582.43, converged: true),
                .init(model: "Gamma-Gamma", parameters: [.init(name: "p", value: 6.2502), .init(name: "q", value: 3.7444),
                                                         .init(name: "v", value: 15.4437)], logLikelihood: -4125.8, converged: true),
                .init(model: "ETS(A,A,M)", parameters: [.init(name: "α", value: 0.3120), .init(name: "β", value: 0.0000412),
                                                        .init(name: "γ", value: 0.1005)], logLikelihood: -251.2, converged: true),
            ])
    }

    private static func pow085(_ m: Int) -> Double {
        var v = 1.0
        for _ in 0..<m { v *= 0.85 }
        return v
    }
}
