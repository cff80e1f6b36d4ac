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
            conflictSummary: found.summary, conflicts: found.list, conflictsTotal: found.total,
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

    /// The cleaned columns that say whether a value is valid, looked up once rather than per row.
    struct ValidityColumns {
        let emailValid: PrimitiveColumn<Bool>?
        let phoneValid: PrimitiveColumn<Bool>?
        let region: StringColumn?
        static let regionBytes = RegionMap.regions.map { Array($0.utf8) }

        init(_ cleaned: Table) {
            emailValid = cleaned["email_valid"]?.bools
            phoneValid = cleaned["phone_valid"]?.bools
            region = cleaned["region"]?.strings
        }

        static func isRegion(_ s: StringColumn, _ r: Int) -> Bool {
            s.validity.isValid(r) && s.withBytes(r) { b in regionBytes.contains { b.elementsEqual($0) } }
        }

        /// Whether cleaned row r holds a valid value of `column`; nil when the column has no validity test.
        func valid(_ column: String) -> ((Int) -> Bool)? {
            switch column {
            case "email": return emailValid.map { c in { r in c.validity.isValid(r) && c.values[r] } }
            case "phone": return phoneValid.map { c in { r in c.validity.isValid(r) && c.values[r] } }
            case "region": return region.map { c in { r in Self.isRegion(c, r) } }
            default: return nil
            }
        }
    }

    func columnQuality(golden: Table?) -> [CleanupQuality.ColumnQuality] {
        let given = preparation.customersAsGiven
        let provenance = preparation.resolution?.result.goldenProvenance
        let checks = ValidityColumns(preparation.customers)
        return reportedColumns.map { name in
            let valid = checks.valid(name)
            let tested = ["email", "phone", "region"].contains(name)
            var before = CleanupQuality.Measure(rows: given.rowCount, present: 0, valid: tested ? 0 : nil)
            if let c = given[name] {
                var present = 0, ok = 0
                for r in 0..<given.rowCount where Self.present(c, r) {
                    present += 1
                    if let valid, valid(r) { ok += 1 }
                }
                before.present = present
                if tested { before.valid = ok }
            }
            var after = CleanupQuality.Measure(rows: golden?.rowCount ?? 0, present: 0, valid: tested ? 0 : nil)
            if let golden, let c = golden[name] {
                let from = provenance?[name]?.int64s
                var present = 0, ok = 0
                for g in 0..<golden.rowCount where Self.present(c, g) {
                    present += 1
                    if name == "region" {
                        // The golden region is the cleaned (sales) region: valid when it is one.
                        if let s = c.strings, ValidityColumns.isRegion(s, g) { ok += 1 }
                    } else if let from, let valid, valid(Int(from.values[g])) {
                        ok += 1
                    }
                }
                after.present = present
                if tested { after.valid = ok }
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
    func comparable(_ column: String, given: Column?, cleaned: Column?, _ r: Int) -> String? {
        if let e = cleaned?.text(at: r) { return e }
        guard let given, let raw = given.text(at: r) else { return nil }
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

    /// Per column, the merged clusters whose rows disagree; the first `keep` disagreements in
    /// golden-id order in full, and how many there are in all.
    func conflicts(keep: Int = CleanupQualityPage.conflictsShown)
        -> (summary: [CleanupQuality.ConflictSummary], list: [CleanupQuality.Conflict], total: Int)
    {
        let p = preparation
        guard let result = p.resolution?.result, let counts = result.golden["member_count"]?.int64s else { return ([], [], 0) }
        // Rows of each golden record, contiguous and ascending (a counting sort by golden id).
        let goldenIndex = result.goldenIndex
        var start = [Int](repeating: 0, count: counts.values.count + 1)
        for g in goldenIndex { start[Int(g) + 1] += 1 }
        for g in 0..<counts.values.count { start[g + 1] += start[g] }
        var members = [Int](repeating: 0, count: goldenIndex.count)
        var fill = start
        for (r, g) in goldenIndex.enumerated() { members[fill[Int(g)]] = r; fill[Int(g)] += 1 }

        let columns = reportedColumns
        var perColumn = [Int](repeating: 0, count: columns.count)
        var list: [CleanupQuality.Conflict] = []
        var total = 0
        // Looked up once: the column as given, and the cleaned form that decides equality where there is one.
        let given = columns.map { p.customersAsGiven[$0] }
        let cleaned: [Column?] = columns.map { c in
            c == "phone" ? p.customers["phone_e164"] : c == "email" ? p.customers["email_normalized"] : nil
        }
        let chosenRows = columns.map { result.goldenProvenance[$0]?.int64s }
        let rules = columns.map { Self.rule(resolution.survivorship[$0] ?? resolution.defaultSurvivorship) }
        for g in 0..<counts.values.count where start[g + 1] - start[g] > 1 {
            let rows = members[start[g]..<start[g + 1]]
            for (k, column) in columns.enumerated() {
                let keys = rows.map { comparable(column, given: given[k], cleaned: cleaned[k], $0) }
                var distinct: [String] = []
                for key in keys.compactMap({ $0 }) where !distinct.contains(key) { distinct.append(key) }
                guard distinct.count > 1 else { continue }
                perColumn[k] += 1
                total += 1
                guard list.count < keep else { continue }
                let chosen = chosenRows[k].map { Int($0.values[g]) } ?? rows.first!
                list.append(CleanupQuality.Conflict(
                    goldenID: Int64(g), column: column,
                    values: zip(rows, keys).compactMap { r, key in
                        key == nil ? nil : (CleanupTables.rowName(p.customers, r), given[k]?.text(at: r) ?? "")
                    },
                    chosenRow: CleanupTables.rowName(p.customers, chosen),
                    chosenValue: given[k]?.text(at: chosen) ?? "", rule: rules[k]))
            }
        }
        let summary = columns.indices.compactMap { k in
            perColumn[k] == 0 ? nil : CleanupQuality.ConflictSummary(column: columns[k], rule: rules[k], clusters: perColumn[k])
        }
        return (summary, list, total)
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
