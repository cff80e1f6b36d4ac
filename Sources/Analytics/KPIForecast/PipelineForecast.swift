import Columns

/// Stage-weighted pipeline forecast: each open opportunity (created on or before as-of) contributes amount × P(win
/// | its stage), in the month of its expected_close. P(win | stage) is, in order of preference: the parameter map
/// (`KPIForecastParameters.stageProbabilities`), the stage's historical win rate (`StageWinRates`), the
/// opportunity's own `probability` column (a CRM's number, 0–1 or 0–100), the overall historical win rate. An open
/// opportunity with none of these is counted with weight 0 (noted).
/// Open opportunities whose expected close is before the as-of month are overdue: they are counted in the as-of month
/// (they can still close, just late); without expected_close they form the last row, with a null month.
///
/// Table `pipeline_forecast`: month (first day, date), open_opportunities, amount, weighted_amount; ascending month.
enum PipelineForecast {
    static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters, notes: inout [String]) -> (Table, [StageProbability]) {
        guard let opportunities = input.opportunities, opportunities.rowCount > 0 else {
            notes.append("pipeline: no opportunities; no pipeline forecast")
            return (table([], [], [], []), [])
        }
        let n = opportunities.rowCount
        let stageColumn = ColumnAccess.strings(opportunities, "stage", notes: &notes, missingNote: "probabilities by stage unavailable")
        let statusColumn = ColumnAccess.strings(opportunities, "status", notes: &notes, missingNote: "outcome read from stage names")
        let amounts = ColumnAccess.numbers(opportunities, "amount", notes: &notes, missingNote: "amounts are 0")
        let close = ColumnAccess.days(opportunities, "expected_close", notes: &notes, missingNote: "every open opportunity is unscheduled")
        let created = ColumnAccess.seconds(opportunities, "created_at", notes: &notes)
        let crmProbability = ColumnAccess.numbers(opportunities, "probability", notes: &notes)
        let ids = ColumnAccess.strings(opportunities, "opportunity_id", notes: &notes)

        // Labels are low-cardinality: normalise and parse once per distinct label.
        let stageKeys = stageColumn.map { DenseKeys($0) }
        let stageNorm = stageKeys.map { k in (0..<k.count).map { FunnelStageMatch.normalise(k.labels[$0]) } } ?? []
        let statusKeys = statusColumn.map { DenseKeys($0) }
        let statusParsed = statusKeys.map { k in (0..<k.count).map { FunnelStatus.parse(k.labels[$0]) } } ?? []
        let stageParsed = stageKeys.map { k in (0..<k.count).map { FunnelStatus.parse(k.labels[$0]) } } ?? []
        var stageLabel = [String?](repeating: nil, count: n)
        var status = [FunnelStatus?](repeating: nil, count: n)
        var afterAsOf = 0, unknownStatus = 0
        for r in 0..<n {
            if let c = stageKeys?.codes[r], c >= 0 { stageLabel[r] = stageNorm[Int(c)] }
            if let created, let t = created[r], t >= parameters.asOfEndSecond { afterAsOf += 1; continue }
            if let c = statusKeys?.codes[r], c >= 0, let s = statusParsed[Int(c)] {
                status[r] = s
            } else if let c = stageKeys?.codes[r], c >= 0 {
                // No usable status: an outcome-named stage ("Closed Won") closes it, any other stage means open.
                status[r] = stageParsed[Int(c)] ?? .open
            } else {
                unknownStatus += 1
            }
        }
        if afterAsOf > 0 { notes.append("pipeline: \(afterAsOf) opportunities created after as-of ignored") }
        if unknownStatus > 0 { notes.append("pipeline: \(unknownStatus) opportunities with neither a readable status nor a stage ignored") }

        let history = StageWinRates(stageLabel: stageLabel, status: status, opportunityIDs: ids, history: input.stageHistory, notes: &notes)
        var given: [String: Double] = [:]
        for (stage, p) in parameters.forecast.stageProbabilities ?? [:] {
            if p.isFinite && p >= 0 && p <= 1 { given[FunnelStageMatch.normalise(stage)] = p }
            else { notes.append("pipeline: probability \(p) for stage '\(stage)' is not in [0, 1]; ignored") }
        }
        let overall = history.closed > 0 ? Double(history.won) / Double(history.closed) : nil

        let asOfMonth = MonthIndex.of(day: parameters.asOf)
        var bucket: [Int32: (count: Int, amount: Double, weighted: Double)] = [:]
        var unscheduled = (count: 0, amount: 0.0, weighted: 0.0)
        var used: [String: StageProbability] = [:]
        var overdue = 0, fromCRM = 0, fromOverall = 0, unweighted = 0, noAmount = 0
        for r in 0..<n where status[r] == .open {
            let amount = amounts?[r] ?? 0
            if amounts?[r] == nil { noAmount += 1 }
            var probability: Double?
            if let label = stageLabel[r] {
                if let p = given[label] {
                    probability = p
                    used[label] = StageProbability(stage: label, probability: p, source: "parameter", closedReached: nil)
                } else if let (p, closed) = history.rate(label) {
                    probability = p
                    used[label] = StageProbability(stage: label, probability: p, source: "calibrated", closedReached: closed)
                }
            }
            if probability == nil, let c = crmProbability?[r], c >= 0, c <= 100 {
                probability = c > 1 ? c / 100 : c
                fromCRM += 1
            }
            if probability == nil, let overall { probability = overall; fromOverall += 1 }
            if probability == nil { unweighted += 1 }
            let weighted = amount * (probability ?? 0)
            if let day = close?[r] {
                var month = MonthIndex.of(day: day)
                if month < asOfMonth { month = asOfMonth; overdue += 1 }
                var e = bucket[month] ?? (0, 0, 0)
                e.count += 1; e.amount += amount; e.weighted += weighted
                bucket[month] = e
            } else {
                unscheduled.count += 1; unscheduled.amount += amount; unscheduled.weighted += weighted
            }
        }
        if noAmount > 0 { notes.append("pipeline: \(noAmount) open opportunities without amount counted as 0") }
        if overdue > 0 { notes.append("pipeline: \(overdue) open opportunities past their expected close counted in the as-of month") }
        if fromCRM > 0 { notes.append("pipeline: \(fromCRM) open opportunities weighted by their CRM probability (stage has no parameter or closed history)") }
        if fromOverall > 0 { notes.append("pipeline: \(fromOverall) open opportunities weighted by the overall win rate (stage has no closed history)") }
        if unweighted > 0 { notes.append("pipeline: \(unweighted) open opportunities have no probability from any source; weighted 0") }

        let months = bucket.keys.sorted()
        var monthCol: [Int32?] = months.map { MonthlyKPISeries.firstDay(ofMonth: $0) }
        var counts = months.map { bucket[$0]!.count }, amountCol = months.map { bucket[$0]!.amount }
        var weightedCol = months.map { bucket[$0]!.weighted }
        if unscheduled.count > 0 {
            monthCol.append(nil); counts.append(unscheduled.count); amountCol.append(unscheduled.amount); weightedCol.append(unscheduled.weighted)
            notes.append("pipeline: \(unscheduled.count) open opportunities without expected_close in the unscheduled row")
        }
        let probabilities = used.keys.sorted().map { used[$0]! }
        return (table(monthCol, counts, amountCol, weightedCol), probabilities)
    }

    private static func table(_ month: [Int32?], _ count: [Int], _ amount: [Double], _ weighted: [Double]) -> Table {
        ResultColumns.table("pipeline_forecast", [
            ("month", .date(PrimitiveColumn(month, zero: 0))),
            ("open_opportunities", ResultColumns.ints(count)),
            ("amount", ResultColumns.doubles(amount)),
            ("weighted_amount", ResultColumns.doubles(weighted)),
        ])
    }
}
