import Foundation
import Columns
import Yams

extension ConfigReader {
    mutating func readPipeline(_ root: Node.Mapping, path: String) -> PipelineConfig {
        var config = PipelineConfig(
            path: path, name: lastPathComponent(path), asOf: .auto, sources: [], stages: PipelineConfig.Stage.allCases,
            funnel: FunnelSettings(), rfm: RFMSettings(), churn: ChurnSettings(), forecast: ForecastSettings(),
            service: ServiceSettings(), resolution: ResolutionSettings(),
            reports: [ReportSpec(kind: .html(file: "index.html", lang: "en"), line: 0)], segments: [])
        var sawSources = false
        for (key, keyNode, value) in entries(root, allowed: PipelineLoader.topKeys, context: "pipeline") {
            switch key {
            case "name": config.name = string(value, "name") ?? config.name
            case "as_of":
                if string(value, "as_of")?.lowercased() == "auto" { config.asOf = .auto }
                else if let d = date(value, "as_of") { config.asOf = .date(d) }
            case "sources":
                sawSources = true
                config.sources = list(value, "sources").compactMap { readSource($0) }
            case "stages": config.stages = readStages(value)
            case "funnel": readFunnel(value, into: &config.funnel)
            case "rfm": readRFM(value, into: &config.rfm)
            case "churn": readChurn(value, into: &config.churn)
            case "forecast": readForecast(value, into: &config.forecast)
            case "service": readService(value, into: &config.service)
            case "resolution": readResolution(value, into: &config.resolution)
            case "reports": config.reports = list(value, "reports").compactMap { readReport($0) }
            case "segments": config.segments = readSegments(value)
            case "currency": readCurrency(value, into: &config.currency)
            case "cleanup": readCleanup(value, into: &config.cleanup)
            default: report(keyNode, "pipeline: key '\(key)' is not handled")
            }
        }
        if !sawSources { issues.append(PipelineIssue(file: file, line: 1, column: 1, message: "pipeline: no 'sources:' list; add at least one source")) }
        if sawSources && config.sources.isEmpty && issues.isEmpty {
            issues.append(PipelineIssue(file: file, line: 1, column: 1, message: "pipeline: 'sources:' is empty"))
        }
        return config
    }

