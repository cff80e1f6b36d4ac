import Columns

/// Builds one golden record per cluster by survivorship: each field takes the value of one
/// member row, chosen by the field's rule, and remembers which row that was.
struct GoldenRecords {
    var table: Table
    /// golden_id plus, per column, the input row its value came from.
    var provenance: Table

    /// - Parameters:
    ///   - members: rows of each cluster, contiguous: cluster g is `members[start[g]..<start[g+1]]`.
    init(customers: Table, members: [Int32], start: [Int], config: ResolutionConfig, keys: [String: SurvivorshipKey],
         sourceRank: [Int32], recency: [Int64], coreRows: [Int]) {
        let clusters = start.count - 1
        var columns: [(String, Column)] = []
        var provenanceColumns: [(String, Column)] = []
        let ids = PrimitiveColumn<Int64>(values: (0..<clusters).map { Int64($0) })
        columns.append(("golden_id", .int64(ids)))
        columns.append(("member_count", .int64(PrimitiveColumn(values: (0..<clusters).map { Int64(start[$0 + 1] - start[$0]) }))))
        provenanceColumns.append(("golden_id", .int64(ids)))
        for (name, column) in zip(customers.columnNames, customers.columns) {
            let rule = config.survivorship[name] ?? config.defaultSurvivorship
            let field = keys[name]
            var chosen = [Int](repeating: 0, count: clusters)
            for g in 0..<clusters {
                let lo = start[g], hi = start[g + 1]
                if hi - lo == 1 {
                    chosen[g] = Int(members[lo])
                    continue
                }
                chosen[g] = GoldenRecords.pick(members[lo..<hi], column: column, field: field, rule: rule,
                                               sourceRank: sourceRank, recency: recency)
            }
            columns.append((name, column.gather(chosen)))
            provenanceColumns.append((name, .int64(PrimitiveColumn(values: chosen.map { Int64($0) }))))
        }
        var golden = try! Table(name: "golden_customers", columns: columns)
        if let lineage = customers.lineage { golden.lineage = lineage.gather(coreRows) }
        table = golden
        provenance = try! Table(name: "golden_provenance", columns: provenanceColumns)
    }

    /// The member whose value survives: among rows where the column has a non-blank value, the
    /// best by the rule; ties (for most frequent, after the spelling the whole table uses more)
    /// by source rank, then recency, then row order.
    static func pick(_ rows: ArraySlice<Int32>, column: Column, field: SurvivorshipKey?, rule: SurvivorshipRule,
                     sourceRank: [Int32], recency: [Int64]) -> Int {
        func present(_ r: Int) -> Bool {
            guard !column.isNull(r) else { return false }
            if case .string(let s) = column { return s.withBytes(r) { $0.contains { $0 != 32 } } }
            return true
        }
        func length(_ r: Int) -> Int {
            if case .string(let s) = column { return s.withBytes(r) { $0.count } }
            return 0
        }
        // A key under which rows count as "the same value" for mostFrequent.
        func valueKey(_ r: Int) -> UInt64 {
            if let field, field.present[r], field.codes[r] >= 0 { return UInt64(field.codes[r]) }
            if case .string(let s) = column { return s.withBytes(r) { ByteHash.hash($0) } }
            return ByteHash.hash(column.text(at: r) ?? "")
        }
        func tableFrequency(_ r: Int) -> Int32 {
            guard let field, field.present[r], field.codes[r] >= 0 else { return 0 }
            return field.frequency[Int(field.codes[r])]
        }
        let candidates = rows.map(Int.init).filter(present)
        guard let first = candidates.first else { return Int(rows.first!) }
        var frequency: [UInt64: Int] = [:]
        if rule == .mostFrequent { for r in candidates { frequency[valueKey(r), default: 0] += 1 } }
        func better(_ a: Int, than b: Int) -> Bool {
            switch rule {
            case .sourcePriority: break
            case .mostRecent: if recency[a] != recency[b] { return recency[a] > recency[b] }
            case .mostComplete: if length(a) != length(b) { return length(a) > length(b) }
            case .mostFrequent:
                let fa = frequency[valueKey(a)]!, fb = frequency[valueKey(b)]!
                if fa != fb { return fa > fb }
                // Two spellings, one each: the one more rows of the whole table use is the real
                // one (Grace Chen, not the typo Grcae Chen that happened to be entered last).
                let ta = tableFrequency(a), tb = tableFrequency(b)
                if ta != tb { return ta > tb }
            }
            if sourceRank[a] != sourceRank[b] { return sourceRank[a] < sourceRank[b] }
            if recency[a] != recency[b] { return recency[a] > recency[b] }
            return a < b
        }
        var best = first
        for r in candidates.dropFirst() where better(r, than: best) { best = r }
        return best
    }
}

/// What survivorship reads of a compared field: which rows hold a value, the value's code (one
/// code for spellings that normalise alike, 北京 and 北京市) and how many rows hold each code —
/// copied out so the rest of the prepared field can be let go before the golden records are built.
struct SurvivorshipKey {
    let present: [Bool]
    let codes: [Int32]
    let frequency: [Int32]

    init(_ field: PreparedField) {
        present = field.present
        codes = field.codes
        frequency = field.frequency
    }
}
