import Columns

/// Historical win rate per stage: among closed opportunities (won or lost, created on or before as-of) that reached a
/// stage — it appears in their stage_history or is their current stage — the share that were won. This is the
/// probability that an opportunity now in that stage closes won, assuming the future converts like the past.
/// Stage labels are compared case-insensitively, trimmed (`FunnelStageMatch.normalise`).
struct StageWinRates {
    /// Normalised stage label → (won, closed) among closed opportunities that reached it.
    var reached: [String: (won: Int, closed: Int)] = [:]
    var won = 0
    var closed = 0

    /// - Parameters:
    ///   - stageLabel: normalised stage label of each opportunity row (nil: none).
    ///   - status: outcome of each row (nil: unknown or excluded).
    init(stageLabel: [String?], status: [FunnelStatus?], opportunityIDs: StringColumn?, history: Table?, notes: inout [String]) {
        let n = stageLabel.count
        // (row, stage) pairs of closed opportunities, deduplicated by sorting packed integers.
        var stageCodes: [String: Int] = [:]
        var stageNames: [String] = []
        func code(_ label: String) -> Int {
            if let c = stageCodes[label] { return c }
            stageCodes[label] = stageNames.count
            stageNames.append(label)
            return stageNames.count - 1
        }
        var pairs: [UInt64] = []
        for r in 0..<n {
            guard let s = status[r], s != .open else { continue }
            closed += 1
            if s == .won { won += 1 }
            if let label = stageLabel[r] { pairs.append(UInt64(r) << 32 | UInt64(code(label))) }
        }
        if let history, history.rowCount > 0, let ids = opportunityIDs {
            var hNotes: [String] = []
            if let hIDs = ColumnAccess.strings(history, "opportunity_id", notes: &hNotes),
               let hStage = ColumnAccess.strings(history, "stage", notes: &hNotes) {
                var interner = ByteInterner(capacity: n)
                var rowOfCode: [Int] = []
                for r in 0..<n where ids.validity.isValid(r) {
                    let c = ids.withBytes(r) { interner.intern($0) }
                    if Int(c) == rowOfCode.count { rowOfCode.append(r) }
                }
                let stageKeys = DenseKeys(hStage)
                let labelCode = (0..<stageKeys.count).map { code(FunnelStageMatch.normalise(stageKeys.labels[$0])) }
                for h in 0..<history.rowCount where hIDs.validity.isValid(h) && stageKeys.codes[h] >= 0 {
                    guard let c = hIDs.withBytes(h, { interner.code(of: $0) }) else { continue }
                    let r = rowOfCode[Int(c)]
                    guard let s = status[r], s != .open else { continue }
                    pairs.append(UInt64(r) << 32 | UInt64(labelCode[Int(stageKeys.codes[h])]))
                }
            } else {
                notes += hNotes
            }
        }
        pairs.sort()
        var previous: UInt64? = nil
        for p in pairs where p != previous {
            previous = p
            let r = Int(p >> 32), label = stageNames[Int(p & 0xFFFF_FFFF)]
            var entry = reached[label] ?? (0, 0)
            entry.closed += 1
            if status[r] == .won { entry.won += 1 }
            reached[label] = entry
        }
    }

    func rate(_ label: String) -> (rate: Double, closed: Int)? {
        guard let e = reached[label], e.closed > 0 else { return nil }
        return (Double(e.won) / Double(e.closed), e.closed)
    }
}
