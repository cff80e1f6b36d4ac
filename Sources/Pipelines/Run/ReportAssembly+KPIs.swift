import Analytics
import Columns
import Reports

extension ReportAssembly {
    /// The tiles: each figure from the same tables its drill-down CSV holds.
    func kpis(periodStart: Int32) -> KPIs {
        var k = KPIs()
        if let customers = tables[.customers] {
            k.customers = Metric(Double(customers.rowCount), csv: "lifecycle_summary.csv")
            k.newCustomers = newCustomers(customers, periodStart: periodStart)
        }
        if let summary = outputs.table("lifecycle_summary") {
            let active = ["new", "active"].compactMap { s in summary.rows(where: "stage", is: s).first.flatMap { summary.integer("customers", $0) } }
            if !active.isEmpty { k.activeCustomers = Metric(Double(active.reduce(0, +)), csv: "lifecycle.csv") }
        }
        if let orders = tables[.orders] { k.revenue = revenue(orders, periodStart: periodStart) }
        if let s = outputs.table("funnel_summary"), s.rowCount > 0, let w = s.number("win_rate", 0) {
            k.winRate = Metric(w, csv: "funnel_summary.csv")
        }
        if let s = outputs.table("churn_summary"), let high = s.rows(where: "risk_band", is: "high").first, let n = s.integer("customers", high) {
            k.customersAtRisk = Metric(Double(n), csv: "churn.csv")
        }
        if let t = outputs.table("service"), let all = t.rows(where: "dimension", is: "all").first, let c = t.number("csat_mean", all) {
            k.csat = Metric(c, csv: "service.csv")
        }
        return k
    }

    /// Revenue from the first of the as-of month to as-of, against the same days a year earlier;
    /// orders whose status is not revenue (cancelled, quotations…) excluded as in every customer-level analysis.
    func revenue(_ orders: Table, periodStart: Int32) -> Metric? {
        guard case .date(let day)? = orders["order_date"], case .double(let amount)? = orders["amount"] else { return nil }
        let excluded = Set((config.rfm.excludedOrderStatuses ?? OrderFacts.nonRevenueStatuses).map { $0.lowercased() })
        let status = orders["status"]?.strings
        // A handful of statuses over millions of orders: decided once per dictionary entry.
        var excludedEntry: [Bool] = [], entryOfRow: [Int32] = []
        if let status, case .dictionary(let codes, let entries) = status.storage {
            excludedEntry = (0..<entries.count).map { excluded.contains(entries[$0].lowercased()) }
            entryOfRow = codes
        }
        func isExcluded(_ r: Int) -> Bool {
            guard let status, status.validity.isValid(r) else { return false }
            if !entryOfRow.isEmpty { return excludedEntry[Int(entryOfRow[r])] }
            return status[r].map { excluded.contains($0.lowercased()) } ?? false
        }
        let (y, m, d) = CivilDate.civil(fromDays: Int(periodStart))
        let lastYearStart = Int32(CivilDate.days(year: y - 1, month: m, day: d))
        let span = asOf - periodStart
        var now = 0.0, before = 0.0
        for r in 0..<orders.rowCount where day.validity.isValid(r) && amount.validity.isValid(r) {
            if isExcluded(r) { continue }
            let v = day.values[r]
            if v >= periodStart && v <= asOf { now += amount.values[r] }
            else if v >= lastYearStart && v <= lastYearStart + span { before += amount.values[r] }
        }
        return Metric(now, previous: before, comparedTo: .samePeriodLastYear, csv: "top_customers.csv")
    }

    /// Customers created this period, against the period before of the same length.
    func newCustomers(_ customers: Table, periodStart: Int32) -> Metric? {
        guard case .timestamp(let created)? = customers["created_at"] else { return nil }
        let start = Int64(periodStart) * 86_400, end = (Int64(asOf) + 1) * 86_400
        let previousStart = start - (end - start)
        var now = 0, before = 0
        for r in 0..<customers.rowCount where created.validity.isValid(r) {
            let t = created.values[r]
            if t >= start && t < end { now += 1 } else if t >= previousStart && t < start { before += 1 }
        }
        return Metric(Double(now), previous: Double(before), comparedTo: .previousPeriod, csv: nil)
    }
}
