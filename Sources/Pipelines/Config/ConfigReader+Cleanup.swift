import Cleaning
import Columns
import Foundation
import Yams

extension ConfigReader {
    static let cleanupKeys = ["out", "lang", "validate"]
    static let validationKeys = ["column", "check", "action"]
    /// `check:` words: required, one of the `ValueFormat`s, or `allowed` (with `values:`).
    static var validationChecks: [String] { ["required", "allowed"] + ValueFormat.allCases.map(\.rawValue) }

    mutating func readCleanup(_ node: Node, into s: inout CleanupSettings) {
        guard let m = map(node, "cleanup") else { return }
        for (key, _, value) in entries(m, allowed: Self.cleanupKeys, context: "cleanup") {
            switch key {
            case "out":
                guard let raw = string(value, "cleanup.out"), !raw.isEmpty else { continue }
                let resolved = raw.hasPrefix("/") ? raw : (baseDirectory as NSString).appendingPathComponent(raw)
                s.out = (resolved as NSString).standardizingPath
            case "lang":
                guard let l = string(value, "cleanup.lang") else { continue }
                if ["zh", "en"].contains(l) { s.lang = l } else { report(value, "cleanup.lang: expected zh or en, got '\(l)'") }
            default:
                s.validate = list(value, "cleanup.validate").compactMap { readValidationRule($0) }
            }
        }
    }

    /// `{ column: name, check: required, action: quarantine }`, `{ column: email, check: email }`
    /// (action defaults to flag), `{ column: region, check: allowed, values: [华东, 华南] }`.
    mutating func readValidationRule(_ node: Node) -> ValidationRule? {
        guard let m = map(node, "validation rule") else { return nil }
        var column: String?, checkName: String?, checkNode: Node?, values: [String]?, action = ValidationRule.Action.flag
        for (k, v) in m {
            guard let key = k.string else { report(k, "validation rule: keys must be text"); continue }
            switch key {
            case "column": column = string(v, "validate.column")
            case "check": checkName = string(v, "validate.check"); checkNode = v
            case "values": values = stringList(v, "validate.values")
            case "action":
                guard let a = string(v, "validate.action") else { continue }
                if let parsed = ValidationRule.Action(rawValue: a) { action = parsed } else {
                    report(v, "validate.action: expected quarantine or flag\(NameSuggestion.hint(for: a, in: ["quarantine", "flag"])), got '\(a)'")
                }
            default:
                let allowed = Self.validationKeys + ["values"]
                report(k, "validation rule: unknown key '\(key)'\(NameSuggestion.hint(for: key, in: allowed)); valid keys: \(allowed.joined(separator: ", "))")
            }
        }
        guard let column, !column.isEmpty else { report(node, "validation rule: missing 'column:'"); return nil }
        let customerColumns = CanonicalTable.customers.fields.map(\.name)
        guard let checkName else {
            report(node, "validation rule on \(column): missing 'check:' (one of \(Self.validationChecks.joined(separator: ", ")))")
            return nil
        }
        let check: ValidationRule.Check
        switch checkName {
        case "required": check = .required
        case "allowed":
            guard let values, !values.isEmpty else {
                report(node, "validation rule on \(column): 'check: allowed' needs 'values: [a, b, …]'")
                return nil
            }
            check = .allowedValues(values)
        default:
            guard let format = ValueFormat(rawValue: checkName) else {
                report(checkNode, "validate.check: unknown check '\(checkName)'\(NameSuggestion.hint(for: checkName, in: Self.validationChecks)); checks: \(Self.validationChecks.joined(separator: ", "))")
                return nil
            }
            check = .format(format)
        }
        // Extra attributes (birth_date, postcode …) are allowed; a near-miss of a canonical name is a typo.
        if !customerColumns.contains(column), let near = NameSuggestion.nearest(to: column, in: customerColumns) {
            report(m.first { $0.key.string == "column" }?.value ?? node,
                   "validate.column: '\(column)' is not a customers column (did you mean '\(near)'?)")
            return nil
        }
        return ValidationRule(column: column, check: check, action: action)
    }
}
