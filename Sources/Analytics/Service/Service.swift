import Columns

/// Service quality from tickets, with the usual contact-centre definitions (e.g. the COPC and HDI
/// metric glossaries):
/// - first response time = first_response_at − created_at, resolution time = resolved_at −
///   created_at, in hours; median and p90 (Hyndman–Fan type 7) over tickets that have them;
/// - SLA breach: a ticket whose priority has a threshold breaches when its response (resolution)
///   took longer than the threshold, or has not happened yet and the threshold has already passed by
///   the end of the as-of day; breach rate = breaching tickets / tickets with a threshold;
/// - CSAT: mean of `satisfaction` scores 1–5 and the share of scores ≥ 4 ("top-two-box").
/// Tickets created after as-of are left out; events after as-of count as not yet happened.
///
/// Table `service`: dimension (all, channel, priority, month) × group.
public enum ServiceAnalysis {
    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters) -> AnalysisResult {
        var notes: [String] = []
        guard let tickets = input.tickets, tickets.rowCount > 0 else {
            notes.append(input.tickets == nil ? "service: no tickets table" : "service: tickets table is empty")
            return AnalysisResult(tables: [("service", emptyTable())], notes: notes)
        }
        let n = tickets.rowCount
        let now = parameters.asOfEndSecond
        guard let created = ColumnAccess.seconds(tickets, "created_at", notes: &notes, missingNote: "no service metrics") else {
            return AnalysisResult(tables: [("service", emptyTable())], notes: notes)
        }
        let responded = ColumnAccess.seconds(tickets, "first_response_at", notes: &notes, missingNote: "no first-response times")
        let resolved = ColumnAccess.seconds(tickets, "resolved_at", notes: &notes, missingNote: "no resolution times")
        let satisfaction = ColumnAccess.numbers(tickets, "satisfaction", notes: &notes, missingNote: "no CSAT")

        var included = [Bool](repeating: false, count: n)
        var frt = [Double?](repeating: nil, count: n), resolution = [Double?](repeating: nil, count: n)
        var breach = [Int8](repeating: -1, count: n)  // -1 no threshold, 0 within, 1 breached
        var csat = [Double?](repeating: nil, count: n)
        var priorityThresholds: [(Double?, Double?)] = []
        var priorityKeys: DenseKeys?
        let priority = ColumnAccess.strings(tickets, "priority", notes: &notes, missingNote: "no SLA evaluation or priority breakdown")
        if let p = priority {
            let keys = DenseKeys(p)
            priorityKeys = keys
            priorityThresholds = (0..<keys.count).map { parameters.service.thresholds(for: keys.labels[$0]) }
        }
        var negative = 0, outOfRange = 0, createdAfter = 0
        func elapsed(_ end: PrimitiveColumn<Int64>?, _ r: Int) -> Double? {
            guard let end, end.validity.isValid(r), end.values[r] < now else { return nil }
            guard let d = SafeTime.elapsed(from: created.values[r], to: end.values[r]) else { negative += 1; return nil }
            return Double(d) / 3600
        }
        for r in 0..<n where created.validity.isValid(r) {
            if created.values[r] >= now { createdAfter += 1; continue }
            included[r] = true
            frt[r] = elapsed(responded, r)
            resolution[r] = elapsed(resolved, r)
            let age = Double(SafeTime.elapsed(from: created.values[r], to: now) ?? 0) / 3600
            if let priorityKeys, priorityKeys.codes[r] >= 0 {
                let (fr, rs) = priorityThresholds[Int(priorityKeys.codes[r])]
                if fr != nil || rs != nil {
                    var b = false
                    if let fr { b = b || (frt[r] ?? age) > fr }
                    if let rs { b = b || (resolution[r] ?? age) > rs }
                    breach[r] = b ? 1 : 0
                }
            }
            if let satisfaction, satisfaction.validity.isValid(r) {
                let s = satisfaction.values[r]
                if s >= 1 && s <= 5 { csat[r] = s } else { outOfRange += 1 }
            }
        }
        let missingCreated = created.validity.nullCount
        if missingCreated > 0 { notes.append("service: \(missingCreated) tickets without created_at left out") }
        if createdAfter > 0 { notes.append("service: \(createdAfter) tickets created after as-of left out") }
        if negative > 0 { notes.append("service: \(negative) response/resolution times before creation ignored") }
        if outOfRange > 0 { notes.append("service: \(outOfRange) satisfaction scores outside 1–5 ignored") }
        if priorityKeys != nil && !breach.contains(where: { $0 >= 0 }) {
            notes.append("service: no ticket priority matches an SLA threshold; breach rate is empty")
        }

        var dimensions = [Dimension(allRows: n)]
        if let c = ColumnAccess.strings(tickets, "channel", notes: &notes, missingNote: "no channel breakdown") { dimensions.append(Dimension(name: "channel", column: c)) }
        if let priority { dimensions.append(Dimension(name: "priority", column: priority)) }
        dimensions.append(Dimension(name: "month", monthsOf: created))

        var out = ServiceRows()
        for dim in dimensions {
            let grouped = GroupedRows(codes: (0..<n).map { included[$0] ? dim.codes[$0] : -1 }, groupCount: dim.groupCount)
            for g in 0..<dim.groupCount {
                var count = 0, evaluated = 0, breaches = 0
                var frts: [Double] = [], resolutions: [Double] = [], scores: [Double] = []
                for i in grouped.range(g) {
                    let r = Int(grouped.rows[i])
                    count += 1
                    if let v = frt[r] { frts.append(v) }
                    if let v = resolution[r] { resolutions.append(v) }
                    if breach[r] >= 0 { evaluated += 1; breaches += Int(breach[r]) }
                    if let s = csat[r] { scores.append(s) }
                }
                guard count > 0 else { continue }
                let f = Quantile.medianP90(&frts), s = Quantile.medianP90(&resolutions)
                out.append(dim.name, dim.labels[g], count, f, s, evaluated, breaches, scores)
            }
        }
        if included.allSatisfy({ !$0 }) { notes.append("service: no tickets created on or before as-of") }
        return AnalysisResult(tables: [("service", out.table())], notes: notes)
    }

    static func emptyTable() -> Table { ServiceRows().table() }
}

