import Columns

public struct FunnelParameters: Sendable {
    /// The funnel's stages in order; matched to stage labels case-insensitively.
    public var stages: [String]

    public init(stages: [String] = ["lead", "qualified", "proposal", "negotiation", "won"]) { self.stages = stages }
}

/// Sales funnel (stage-to-stage conversion analysis as in Salesforce's "Opportunity Stage
/// Conversion" and Kotler & Keller's sales-funnel chapter). Definitions used:
/// - An opportunity's *furthest stage* is the highest-ordered parameter stage it is known to have
///   entered: from `stage_history` when present (every stage it entered) and its current stage;
///   a won opportunity has completed the funnel (furthest = last stage). Without history, a lost
///   opportunity's current stage is the stage where it was lost, so it counts there.
/// - *reached(k)*: opportunities whose furthest stage ≥ k (the funnel assumption: reaching a stage
///   implies passing the earlier ones). *converted(k)* = reached(k+1); *drop_off* = reached −
///   converted; *conversion_rate* = converted / reached; *value* = sum of amounts of those reached.
/// - *Days in stage* (needs `stage_history`): per opportunity, entries ordered by entered_at; an
///   entry lasts until the next entry, or until closed_at for the last entry of a closed
///   opportunity; an open opportunity's current stage is still running (censored) and left out.
///   Median and p90 by `Quantile` (Hyndman–Fan type 7).
/// - *Win rate* = won / (won + lost), closed opportunities only. *Sales cycle* = closed_at −
///   created_at of won opportunities, in days.
/// Opportunities created after as-of are left out.
///
/// Tables: `funnel` (one row per stage), `funnel_summary` (one row), `funnel_breakdown`
/// (dimension × group × stage, dimensions owner, source, created_month), `funnel_groups`
/// (dimension × group: counts, win rate, won value, median cycle).
public enum FunnelAnalysis {
    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters) -> AnalysisResult {
        var notes: [String] = []
        let stages = parameters.funnel.stages
        guard !stages.isEmpty else {
            return AnalysisResult(notes: ["funnel: no stages given; nothing to analyse"])
        }
        guard let opportunities = input.opportunities else {
            return AnalysisResult(tables: emptyTables(stages), notes: ["funnel: no opportunities table"])
        }
        let last = stages.count - 1
        let n = opportunities.rowCount
        let asOfEnd = parameters.asOfEndSecond

        // Opportunity ids → codes; history rows find their opportunity through the same interner.
        var idInterner = ByteInterner()
        let idColumn = ColumnAccess.strings(opportunities, "opportunity_id", notes: &notes)
        let idKeys = idColumn.map { DenseKeys($0, interner: &idInterner) }
        let created = ColumnAccess.seconds(opportunities, "created_at", notes: &notes, missingNote: "no sales cycle or created-month breakdown")
        let closed = ColumnAccess.seconds(opportunities, "closed_at", notes: &notes, missingNote: "no sales cycle; last-stage durations unknown")
        let amounts = ColumnAccess.numbers(opportunities, "amount", notes: &notes, missingNote: "stage values are 0")

        // Stage labels of both tables share one interner, so each distinct label is matched once.
        var stageInterner = ByteInterner()
        let stageKeys = ColumnAccess.strings(opportunities, "stage", notes: &notes).map { DenseKeys($0, interner: &stageInterner) }
        var historyStageKeys: DenseKeys?
        var historyOpp: [Int32] = []
        var historyAt: PrimitiveColumn<Int64>?
        if let history = input.stageHistory, history.rowCount > 0 {
            let hIDs = ColumnAccess.strings(history, "opportunity_id", notes: &notes)
            let hStage = ColumnAccess.strings(history, "stage", notes: &notes)
            // Without entered_at the history still tells how far each opportunity got, not how long.
            historyAt = ColumnAccess.seconds(history, "entered_at", notes: &notes, missingNote: "no days in stage")
            if let hIDs, let hStage, idKeys != nil {
                historyStageKeys = DenseKeys(hStage, interner: &stageInterner)
                historyOpp = (0..<history.rowCount).map { r in
                    guard hIDs.validity.isValid(r) else { return -1 }
                    return hIDs.withBytes(r) { idInterner.code(of: $0) ?? -1 }
                }
                let orphans = historyOpp.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
                if orphans > 0 { notes.append("stage_history: \(orphans) rows whose opportunity is not in opportunities ignored") }
            } else {
                notes.append("stage_history cannot be joined (opportunity_id or stage missing); using current stages only")
            }
        }
        let labelStage: [Int] = (0..<stageInterner.count).map { FunnelStageMatch.index(of: stageInterner.strings[$0], in: stages) ?? -1 }
        let labelStatus: [FunnelStatus?] = (0..<stageInterner.count).map { FunnelStatus.parse(stageInterner.strings[$0]) }

        var statusKeys: DenseKeys?
        if let s = ColumnAccess.strings(opportunities, "status", notes: &notes, missingNote: "outcome read from stage names") {
            statusKeys = DenseKeys(s)
        }
        let statusOfLabel: [FunnelStatus?] = statusKeys.map { k in (0..<k.count).map { FunnelStatus.parse(k.labels[$0]) } } ?? []

        // Per opportunity: include?, status, furthest stage.
        var included = [Bool](repeating: true, count: n)
        var status = [FunnelStatus](repeating: .open, count: n)
        var furthest = [Int](repeating: -1, count: n)
        var firstRowOfID = [Int32](repeating: -1, count: idInterner.count)
        var createdAfter = 0, duplicates = 0, unknownStatus = 0
        for r in 0..<n {
            if let created, created.validity.isValid(r), created.values[r] >= asOfEnd { included[r] = false; createdAfter += 1; continue }
            if let idKeys, idKeys.codes[r] >= 0 {
                let c = Int(idKeys.codes[r])
                if firstRowOfID[c] >= 0 { included[r] = false; duplicates += 1; continue }
                firstRowOfID[c] = Int32(r)
            }
            let stageLabel = stageKeys.map { $0.codes[r] } ?? -1
            var st: FunnelStatus?
            if let statusKeys, statusKeys.codes[r] >= 0 {
                st = statusOfLabel[Int(statusKeys.codes[r])]
                if st == nil { unknownStatus += 1 }
            }
            if st == nil, stageLabel >= 0 { st = labelStatus[Int(stageLabel)] }
            status[r] = st ?? .open
            if stageLabel >= 0 { furthest[r] = labelStage[Int(stageLabel)] }
        }
        if createdAfter > 0 { notes.append("funnel: \(createdAfter) opportunities created after as-of left out") }
        if duplicates > 0 { notes.append("funnel: \(duplicates) rows repeat an opportunity_id; the first row of each is used") }
        if unknownStatus > 0 { notes.append("funnel: \(unknownStatus) opportunities with an unrecognised status treated by stage name, else open") }

        // Stage history: furthest stage and days in stage.
        var durations = [[Double]](repeating: [], count: stages.count)
        let useHistory = historyStageKeys != nil
        if let hKeys = historyStageKeys {
            let grouped = GroupedRows(codes: historyOpp, groupCount: idInterner.count)
            for c in 0..<grouped.groupCount {
                let row = Int(firstRowOfID[c])
                guard row >= 0, included[row] else { continue }
                var entries: [(at: Int64, stage: Int)] = []
                for i in grouped.range(c) {
                    let h = Int(grouped.rows[i])
                    let label = hKeys.codes[h]
                    guard label >= 0 else { continue }
                    let k = labelStage[Int(label)]
                    if k < 0 { continue }
                    if let historyAt {
                        guard historyAt.validity.isValid(h), historyAt.values[h] < asOfEnd else { continue }
                        entries.append((historyAt.values[h], k))
                    } else {
                        entries.append((0, k))
                    }
                    furthest[row] = max(furthest[row], k)
                }
                guard historyAt != nil, !entries.isEmpty else { continue }
                entries.sort { $0.at != $1.at ? $0.at < $1.at : $0.stage < $1.stage }
                for j in 0..<entries.count {
                    let end: Int64?
                    if j + 1 < entries.count { end = entries[j + 1].at }
                    else if status[row] != .open, let closed, closed.validity.isValid(row) { end = closed.values[row] }
                    else { end = nil }
                    if let end, let d = SafeTime.elapsed(from: entries[j].at, to: end) { durations[entries[j].stage].append(Double(d) / 86_400) }
                }
            }
        } else {
            notes.append("funnel: no stage_history; furthest stage is the current stage and days in stage are not available")
        }
        var unmapped = 0
        for r in 0..<n where included[r] {
            if status[r] == .won { furthest[r] = last }
            if furthest[r] < 0 { unmapped += 1; furthest[r] = 0 }
        }
        if unmapped > 0 { notes.append("funnel: \(unmapped) opportunities with no stage among [\(stages.joined(separator: ", "))] counted at the first stage") }

        let amount: (Int) -> Double = { r in amounts.flatMap { $0.validity.isValid(r) ? $0.values[r] : nil } ?? 0 }
        func cycleDays(_ r: Int) -> Double? {
            guard status[r] == .won, let created, let closed, created.validity.isValid(r), closed.validity.isValid(r) else { return nil }
            return SafeTime.elapsed(from: created.values[r], to: closed.values[r]).map { Double($0) / 86_400 }
        }

        // Overall per-stage table.
        var reached = [Int](repeating: 0, count: stages.count), value = [Double](repeating: 0, count: stages.count)
        var lostAt = [Int](repeating: 0, count: stages.count), openAt = [Int](repeating: 0, count: stages.count)
        var won = 0, lost = 0, open = 0, wonValue = 0.0, cycles: [Double] = []
        for r in 0..<n where included[r] {
            let f = furthest[r]
            for k in 0...f { reached[k] += 1; value[k] += amount(r) }
            switch status[r] {
            case .won: won += 1; wonValue += amount(r)
            case .lost: lost += 1; lostAt[f] += 1
            case .open: open += 1; openAt[f] += 1
            }
            if let d = cycleDays(r) { cycles.append(d) }
        }
        let total = won + lost + open
        if total == 0 { notes.append("funnel: no opportunities on or before as-of") }
        if won + lost == 0 && total > 0 { notes.append("funnel: no closed opportunities; win rate is undefined") }
        var medians: [Double?] = [], p90s: [Double?] = [], observations: [Int] = []
        for k in 0..<stages.count {
            let q = Quantile.medianP90(&durations[k])
            medians.append(q.median)
            p90s.append(q.p90)
            observations.append(durations[k].count)
        }
        let converted = (0..<stages.count).map { $0 < last ? reached[$0 + 1] : 0 }
        let funnel = ResultColumns.table("funnel", [
            ("stage_order", ResultColumns.ints(Array(1...stages.count))),
            ("stage", ResultColumns.strings(stages)),
            ("reached", ResultColumns.ints(reached)),
            ("converted", ResultColumns.optionalInts((0..<stages.count).map { $0 < last ? converted[$0] : nil })),
            ("drop_off", ResultColumns.optionalInts((0..<stages.count).map { $0 < last ? reached[$0] - converted[$0] : nil })),
            ("conversion_rate", ResultColumns.doubles((0..<stages.count).map { $0 < last ? ResultColumns.ratio(Double(converted[$0]), Double(reached[$0])) : nil })),
            ("conversion_from_start", ResultColumns.doubles(reached.map { ResultColumns.ratio(Double($0), Double(reached[0])) })),
            ("lost_at_stage", ResultColumns.ints(lostAt)),
            ("open_at_stage", ResultColumns.ints(openAt)),
            ("value", ResultColumns.doubles(value)),
            ("median_days_in_stage", ResultColumns.doubles(medians)),
            ("p90_days_in_stage", ResultColumns.doubles(p90s)),
            ("days_observations", ResultColumns.ints(observations)),
        ])
        let cycle = Quantile.medianP90(&cycles)
        let summary = ResultColumns.table("funnel_summary", [
            ("opportunities", ResultColumns.ints([total])),
            ("won", ResultColumns.ints([won])),
            ("lost", ResultColumns.ints([lost])),
            ("open", ResultColumns.ints([open])),
            ("win_rate", ResultColumns.doubles([ResultColumns.ratio(Double(won), Double(won + lost))])),
            ("won_value", ResultColumns.doubles([wonValue])),
            ("median_cycle_days", ResultColumns.doubles([cycle.median])),
            ("p90_cycle_days", ResultColumns.doubles([cycle.p90])),
            ("stage_source", ResultColumns.strings([useHistory ? "stage_history" : "current_stage"])),
        ])

        // Breakdowns by owner, source and created month.
        var dimensions: [Dimension] = []
        if let owner = ColumnAccess.strings(opportunities, "owner", notes: &notes, missingNote: "no owner breakdown") { dimensions.append(Dimension(name: "owner", column: owner)) }
        if let source = ColumnAccess.strings(opportunities, "source", notes: &notes, missingNote: "no source breakdown") { dimensions.append(Dimension(name: "source", column: source)) }
        if let created { dimensions.append(Dimension(name: "created_month", monthsOf: created)) }
        var bDim: [String?] = [], bGroup: [String?] = [], bOrder: [Int] = [], bStage: [String?] = []
        var bReached: [Int] = [], bConverted: [Int?] = [], bRate: [Double?] = []
        var gDim: [String?] = [], gGroup: [String?] = [], gOpps: [Int] = [], gWon: [Int] = [], gLost: [Int] = []
        var gRate: [Double?] = [], gValue: [Double] = [], gCycle: [Double?] = []
        for dim in dimensions {
            let g = dim.groupCount
            var reachedBy = [Int](repeating: 0, count: g * stages.count)
            var opps = [Int](repeating: 0, count: g), wonBy = [Int](repeating: 0, count: g), lostBy = [Int](repeating: 0, count: g)
            var valueBy = [Double](repeating: 0, count: g), cyclesBy = [[Double]](repeating: [], count: g)
            for r in 0..<n where included[r] {
                let c = Int(dim.codes[r])
                opps[c] += 1
                for k in 0...furthest[r] { reachedBy[c * stages.count + k] += 1 }
                if status[r] == .won { wonBy[c] += 1; valueBy[c] += amount(r) }
                if status[r] == .lost { lostBy[c] += 1 }
                if let d = cycleDays(r) { cyclesBy[c].append(d) }
            }
            for c in 0..<g where opps[c] > 0 {
                for k in 0..<stages.count {
                    let reachedK = reachedBy[c * stages.count + k]
                    bDim.append(dim.name); bGroup.append(dim.labels[c]); bOrder.append(k + 1); bStage.append(stages[k])
                    bReached.append(reachedK)
                    let conv: Int? = k < last ? reachedBy[c * stages.count + k + 1] : nil
                    bConverted.append(conv)
                    bRate.append(conv.flatMap { ResultColumns.ratio(Double($0), Double(reachedK)) })
                }
                gDim.append(dim.name); gGroup.append(dim.labels[c]); gOpps.append(opps[c]); gWon.append(wonBy[c]); gLost.append(lostBy[c])
                gRate.append(ResultColumns.ratio(Double(wonBy[c]), Double(wonBy[c] + lostBy[c])))
                gValue.append(valueBy[c])
                gCycle.append(Quantile.medianP90(&cyclesBy[c]).median)
            }
        }
        let breakdown = ResultColumns.table("funnel_breakdown", [
            ("dimension", ResultColumns.strings(bDim)), ("group", ResultColumns.strings(bGroup)),
            ("stage_order", ResultColumns.ints(bOrder)), ("stage", ResultColumns.strings(bStage)),
            ("reached", ResultColumns.ints(bReached)), ("converted", ResultColumns.optionalInts(bConverted)),
            ("conversion_rate", ResultColumns.doubles(bRate)),
        ])
        let groups = ResultColumns.table("funnel_groups", [
            ("dimension", ResultColumns.strings(gDim)), ("group", ResultColumns.strings(gGroup)),
            ("opportunities", ResultColumns.ints(gOpps)), ("won", ResultColumns.ints(gWon)), ("lost", ResultColumns.ints(gLost)),
            ("win_rate", ResultColumns.doubles(gRate)), ("won_value", ResultColumns.doubles(gValue)),
            ("median_cycle_days", ResultColumns.doubles(gCycle)),
        ])
        return AnalysisResult(tables: [("funnel", funnel), ("funnel_summary", summary), ("funnel_breakdown", breakdown), ("funnel_groups", groups)], notes: notes)
    }

    private static func emptyTables(_ stages: [String]) -> [(name: String, table: Table)] {
        let empty = AnalysisInput(opportunities: ResultColumns.table("opportunities", [("opportunity_id", ResultColumns.strings([]))]))
        return run(empty, AnalysisParameters(asOf: 0, funnel: FunnelParameters(stages: stages))).tables
    }
}
