import Columns

/// The outcome of validating a table: which rows to quarantine and every failure with its reason.
public struct ValidationReport: Sendable {
    /// Rows (ascending) that failed a `.quarantine` rule.
    public var quarantinedRows: [Int32]
    /// One row per failure: row, column, rule, action, reason — in row order, then rule order.
    public var issues: Table

    public var issueCount: Int { issues.rowCount }
}

public enum ValidationError: Error, Equatable, CustomStringConvertible {
    case unknownColumn(rule: Int, column: String, available: [String])

    public var description: String {
        switch self {
        case .unknownColumn(let i, let c, let a):
            "validation rule \(i + 1): no column '\(c)' (columns: \(a.joined(separator: ", ")))"
        }
    }
}

/// Applies validation rules to a table. A rule on a missing column is an error, not a silent pass.
public enum Validator {
    public static func validate(_ table: Table, rules: [ValidationRule]) throws(ValidationError) -> ValidationReport {
        var columns: [Column] = []
        for (i, rule) in rules.enumerated() {
            guard let c = table[rule.column] else {
                throw .unknownColumn(rule: i, column: rule.column, available: table.columnNames)
            }
            columns.append(c)
        }
        let allowed: [Set<String>?] = rules.map { rule in
            if case .allowedValues(let v) = rule.check { Set(v.map(WidthFolding.foldAndCollapse)) } else { nil }
        }
        var rowOut = PrimitiveBuilder<Int64>(zero: 0)
        var columnOut = StringBuilder(), ruleOut = StringBuilder(), actionOut = StringBuilder(), reasonOut = StringBuilder()
        var quarantined: [Int32] = []
        for row in 0..<table.rowCount {
            var quarantine = false
            for (i, rule) in rules.enumerated() {
                let text = columns[i].text(at: row)
                let reason: String?
                switch rule.check {
                case .required:
                    reason = text.map(WidthFolding.foldAndCollapse)?.isEmpty == false ? nil : "required value missing"
                case .format(let f):
                    if let text, !WidthFolding.foldAndCollapse(text).isEmpty { reason = f.problem(with: text) } else { reason = nil }
                case .allowedValues:
                    if let text, !WidthFolding.foldAndCollapse(text).isEmpty, !allowed[i]!.contains(WidthFolding.foldAndCollapse(text)) {
                        reason = "'\(text)' is not an allowed value"
                    } else {
                        reason = nil
                    }
                }
                guard let reason else { continue }
                rowOut.append(Int64(row))
                columnOut.append(rule.column)
                ruleOut.append(ruleName(rule.check))
                actionOut.append(rule.action.rawValue)
                reasonOut.append(reason)
                if rule.action == .quarantine { quarantine = true }
            }
            if quarantine { quarantined.append(Int32(row)) }
        }
        let issues = try! Table(name: "validation_issues", columns: [
            ("row", .int64(rowOut.finish())), ("column", .string(columnOut.finish())), ("rule", .string(ruleOut.finish())),
            ("action", .string(actionOut.finish())), ("reason", .string(reasonOut.finish())),
        ])
        return ValidationReport(quarantinedRows: quarantined, issues: issues)
    }

    static func ruleName(_ check: ValidationRule.Check) -> String {
        switch check {
        case .required: "required"
        case .format(let f): "format:\(f.rawValue)"
        case .allowedValues: "allowed_values"
        }
    }
}
