import Cleaning
import Columns
import Reports
import Resolution

/// Computes the data-quality page's model from a prepared cleanup: per-column completeness and
/// validity before (linked source rows) and after (golden records), cluster sizes, conflicts
/// between merged rows with the surviving value, validation flags and quarantine reasons.
struct CleanupQualityAssembly {
    let preparation: CleanupPreparation
    let pipeline: String
    let threshold: Double
    /// Survivorship as the resolver applies it (ResolveStage uses the default rules).
    var resolution = ResolutionConfig()

    func model() -> CleanupQuality {
        let p = preparation
        let golden = p.resolution?.result.golden
        let found = conflicts()
        return CleanupQuality(
            pipeline: pipeline, threshold: threshold,
            sources: p.accounting.map {
                CleanupQuality.Source(source: $0.source, rowsRead: $0.rowsRead, linked: $0.rowsLoaded, quarantined: $0.rowsQuarantined)
            },
            goldenRecords: golden?.rowCount ?? 0,
            columns: columnQuality(golden: golden),
            clusterSizes: clusterSizes(golden: golden),
            conflictSummary: found.summary, conflicts: Array(found.list.prefix(CleanupQualityPage.conflictsShown)),
            conflictsTotal: found.list.count,
            flags: p.flags,
            quarantineReasons: Self.reasons(p.quarantine))
    }

    // MARK: Columns

    /// The columns the sources gave (not the derived clean columns), customer_id aside.
    var reportedColumns: [String] { preparation.customersAsGiven.columnNames.filter { $0 != "customer_id" } }

    static func present(_ c: Column, _ r: Int) -> Bool {
        guard !c.isNull(r) else { return false }
        if case .string(let s) = c { return s.withBytes(r) { $0.contains { $0 != 0x20 && $0 != 0x09 } } }
        return true
    }

    /// Whether the cleaned row r holds a valid value of `column`, or nil when the column has no validity test.
    func validity(of column: String, cleanedRow r: Int) -> Bool? {
        let c = preparation.customers
        switch column {
        case "email": return c["email_valid"].map { !$0.isNull(r) && ($0.bools?.values[r] ?? false) }
        case "phone": return c["phone_valid"].map { !$0.isNull(r) && ($0.bools?.values[r] ?? false) }
        case "region": return c["region"]?.text(at: r).map { RegionMap.regions.contains($0) }
        default: return nil
        }
    }

    func columnQuality(golden: Table?) -> [CleanupQuality.ColumnQuality] {
        let given = preparation.customersAsGiven
        let provenance = preparation.resolution?.result.goldenProvenance
        return reportedColumns.map { name in
            var before = CleanupQuality.Measure(rows: given.rowCount, present: 0, valid: nil)
            if let c = given[name] {
                for r in 0..<given.rowCount where Self.present(c, r) {
                    before.present += 1
                    if let v = validity(of: name, cleanedRow: r) { before.valid = (before.valid ?? 0) + (v ? 1 : 0) }
                }
            }
            var after = CleanupQuality.Measure(rows: golden?.rowCount ?? 0, present: 0, valid: nil)
            if let golden, let c = golden[name] {
                let from = provenance?[name]?.int64s
                for g in 0..<golden.rowCount where Self.present(c, g) {
                    after.present += 1
                    if name == "region" {
                        // The golden region is the cleaned (sales) region: valid when it is one.
                        let ok = c.text(at: g).map { RegionMap.regions.contains($0) } ?? false
                        after.valid = (after.valid ?? 0) + (ok ? 1 : 0)
                    } else if let from, let v = validity(of: name, cleanedRow: Int(from.values[g])) {
                        after.valid = (after.valid ?? 0) + (v ? 1 : 0)
                    }
                }
            }
            if ["email", "phone", "region"].contains(name) {
                before.valid = before.valid ?? 0
                after.valid = after.valid ?? 0
            }
            return CleanupQuality.ColumnQuality(column: name, before: before, after: after)
        }
    }

    // MARK: Clusters

    func clusterSizes(golden: Table?) -> [CleanupQuality.ClusterSize] {
        let top = 5
        var clusters = [Int](repeating: 0, count: top + 1), rows = [Int](repeating: 0, count: top + 1)
        if let counts = golden?["member_count"]?.int64s {
            for v in counts.values {
                let k = min(Int(v), top)
                clusters[k] += 1
                rows[k] += Int(v)
            }
        }
        return (1...top).map { CleanupQuality.ClusterSize(size: $0, orMore: $0 == top, clusters: clusters[$0], rows: rows[$0]) }
    }

    // MARK: Conflicts

    static func rule(_ r: SurvivorshipRule) -> CleanupQuality.Rule {
        switch r {
        case .sourcePriority: .sourcePriority
        case .mostRecent: .mostRecent
        case .mostComplete: .mostComplete
        case .mostFrequent: .mostFrequent
        }
    }