    mutating func readSource(_ node: Node) -> SourceSpec? {
        guard let m = map(node, "source") else { return nil }
        let line = node.mark?.line ?? 0
        var table: CanonicalTable?
        var csvPath: String?, sqlitePath: String?, postgresURL: String?, query: String?
        var spec = SourceSpec(table: .customers, location: .csv(path: ""), profile: "generic", columns: [:], types: [:],
                              encoding: nil, delimiter: nil, dateOrder: "auto", decimalComma: false, line: line)
        var fileNode: Node?
        for (key, _, value) in entries(m, allowed: PipelineLoader.sourceKeys, context: "source") {
            switch key {
            case "table":
                guard let t = string(value, "table") else { continue }
                table = CanonicalTable(rawValue: t)
                if table == nil {
                    let names = CanonicalTable.allCases.map(\.rawValue)
                    report(value, "source: unknown table '\(t)'\(NameSuggestion.hint(for: t, in: names)); tables: \(names.joined(separator: ", "))")
                }
            case "file": fileNode = value; csvPath = existingPath(value, "source file")
            case "sqlite": fileNode = value; sqlitePath = existingPath(value, "source sqlite")
            case "postgres": fileNode = value; postgresURL = expandedURL(value)
            case "query": query = string(value, "query")
            case "sheet": spec.sheet = string(value, "sheet")
            case "profile":
                guard let p = string(value, "profile") else { continue }
                let beside = ((baseDirectory as NSString).appendingPathComponent("profiles/\(p).yml") as NSString).standardizingPath
                if p.hasSuffix(".yml") || p.hasSuffix(".yaml") {
                    // A user's copy of a profile, relative to this pipeline file.
                    if let path = existingPath(value, "profile") { spec.profile = path }
                } else if PipelineLoader.profiles.contains(p) {
                    // profiles/<name>.yml beside the pipeline overrides the bundled profile.
                    spec.profile = FileManager.default.fileExists(atPath: beside) ? beside : p
                } else {
                    report(value, "source: unknown profile '\(p)'\(NameSuggestion.hint(for: p, in: PipelineLoader.profiles)); profiles: \(PipelineLoader.profiles.joined(separator: ", "))")
                }
            case "columns":
                guard let cm = map(value, "columns") else { continue }
                for (k, v) in cm {
                    guard let canonical = k.string, let header = string(v, "columns.\(k.string ?? "")") else { continue }
                    spec.columns[canonical] = header
                }
            case "types":
                guard let tm = map(value, "types") else { continue }
                for (k, v) in tm {
                    guard let column = k.string, let t = string(v, "types.\(column)") else { continue }
                    if let type = ColumnType(rawValue: t) { spec.types[column] = type } else {
                        let names = ColumnType.allCases.map(\.rawValue)
                        report(v, "types.\(column): unknown type '\(t)'\(NameSuggestion.hint(for: t, in: names)); types: \(names.joined(separator: ", "))")
                    }
                }
            case "encoding":
                guard let e = string(value, "encoding") else { continue }
                let known = ["auto", "utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16le", "utf-16be"]
                if known.contains(e.lowercased()) { spec.encoding = e.lowercased() == "auto" ? nil : e.lowercased() } else {
                    report(value, "encoding: unknown '\(e)'\(NameSuggestion.hint(for: e, in: known)); encodings: \(known.joined(separator: ", "))")
                }
            case "delimiter":
                guard let d = string(value, "delimiter") else { continue }
                let map: [String: UInt8] = [",": 44, ";": 59, "\\t": 9, "tab": 9, "\t": 9, "|": 124]
                if let b = map[d] { spec.delimiter = b } else { report(value, "delimiter: expected one of , ; tab |, got '\(d)'") }
            case "date_order":
                guard let o = string(value, "date_order") else { continue }
                if ["auto", "dmy", "mdy"].contains(o) { spec.dateOrder = o } else { report(value, "date_order: expected auto, dmy or mdy, got '\(o)'") }
            case "decimal_comma": spec.decimalComma = bool(value, "decimal_comma") ?? false
            case "id_prefix": spec.idPrefix = idPrefix(value)
            default: break
            }
        }
        guard let table else {
            if m.keys.contains(where: { $0.string == "table" }) == false { report(node, "source: missing 'table:' (one of \(CanonicalTable.allCases.map(\.rawValue).joined(separator: ", ")))") }
            return nil
        }
        spec.table = table
        switch (csvPath, sqlitePath, postgresURL) {
        case (let p?, nil, nil): spec.location = .csv(path: p)
        case (nil, let p?, nil):
            spec.location = .sqlite(path: p, query: query ?? "select * from \(table.rawValue)")
        case (nil, nil, let url?):
            spec.location = .postgres(connection: url, query: query ?? "select * from \(table.rawValue)")
        case (nil, nil, nil):
            if fileNode == nil { report(node, "source (\(table.rawValue)): give 'file:' (CSV) or 'sqlite:' / 'postgres:' (with 'query:')") }
            return nil
        default:
            report(fileNode, "source (\(table.rawValue)): give either 'file:' or 'sqlite:' or 'postgres:', only one")
            return nil
        }
        let canonicalNames = table.fields.map(\.name)
        for (canonical, _) in spec.columns where !canonicalNames.contains(canonical) {
            let keyNode = m.first { $0.key.string == "columns" }?.value
            report(keyNode, "columns: '\(canonical)' is not a column of \(table.rawValue)\(NameSuggestion.hint(for: canonical, in: canonicalNames)); columns: \(canonicalNames.joined(separator: ", "))")
        }
        return spec
    }

    /// The postgres URL with `${NAME}` / `${NAME:-default}` filled from the environment.
    mutating func expandedURL(_ node: Node) -> String? {
        guard let raw = string(node, "source postgres") else { return nil }
        switch EnvironmentExpansion.expand(raw, environment: environment) {
        case .success(let url): return url
        case .failure(.unset(let name)):
            report(node, "source postgres: environment variable \(name) is not set; set it, or give a default as ${\(name):-value}")
        case .failure(.malformed(let what)):
            report(node, "source postgres: \(what); write ${NAME} or ${NAME:-default}")
        }
        return nil
    }

    mutating func readStages(_ node: Node) -> [PipelineConfig.Stage] {
        let names = PipelineConfig.Stage.allCases.map(\.rawValue)
        var stages: [PipelineConfig.Stage] = []
        for item in list(node, "stages") {
            guard let s = string(item, "stage") else { continue }
            if let stage = PipelineConfig.Stage(rawValue: s) { stages.append(stage) } else {
                report(item, "stages: unknown stage '\(s)'\(NameSuggestion.hint(for: s, in: names)); stages: \(names.joined(separator: ", "))")
            }
        }
        return stages
    }

    mutating func readSegments(_ node: Node) -> [(name: String, expression: String)] {
        guard let m = map(node, "segments") else { return [] }
        var out: [(String, String)] = []
        for (k, v) in m {
            guard let name = k.string, let expr = string(v, "segments.\(k.string ?? "")") else { continue }
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !name.isEmpty else {
                report(k, "segments: name '\(name)' must be letters, digits and _ (it becomes @\(name) and a CSV file name)")
                continue
            }
            out.append((name, expr))
        }
        return out
    }
}
