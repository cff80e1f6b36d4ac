import Cleaning
import Columns
import Ingest
import Reports

/// The pipeline's `cleanup.validate` rules on the loaded customers: rows failing a `quarantine`
/// rule leave for quarantine.csv with the rule's reason; `flag` failures stay and are counted.
struct ValidationStep {
    struct Outcome {
        /// The customers that passed, lineage kept.
        var kept: Table
        var quarantine: [CleanupQuarantine]
        var flags: [CleanupQuality.Flag]
    }

    let rules: [ValidationRule]
    /// Pipeline position of each customer source, by short name, so quarantined rows sort with their source.
    let sourceOrder: [String: Int]

    func run(_ customers: Table) throws -> Outcome {
        guard !rules.isEmpty else { return Outcome(kept: customers, quarantine: [], flags: []) }
        let report: ValidationReport
        do {
            report = try Validator.validate(customers, rules: rules)
        } catch {
            switch error {
            case .unknownColumn(_, let column, let available):
                throw CleanupError.unknownValidationColumn(column: column, available: available)
            }
        }
        let issueRows = report.issues["row"]?.int64s, issueColumns = report.issues["column"]?.strings
        let issueActions = report.issues["action"]?.strings, issueReasons = report.issues["reason"]?.strings
        let issueRules = report.issues["rule"]?.strings
        // First quarantine reason per row, and flag counts per (column, rule) in rule order.
        var reasonOf: [Int: (column: String, reason: String)] = [:]
        var flagCounts: [String: Int] = [:]
        var flagOrder: [(column: String, rule: String)] = []
        for i in 0..<report.issues.rowCount {
            let row = Int(issueRows?.values[i] ?? -1)
            let column = issueColumns?[i] ?? "", reason = issueReasons?[i] ?? "", rule = issueRules?[i] ?? ""
            if issueActions?[i] == ValidationRule.Action.quarantine.rawValue {
                if reasonOf[row] == nil { reasonOf[row] = (column, reason) }
            } else {
                let key = column + "\u{1F}" + rule
                if flagCounts[key] == nil { flagOrder.append((column, rule)) }
                flagCounts[key, default: 0] += 1
            }
        }
        var quarantine: [CleanupQuarantine] = []
        let lineage = customers.lineage
        for r32 in report.quarantinedRows {
            let r = Int(r32)
            let source = lineage?.source(of: r) ?? "customers"
            let line = lineage.map { Int($0.line[r]) } ?? r + 1
            let why = reasonOf[r] ?? ("", "failed a validation rule")
            let raw = customers.columns.map { $0.text(at: r) ?? "" }.joined(separator: ",")
            quarantine.append(CleanupQuarantine(
                table: .customers, sourceOrder: sourceOrder[source] ?? 0,
                row: QuarantinedRow(source: source, line: line, column: why.column, reason: why.reason, raw: raw)))
        }
        var dropped = [Bool](repeating: false, count: customers.rowCount)
        for r in report.quarantinedRows { dropped[Int(r)] = true }
        let kept = customers.gather((0..<customers.rowCount).filter { !dropped[$0] })
        let flags = flagOrder.map { f in
            CleanupQuality.Flag(column: f.column, rule: f.rule, rows: flagCounts[f.column + "\u{1F}" + f.rule] ?? 0)
        }
        return Outcome(kept: kept, quarantine: quarantine, flags: flags)
    }
}