    /// What two values are compared as, so that a difference of format alone is not a conflict:
    /// the cleaned form where cleaning made one (E.164 phone, normalized e-mail), place names
    /// without 省/市 (广东 = 广东省), dates and times by day (a date-only export of the same
    /// record), otherwise width-folded, collapsed, lower-cased text.
    func comparable(_ column: String, _ r: Int) -> String? {
        let c = preparation.customers
        if column == "phone", let e = c["phone_e164"]?.text(at: r) { return e }
        if column == "email", let e = c["email_normalized"]?.text(at: r) { return e }
        guard let given = preparation.customersAsGiven[column], let raw = given.text(at: r) else { return nil }
        switch given.type {
        case .timestamp, .date: return String(raw.prefix(10))
        case .string: break
        default: return raw
        }
        let folded = WidthFolding.foldAndCollapse(raw).lowercased()
        if folded.isEmpty { return nil }
        switch column {
        case "region", "city": return RegionMap.shortPlaceName(folded)
        // Chinese names carry no spaces: 张 伟 is 张伟 typed with spaces between the characters.
        case "name" where folded.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }):
            return folded.filter { $0 != " " }
        default: return folded
        }
    }

    func conflicts() -> (summary: [CleanupQuality.ConflictSummary], list: [CleanupQuality.Conflict]) {
        let p = preparation
        guard let result = p.resolution?.result, let counts = result.golden["member_count"]?.int64s else { return ([], []) }
        let goldenIndex = result.goldenIndex
        // Members of each multi-row cluster, rows ascending.
        var members: [Int32: [Int]] = [:]
        for (r, g) in goldenIndex.enumerated() where counts.values[Int(g)] > 1 { members[g, default: []].append(r) }
        let columns = reportedColumns
        var perColumn = [Int](repeating: 0, count: columns.count)
        var list: [CleanupQuality.Conflict] = []
        for g in members.keys.sorted() {
            let rows = members[g]!
            for (k, column) in columns.enumerated() {
                let keys = rows.map { comparable(column, $0) }
                var distinct: [String] = []
                for key in keys.compactMap({ $0 }) where !distinct.contains(key) { distinct.append(key) }
                guard distinct.count > 1 else { continue }
                perColumn[k] += 1
                let chosen = result.goldenProvenance[column]?.int64s.map { Int($0.values[Int(g)]) } ?? rows[0]
                let rule = Self.rule(resolution.survivorship[column] ?? resolution.defaultSurvivorship)
                list.append(CleanupQuality.Conflict(
                    goldenID: Int64(g), column: column,
                    values: zip(rows, keys).compactMap { r, key in
                        key == nil ? nil : (CleanupTables.rowName(p.customers, r), p.customersAsGiven[column]?.text(at: r) ?? "")
                    },
                    chosenRow: CleanupTables.rowName(p.customers, chosen),
                    chosenValue: p.customersAsGiven[column]?.text(at: chosen) ?? "", rule: rule))
            }
        }
        let summary = columns.enumerated().compactMap { k, column in
            perColumn[k] == 0 ? nil : CleanupQuality.ConflictSummary(
                column: column, rule: Self.rule(resolution.survivorship[column] ?? resolution.defaultSurvivorship),
                clusters: perColumn[k])
        }
        return (summary, list)
    }

    // MARK: Quarantine

    /// Reasons grouped with their specifics (quoted values, numbers) masked, most frequent first.
    static func reasons(_ rows: [CleanupQuarantine]) -> [CleanupQuality.QuarantineReason] {
        var order: [String] = []
        var count: [String: Int] = [:], example: [String: String] = [:]
        for q in rows {
            let key = q.table.rawValue + (q.row.column.map { "." + $0 } ?? "") + ": " + generalized(q.row.reason)
            if count[key] == nil { order.append(key); example[key] = q.name }
            count[key, default: 0] += 1
        }
        // Most rows first; equal counts keep the order they were first seen in.
        let ranked = order.enumerated().sorted { a, b in
            count[a.element]! != count[b.element]! ? count[a.element]! > count[b.element]! : a.offset < b.offset
        }
        return ranked.map { CleanupQuality.QuarantineReason(reason: $0.element, rows: count[$0.element]!, example: example[$0.element]!) }
    }

    /// `duplicate key customer_id 'KH00003' (first at line 4)` → `duplicate key customer_id '…' (first at line #)`.
    static func generalized(_ reason: String) -> String {
        var out = ""
        var inQuote = false, inNumber = false
        for ch in reason {
            if ch == "'" {
                out.append(inQuote ? "…'" : "'")
                inQuote.toggle()
                continue
            }
            if inQuote { continue }
            if ch.isASCII && ch.isNumber {
                if !inNumber { out.append("#") }
                inNumber = true
                continue
            }
            inNumber = false
            out.append(ch)
        }
        if inQuote { out.append("…") }
        return out
    }
}
