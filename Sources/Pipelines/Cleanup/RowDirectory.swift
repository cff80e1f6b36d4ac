import Foundation
import Columns

/// Finds a source row from what a user types: `SOURCE:LINE` (as in merge_log.csv and
/// source_rows), or the row's customer_id when exactly one row has it. A wrong name gets an error
/// that names the nearest valid row.
struct RowDirectory {
    let customers: Table
    let quarantine: [CleanupQuarantine]
    let sources: [String]

    func row(for reference: String) throws -> Int {
        let ref = reference.trimmingCharacters(in: .whitespaces)
        let lineage = customers.lineage
        if let (source, line) = RowName.parse(ref), sources.contains(source) {
            if let lineage {
                // Lines ascend within a source, but sources interleave after validation: scan.
                for r in 0..<customers.rowCount where lineage.source(of: r) == source && Int(lineage.line[r]) == line { return r }
            }
            if let q = quarantine.first(where: { $0.table == .customers && $0.row.source == source && $0.row.line == line }) {
                throw CleanupError.quarantinedRow(row: ref, reason: q.row.reason)
            }
            throw CleanupError.unknownRow("no row \(ref): \(source) has no customer row at line \(line)" + nearestLine(source: source, line: line))
        }
        if let ids = customers["customer_id"]?.strings {
            var matches: [Int] = []
            for r in 0..<customers.rowCount where ids[r] == ref { matches.append(r) }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                let names = matches.prefix(4).map { CleanupTables.rowName(customers, $0) }.joined(separator: ", ")
                throw CleanupError.unknownRow("customer_id \(ref) is used by \(matches.count) rows (\(names)); name one as SOURCE:LINE")
            }
        }
        if let parsed = RowName.parse(ref) {
            let hint = NameSuggestion.nearest(to: parsed.source, in: sources).map { " (did you mean '\($0):\(parsed.line)'?)" } ?? ""
            throw CleanupError.unknownRow("no source '\(parsed.source)'\(hint); sources: \(sources.joined(separator: ", "))")
        }
        var candidates: [String] = []
        if let ids = customers["customer_id"]?.strings {
            for r in 0..<customers.rowCount { if let id = ids[r] { candidates.append(id) } }
        }
        let hint = NameSuggestion.nearest(to: ref, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
        let example = customers.rowCount > 0 ? CleanupTables.rowName(customers, 0) : "SOURCE:LINE"
        throw CleanupError.unknownRow("no row '\(ref)'\(hint); name a row as SOURCE:LINE (e.g. \(example)) or by its customer_id")
    }

    /// " — nearest: SOURCE:LINE" for the linked row of `source` whose line is closest to `line`.
    private func nearestLine(source: String, line: Int) -> String {
        guard let lineage = customers.lineage else { return "" }
        var best: Int?
        for r in 0..<customers.rowCount where lineage.source(of: r) == source {
            let l = Int(lineage.line[r])
            if best == nil || abs(l - line) < abs(best! - line) || (abs(l - line) == abs(best! - line) && l < best!) { best = l }
        }
        return best.map { " (nearest linked row: \(RowName.of(source: source, line: $0)))" } ?? " (it has no linked rows)"
    }
}

extension CleanupRunner {
    /// Field by field, why two source rows do or do not match under the model this pipeline fits:
    /// both rows named and shown with their golden records, then the resolver's explanation
    /// (values compared, comparison level, each field's weight, total weight, probability,
    /// threshold and verdict).
    public func explain(_ a: String, _ b: String) throws -> String {
        let p = try CleanupPreparation.run(config: config, progress: options.progress)
        let directory = RowDirectory(customers: p.customers, quarantine: p.quarantine, sources: p.loaded.customerSources)
        let ra = try directory.row(for: a), rb = try directory.row(for: b)
        guard let result = p.resolution?.result else { throw CleanupError.unknownRow("no customer rows were resolved") }
        func describe(_ r: Int) -> String {
            let id = p.customers["customer_id"]?.text(at: r) ?? "–"
            let name = p.customers["name"]?.text(at: r) ?? "–"
            return "\(CleanupTables.rowName(p.customers, r))  customer_id \(id)  name \(name)  → golden_id \(result.goldenIndex[r])"
        }
        // The resolver numbers rows in its own input order; say which numbers the two names became.
        return ["A (row \(ra) below) = " + describe(ra), "B (row \(rb) below) = " + describe(rb), result.explain(ra, rb)].joined(separator: "\n") + "\n"
    }
}