/// The columns of the `service` table, filled row by row.
struct ServiceRows {
    var dimension: [String?] = [], group: [String?] = [], tickets: [Int] = []
    var frtMedian: [Double?] = [], frtP90: [Double?] = [], resMedian: [Double?] = [], resP90: [Double?] = []
    var evaluated: [Int] = [], breaches: [Int] = [], breachRate: [Double?] = []
    var csatCount: [Int] = [], csatMean: [Double?] = [], csatTop: [Double?] = []

    mutating func append(_ dim: String, _ label: String?, _ count: Int, _ f: (median: Double?, p90: Double?),
                         _ s: (median: Double?, p90: Double?), _ eval: Int, _ breached: Int, _ scores: [Double]) {
        dimension.append(dim); group.append(label); tickets.append(count)
        frtMedian.append(f.median); frtP90.append(f.p90); resMedian.append(s.median); resP90.append(s.p90)
        evaluated.append(eval); breaches.append(breached)
        breachRate.append(ResultColumns.ratio(Double(breached), Double(eval)))
        csatCount.append(scores.count)
        csatMean.append(ResultColumns.ratio(scores.reduce(0, +), Double(scores.count)))
        csatTop.append(ResultColumns.ratio(Double(scores.filter { $0 >= 4 }.count), Double(scores.count)))
    }

    func table() -> Table {
        ResultColumns.table("service", [
            ("dimension", ResultColumns.strings(dimension)), ("group", ResultColumns.strings(group)),
            ("tickets", ResultColumns.ints(tickets)),
            ("median_first_response_hours", ResultColumns.doubles(frtMedian)),
            ("p90_first_response_hours", ResultColumns.doubles(frtP90)),
            ("median_resolution_hours", ResultColumns.doubles(resMedian)),
            ("p90_resolution_hours", ResultColumns.doubles(resP90)),
            ("sla_evaluated", ResultColumns.ints(evaluated)), ("sla_breaches", ResultColumns.ints(breaches)),
            ("sla_breach_rate", ResultColumns.doubles(breachRate)),
            ("csat_responses", ResultColumns.ints(csatCount)), ("csat_mean", ResultColumns.doubles(csatMean)),
            ("csat_share_4plus", ResultColumns.doubles(csatTop)),
        ])
    }
}
