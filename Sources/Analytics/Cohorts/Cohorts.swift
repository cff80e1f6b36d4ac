import Columns

/// Monthly acquisition cohorts (cohort analysis in the sense of N. D. Glenn, *Cohort Analysis*,
/// Sage, 2nd ed. 2005, applied to customers grouped by acquisition month — the retention "triangle"):
/// a customer's cohort is the calendar month of their first order; for each cohort and each
/// k = 0, 1, … months since that month (up to as-of's month), the table gives the customers with at
/// least one order in month cohort + k and the revenue of those orders — as counts and as rates:
/// retention_rate = customers / cohort_size, revenue_retention = revenue / revenue in month 0.
///
/// Table `cohorts`: one row per (cohort, months_since), cohorts ascending, complete triangle
/// (months without activity are rows of zeros).
public enum CohortAnalysis {
    /// Cohorts are limited to the last 600 months (50 years) before as-of, so a corrupt date in
    /// year 1 cannot make the triangle quadratic in the millennia.
    public static let maxMonths: Int32 = 600

    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters) -> AnalysisResult {
        let facts = OrderFacts(orders: input.orders, customers: input.customers, asOf: parameters.asOf, excludedStatuses: parameters.rfm.excludedOrderStatuses)
        var result = run(facts, parameters)
        result.notes = facts.notes + result.notes
        return result
    }

    public static func run(_ facts: OrderFacts, _ parameters: AnalysisParameters) -> AnalysisResult {
        var notes: [String] = []
        let lastMonth = MonthIndex.of(day: parameters.asOf)
        var minDay = parameters.asOf
        for c in 0..<facts.customerCount where !facts.orders(of: c).isEmpty {
            minDay = min(minDay, facts.day[facts.offsets[c]])
        }
        var firstMonth = MonthIndex.of(day: minDay)
        if lastMonth - firstMonth + 1 > maxMonths {
            firstMonth = lastMonth - maxMonths + 1
            notes.append("cohorts: orders span more than \(maxMonths) months; cohorts before \(MonthIndex.label(firstMonth)) are left out")
        }
        let span = Int(lastMonth - firstMonth + 1)
        // Days from the first cohort month on; earlier customers are outside the triangle.
        let lo = max(minDay, Int32(CivilDate.days(year: Int(firstMonth) / 12, month: Int(firstMonth) % 12 + 1, day: 1)))
        let monthOfDay = MonthIndex.table(lo: lo, hi: parameters.asOf)
        var size = [Int](repeating: 0, count: span)
        var active = [Int](repeating: 0, count: span * span)
        var revenue = [Double](repeating: 0, count: span * span)
        facts.day.withUnsafeBufferPointer { day in
            facts.amount.withUnsafeBufferPointer { amount in
                for c in 0..<facts.customerCount {
                    let range = facts.orders(of: c)
                    guard !range.isEmpty, day[range.lowerBound] >= lo else { continue }
                    let cohort = Int(monthOfDay[Int(day[range.lowerBound] - lo)] - firstMonth)
                    size[cohort] += 1
                    var previous = -1
                    for i in range {
                        let k = Int(monthOfDay[Int(day[i] - lo)] - firstMonth) - cohort
                        let cell = cohort * span + k
                        if k != previous { active[cell] += 1; previous = k }
                        revenue[cell] += amount[i]
                    }
                }
            }
        }
        var cohortLabel: [String?] = [], monthsSince: [Int] = [], cohortSize: [Int] = []
        var customers: [Int] = [], rate: [Double?] = [], rev: [Double] = [], revRate: [Double?] = []
        for cohort in 0..<span where size[cohort] > 0 {
            let label = MonthIndex.label(firstMonth + Int32(cohort))
            let base = revenue[cohort * span]
            for k in 0..<(span - cohort) {
                let cell = cohort * span + k
                cohortLabel.append(label)
                monthsSince.append(k)
                cohortSize.append(size[cohort])
                customers.append(active[cell])
                rate.append(Double(active[cell]) / Double(size[cohort]))
                rev.append(revenue[cell])
                revRate.append(base > 0 ? revenue[cell] / base : nil)
            }
        }
        if cohortLabel.isEmpty { notes.append("cohorts: no orders on or before as-of; no cohorts") }
        let table = ResultColumns.table("cohorts", [
            ("cohort", ResultColumns.strings(cohortLabel)),
            ("months_since", ResultColumns.ints(monthsSince)),
            ("cohort_size", ResultColumns.ints(cohortSize)),
            ("customers", ResultColumns.ints(customers)),
            ("retention_rate", ResultColumns.doubles(rate)),
            ("revenue", ResultColumns.doubles(rev)),
            ("revenue_retention", ResultColumns.doubles(revRate)),
        ])
        return AnalysisResult(tables: [("cohorts", table)], notes: notes)
    }
}
