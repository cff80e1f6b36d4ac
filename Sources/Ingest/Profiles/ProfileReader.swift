import Columns
import Foundation
import Yams

/// Reads profile YAML into a `CRMProfile`, with errors that name the file, line and the nearest
/// valid key. Bundled profiles ship as resources of Ingest; a user's copy wins over them (see
/// `ProfileCatalog`).
enum ProfileReader {
    static let topKeys = ["profile", "system", "notes", "ids", "date_order", "encoding", "decimal_comma", "stages", "files"]
    static let fileKeys = ["match", "table", "sheet", "columns", "fill_from", "values", "lookups", "status_when", "foreign_keys", "notes"]

    static func read(path: String) throws(IngestError) -> CRMProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotOpen(path: path, reason: "no such profile file")
        }
        return try read(text: String(decoding: data, as: UTF8.self), origin: path)
    }

    static func read(text: String, origin: String) throws(IngestError) -> CRMProfile {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw IngestError.profile(path: origin, line: nil, message: "empty profile") }
            root = node
        } catch let e as IngestError {
            throw e
        } catch {
            throw .profile(path: origin, line: nil, message: "not valid YAML: \(error)")
        }
        func fail(_ node: Node?, _ message: String) -> IngestError {
            .profile(path: origin, line: node?.mark.map { $0.line }, message: message)
        }
        guard let top = root.mapping else { throw fail(root, "expected a mapping with keys \(topKeys.joined(separator: ", "))") }
        for key in top.keys where !topKeys.contains(key.string ?? "") {
            throw fail(key, "unknown key '\(key.string ?? "")'\(NameSuggestion.hint(for: key.string ?? "", in: topKeys))")
        }
        guard let name = top["profile"]?.string else { throw fail(root, "missing `profile: <name>`") }
        var profile = CRMProfile(name: name, system: top["system"]?.string ?? name, origin: origin, files: [],
                                 stages: [:], ids: .asIs, dateOrder: .auto, encoding: nil, decimalComma: false)
        if let ids = top["ids"] {
            let s = ids.string ?? ""
            if s == "salesforce15" {
                profile.ids = .salesforce15
            } else if s.hasPrefix("strip_prefix:") {
                profile.ids = .stripPrefix(String(s.dropFirst("strip_prefix:".count)).trimmingSpaces)
            } else if s != "as_is" {
                throw fail(ids, "ids: expected as_is, salesforce15 or 'strip_prefix: <prefix>', got '\(s)'")
            }
        }
        if let d = top["date_order"] {
            guard let order = DateOrder(rawValue: d.string ?? "") else {
                let names = DateOrder.allCases.map(\.rawValue)
                throw fail(d, "date_order: unknown '\(d.string ?? "")'\(NameSuggestion.hint(for: d.string ?? "", in: names)); "
                           + "orders: \(names.joined(separator: ", ")) (year-first dates are always read)")
            }
            profile.dateOrder = order
        }
        if let e = top["encoding"] {
            switch e.string ?? "" {
            case "utf-8": profile.encoding = .utf8
            case "gbk", "gb18030": profile.encoding = .gb18030
            case "auto": profile.encoding = nil
            default: throw fail(e, "encoding: expected utf-8, gbk or auto")
            }
        }
        profile.decimalComma = top["decimal_comma"]?.bool ?? false
        if let stages = top["stages"] {
            guard let m = stages.mapping else { throw fail(stages, "stages: expected `label: canonical stage` pairs") }
            for (k, v) in m {
                let label = k.string ?? "", stage = v.string ?? ""
                guard CRMProfile.canonicalStages.contains(stage) else {
                    throw fail(v, "stages.\(label): '\(stage)' is not a canonical stage"
                               + NameSuggestion.hint(for: stage, in: CRMProfile.canonicalStages)
                               + "; stages: \(CRMProfile.canonicalStages.joined(separator: ", "))")
                }
                profile.stages[label] = stage
            }
        }
        guard let files = top["files"]?.sequence, !files.isEmpty else { throw fail(root, "missing `files:` (a list of file rules)") }
        for f in files { profile.files.append(try fileRule(f, fail: fail)) }
        return profile
    }

    private static func fileRule(_ node: Node, fail: (Node?, String) -> IngestError) throws(IngestError) -> CRMProfile.FileRule {
        guard let m = node.mapping else { throw fail(node, "a file rule is a mapping with keys \(fileKeys.joined(separator: ", "))") }
        for key in m.keys where !fileKeys.contains(key.string ?? "") {
            throw fail(key, "unknown key '\(key.string ?? "")'\(NameSuggestion.hint(for: key.string ?? "", in: fileKeys))")
        }
        let patterns = strings(m["match"])
        guard !patterns.isEmpty else { throw fail(node, "file rule without `match:` patterns") }
        let tableNames = CanonicalTable.allCases.map(\.rawValue)
        guard let tn = m["table"]?.string, let table = CanonicalTable(rawValue: tn) else {
            let t = m["table"]?.string ?? ""
            throw fail(m["table"] ?? node, "table: unknown '\(t)'\(NameSuggestion.hint(for: t, in: tableNames)); tables: \(tableNames.joined(separator: ", "))")
        }
        let fieldNames = table.fields.map(\.name)
        var rule = CRMProfile.FileRule(patterns: patterns, table: table, sheet: m["sheet"]?.string, columns: [:], fillFrom: [:], values: [:],
                                       lookups: [:], statusRules: [], foreignKeys: [:])
        func canonical(_ k: Node) throws(IngestError) -> String {
            let c = k.string ?? ""
            guard table.field(c) != nil else {
                throw fail(k, "'\(c)' is not a column of \(table.rawValue)\(NameSuggestion.hint(for: c, in: fieldNames)); columns: \(fieldNames.joined(separator: ", "))")
            }
            return c
        }
        if let cols = m["columns"]?.mapping {
            for (k, v) in cols { rule.columns[try canonical(k)] = strings(v) }
        }
        if let fills = m["fill_from"]?.mapping {
            for (k, v) in fills { rule.fillFrom[try canonical(k)] = strings(v) }
        }
        if let vals = m["values"]?.mapping {
            for (k, v) in vals {
                let c = try canonical(k)
                var map: [String: String] = [:]
                for (a, b) in v.mapping ?? [:] { map[a.string ?? ""] = b.string ?? "" }
                rule.values[c] = map
            }
        }
        if let lookups = m["lookups"]?.mapping {
            for (k, v) in lookups {
                let c = try canonical(k)
                guard let lm = v.mapping, let file = lm["file"]?.string, let key = lm["key"]?.string,
                      let value = lm["value"]?.string else {
                    throw fail(v, "lookups.\(c): expected { file, key, value, locales }")
                }
                rule.lookups[c] = CRMProfile.Lookup(file: file, key: key, value: value, locales: strings(lm["locales"]))
            }
        }
        for r in m["status_when"]?.sequence ?? [] {
            guard let rm = r.mapping, let column = rm["column"]?.string, let status = rm["status"]?.string else {
                throw fail(r, "status_when: expected { column, equals, status }")
            }
            rule.statusRules.append(CRMProfile.StatusRule(column: column, equals: strings(rm["equals"]), status: status))
        }
        if let fks = m["foreign_keys"]?.mapping {
            for (k, v) in fks {
                let c = try canonical(k)
                guard let t = v.string.flatMap(CanonicalTable.init(rawValue:)) else {
                    throw fail(v, "foreign_keys.\(c): unknown table '\(v.string ?? "")'\(NameSuggestion.hint(for: v.string ?? "", in: tableNames))")
                }
                rule.foreignKeys[c] = t
            }
        }
        return rule
    }

    /// A scalar or a list of scalars.
    private static func strings(_ node: Node?) -> [String] {
        guard let node else { return [] }
        if let s = node.sequence { return s.compactMap(\.string) }
        return node.string.map { [$0] } ?? []
    }
}
