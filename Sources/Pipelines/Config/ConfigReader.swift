import Columns
import Foundation
import Yams

/// Walks the YAML node tree of a pipeline file, collecting located issues instead of stopping at
/// the first, so `crm validate` lists everything to fix in one go.
struct ConfigReader {
    let file: String
    let baseDirectory: String
    /// Values for `${NAME}` in a postgres URL (the process environment unless a caller passes its own).
    let environment: [String: String]
    var issues: [PipelineIssue] = []

    init(file: String, baseDirectory: String, environment: [String: String] = [:]) {
        self.file = file
        self.baseDirectory = baseDirectory
        self.environment = environment
    }

    mutating func report(_ node: Node?, _ message: String) {
        let mark = node?.mark
        issues.append(PipelineIssue(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    func issue(for error: YamlError) -> PipelineIssue {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return PipelineIssue(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)")
        default:
            return PipelineIssue(file: file, line: 1, column: 1, message: "YAML: \(error)")
        }
    }

    /// The mapping's entries in file order, reporting keys not in `allowed` with the nearest valid one.
    mutating func entries(_ mapping: Node.Mapping, allowed: [String], context: String) -> [(key: String, keyNode: Node, value: Node)] {
        var out: [(String, Node, Node)] = []
        var seen = Set<String>()
        for (k, v) in mapping {
            guard let key = k.string else {
                report(k, "\(context): keys must be text")
                continue
            }
            guard allowed.contains(key) else {
                report(k, "\(context): unknown key '\(key)'\(NameSuggestion.hint(for: key, in: allowed)); valid keys: \(allowed.joined(separator: ", "))")
                continue
            }
            if !seen.insert(key).inserted { report(k, "\(context): key '\(key)' appears twice") }
            out.append((key, k, v))
        }
        return out
    }

    mutating func string(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let s) = node else {
            report(node, "\(what): expected a single value")
            return nil
        }
        return s.string
    }

    mutating func int(_ node: Node, _ what: String, range: ClosedRange<Int>) -> Int? {
        guard let s = string(node, what) else { return nil }
        guard let v = Int(s), range.contains(v) else {
            report(node, "\(what): expected a whole number from \(range.lowerBound) to \(range.upperBound), got '\(s)'")
            return nil
        }
        return v
    }

    mutating func double(_ node: Node, _ what: String, range: ClosedRange<Double>) -> Double? {
        guard let s = string(node, what) else { return nil }
        guard let v = Double(s), range.contains(v) else {
            report(node, "\(what): expected a number from \(formatDouble(range.lowerBound)) to \(formatDouble(range.upperBound)), got '\(s)'")
            return nil
        }
        return v
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard let s = string(node, what) else { return nil }
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, "\(what): expected true or false, got '\(s)'")
            return nil
        }
    }

    mutating func list(_ node: Node, _ what: String) -> [Node] {
        if case .sequence(let seq) = node { return Array(seq) }
        report(node, "\(what): expected a list, e.g. [a, b]")
        return []
    }

    mutating func stringList(_ node: Node, _ what: String) -> [String] {
        list(node, what).compactMap { string($0, what) }
    }

    mutating func map(_ node: Node, _ what: String) -> Node.Mapping? {
        if case .mapping(let m) = node { return m }
        report(node, "\(what): expected a mapping of key: value")
        return nil
    }

    /// `YYYY-MM-DD` → days since the epoch.
    mutating func date(_ node: Node, _ what: String) -> Int32? {
        guard let s = string(node, what) else { return nil }
        if let d = Self.parseISODate(s) { return d }
        report(node, "\(what): expected a date as YYYY-MM-DD or 'auto', got '\(s)'")
        return nil
    }

    static func parseISODate(_ s: String) -> Int32? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              CivilDate.isValid(year: y, month: m, day: d) else { return nil }
        return Int32(CivilDate.days(year: y, month: m, day: d))
    }

    /// A path relative to the pipeline file, checked to exist.
    mutating func existingPath(_ node: Node, _ what: String) -> String? {
        guard let raw = string(node, what) else { return nil }
        let resolved = raw.hasPrefix("/") ? raw : (baseDirectory as NSString).appendingPathComponent(raw)
        let standardized = (resolved as NSString).standardizingPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: standardized, isDirectory: &isDirectory), !isDirectory.boolValue else {
            let folder = (standardized as NSString).deletingLastPathComponent
            let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            let hint = NameSuggestion.hint(for: (raw as NSString).lastPathComponent, in: siblings.sorted())
            report(node, "\(what): no such file '\(raw)' (looked for \(standardized))\(hint)")
            return nil
        }
        return standardized
    }
}
