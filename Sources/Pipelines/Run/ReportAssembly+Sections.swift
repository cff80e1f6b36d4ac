import Analytics
import Columns
import Reports

extension ReportAssembly {
    func funnelSection() -> FunnelSection? {
        guard let funnel = outputs.table("funnel"), funnel.rowCount > 0 else { return nil }
        let stages = (0..<funnel.rowCount).map { r in
            FunnelSection.Stage(name: funnel.text("stage", r) ?? "", reached: funnel.integer("reached", r) ?? 0,
                                medianDaysInStage: funnel.number("median_days_in_stage", r))
        }
        let winRate = outputs.table("funnel_summary").flatMap { $0.rowCount > 0 ? $0.number("win_rate", 0) : nil }
        return FunnelSection(stages: stages, winRate: winRate, csv: "funnel.csv")
    }

    /// The 11-segment map with each segment's mean R, F and M, from the per-customer scores.
    func segmentSection() -> SegmentSection? {
        guard let summary = outputs.table("rfm_segments"), let rfm = outputs.table("rfm"), summary.rowCount > 0 else { return nil }
        var sums: [String: (n: Double, r: Double, f: Double, m: Double)] = [:]
        for row in 0..<rfm.rowCount {
            guard let s = rfm.text("segment", row) else { continue }
            var acc = sums[s] ?? (0, 0, 0, 0)
            acc.n += 1
            acc.r += rfm.number("recency_days", row) ?? 0
            acc.f += rfm.number("frequency", row) ?? 0
            acc.m += rfm.number("monetary", row) ?? 0
            sums[s] = acc
        }
        let segments = (0..<summary.rowCount).compactMap { r -> SegmentSection.Segment? in
            guard let name = summary.text("segment", r) else { return nil }
            let acc = sums[name] ?? (0, 0, 0, 0)
            let n = max(acc.n, 1)
            return .init(name: name, customers: summary.integer("customers", r) ?? 0, revenue: summary.number("revenue", r) ?? 0,
                         meanRecencyDays: acc.r / n, meanFrequency: acc.f / n, meanMonetary: acc.m / n)
        }
        return SegmentSection(segments: segments, csv: "rfm_segments.csv")
    }

    /// Retention by acquisition month × months since, as shares of the cohort.
    func cohortSection() -> CohortSection? {
        guard let t = outputs.table("cohorts"), t.rowCount > 0 else { return nil }
        var order: [String] = []
        var byCohort: [String: (size: Int, retention: [Int: Double])] = [:]
        for r in 0..<t.rowCount {
            guard let c = t.text("cohort", r), let k = t.integer("months_since", r) else { continue }
            if byCohort[c] == nil { order.append(c); byCohort[c] = (t.integer("cohort_size", r) ?? 0, [:]) }
            byCohort[c]!.retention[k] = t.number("retention_rate", r)
        }
        let cohorts = order.suffix(24).compactMap { c -> CohortSection.Cohort? in
            guard let entry = byCohort[c], let month = monthStart(c) else { return nil }
            let last = entry.retention.keys.max() ?? 0
            return .init(month: month, size: entry.size, retention: (0...last).map { entry.retention[$0] })
        }
        return CohortSection(cohorts: cohorts, csv: "cohorts.csv")
    }

    func serviceSection() -> ServiceSection? {
        guard let t = outputs.table("service"), let all = t.rows(where: "dimension", is: "all").first else { return nil }
        func row(_ r: Int) -> ServiceSection.Row {
            .init(group: t.text("group", r) ?? "", tickets: t.integer("tickets", r) ?? 0,
                  medianFirstResponseHours: t.number("median_first_response_hours", r),
                  medianResolutionHours: t.number("median_resolution_hours", r),
                  slaBreachRate: t.number("sla_breach_rate", r), csat: t.number("csat_mean", r))
        }
        // Most severe priority first, as a service manager reads the table; ties keep the analysis order.
        let rows = t.rows(where: "dimension", is: "priority").map(row).enumerated()
            .sorted { (PriorityName.severityRank($0.element.group), $0.offset) < (PriorityName.severityRank($1.element.group), $1.offset) }
            .map(\.element)
        return ServiceSection(total: row(all), rows: rows, csv: "service.csv")
    }

    func performanceSection() -> PerformanceSection? {
        guard let t = outputs.table("performance_owners"), t.rowCount > 0 else { return nil }
        var reps = (0..<t.rowCount).map { r in
            PerformanceSection.Rep(owner: t.text("owner", r) ?? "", revenue: t.number("won_revenue", r) ?? 0,
                                   wonDeals: t.integer("won", r) ?? 0, winRate: t.number("win_rate", r),
                                   medianCycleDays: t.number("median_cycle_days", r))
        }
        // Best first; ties by name so the order never depends on the table's.
        reps.sort { ($0.revenue, $1.owner) > ($1.revenue, $0.owner) }
        let top = outputs.table("top_customers").flatMap { $0.rowCount > 0 ? $0.number("cumulative_share", $0.rowCount - 1) : nil }
        return PerformanceSection(reps: reps, top10CustomerShare: top, csv: "performance_owners.csv")
    }

    /// "2024-03" → the first day of that month.
    func monthStart(_ text: String) -> Int32? {
        let p = text.split(separator: "-")
        guard p.count >= 2, let y = Int(p[0]), let m = Int(p[1]), CivilDate.isValid(year: y, month: m, day: 1) else { return nil }
        return Int32(CivilDate.days(year: y, month: m, day: 1))
    }
}
