import Columns
import Foundation

/// Loads one exported file with a profile: picks the file rule by name, resolves the rule's
/// candidate headers against the file's real ones, loads through `CSVLoader` or `ExcelLoader`
/// (so accounting and quarantine are theirs), then rewrites values (stage labels → canonical
/// stages, lookups, ids) and derives an opportunity's status from its stage.
public enum ProfileLoader {
    public struct Loaded: Sendable {
        public var result: LoadResult
        public var rule: CRMProfile.FileRule
        /// Headers the profile does not map, each with the nearest canonical column name if one is close.
        public var unknownHeaders: [(header: String, nearest: String?)]
        /// Stage labels no `stages:` entry maps; kept as exported, so the funnel will not count them.
        public var unmappedStages: [String]
    }

    /// `table`: the canonical table the caller wants (a pipeline source's `table:`), which picks the
    /// rule when the file was renamed; `columns` (canonical → header) win over the profile's.
    public static func load(path: String, profile: CRMProfile, table: CanonicalTable? = nil, sheet: String? = nil,
                            columns overrides: [String: String] = [:]) throws(IngestError) -> Loaded {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let byName = profile.files.filter { r in r.patterns.contains { FileGlob.matches($0, fileName) } }
        guard let rule = byName.first(where: { table == nil || $0.table == table })
            ?? profile.files.first(where: { $0.table == table }) else {
            let patterns = profile.files.flatMap(\.patterns)
            let wanted = table.map { " for table \($0.rawValue)" } ?? ""
            throw .profile(path: path, line: nil,
                           message: "profile \(profile.name) (\(profile.origin)) has no rule\(wanted) for file '\(fileName)'\(NameSuggestion.hint(for: fileName, in: patterns)); patterns: \(patterns.joined(separator: ", "))")
        }
        let isExcel = fileName.lowercased().hasSuffix(".xlsx")
        let headers = try isExcel ? ExcelLoader.headers(path: path, options: ExcelOptions(sheet: sheet ?? rule.sheet))
            : csvHeaders(path: path, encoding: profile.encoding)
        let columnMap = Self.columnMap(rule: rule, headers: headers, overrides: overrides)
        var csv = CSVOptions(encoding: profile.encoding, columnMap: columnMap, dateOrder: profile.dateOrder,
                             decimalComma: profile.decimalComma, table: rule.table)
        csv.types = textTypes(rule: rule, columnMap: columnMap)
        var result = try isExcel ? ExcelLoader.load(path: path, options: ExcelOptions(sheet: sheet ?? rule.sheet, like: csv))
            : CSVLoader.load(path: path, options: csv)
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let unmapped = try applyRule(rule, of: profile, to: &result, lookupDirectory: directory.isEmpty ? "." : directory)
        let known = rule.table.fields.map(\.name)
        let unknown = result.unmappedHeaders.map { h in (header: h, nearest: NameSuggestion.nearest(to: h, in: known)) }
        return Loaded(result: result, rule: rule, unknownHeaders: unknown, unmappedStages: unmapped)
    }

    /// Canonical column → the header that feeds it: the rule's first candidate present in `headers`,
    /// then the caller's `overrides` (a pipeline source's `columns:`), which win.
    static func columnMap(rule: CRMProfile.FileRule, headers: [String], overrides: [String: String]) -> [String: String] {
        var columnMap: [String: String] = [:]
        for (canonical, candidates) in rule.columns.sorted(by: { $0.key < $1.key }) {
            if let h = firstPresent(candidates, in: headers) { columnMap[canonical] = h }
        }
        for (canonical, header) in overrides {
            // A header the override claims is no longer the profile's for another column.
            for (k, v) in columnMap where v == header && k != canonical { columnMap[k] = nil }
            columnMap[canonical] = header
        }
        return columnMap
    }

    /// Columns whose values the profile rewrites are read as text first (lookups, percentages).
    static func textTypes(rule: CRMProfile.FileRule, columnMap: [String: String]) -> [String: ColumnType] {
        var types: [String: ColumnType] = [:]
        for c in rule.lookups.keys { types[c] = .string }
        if rule.table.field("probability") != nil && columnMap["probability"] != nil { types["probability"] = .string }
        return types
    }

    /// The profile's rewrites on a loaded result: percentages, lookups (from files in
    /// `lookupDirectory`; none when nil), fills, value maps, canonical stages, derived status and id
    /// forms. Returns the stage labels no `stages:` entry maps.
    static func applyRule(_ rule: CRMProfile.FileRule, of profile: CRMProfile, to result: inout LoadResult,
                          lookupDirectory: String?) throws(IngestError) -> [String] {
        // Read as text because the profile maps it (`textTypes`): `75`, `75%`, `75％` → 75.
        if rule.table.field("probability") != nil && result.table["probability"]?.strings != nil {
            try PercentValues.convert(&result, column: "probability")
        }
        if let directory = lookupDirectory {
            for (column, lookup) in rule.lookups.sorted(by: { $0.key < $1.key }) {
                let table = try lookupTable(lookup, directory: directory, profile: profile)
                try rewrite(&result.table, column: column) { table[profile.ids.normalized($0)] ?? $0 }
            }
        }
        for (column, headers) in rule.fillFrom.sorted(by: { $0.key < $1.key }) {
            try fillEmpty(&result.table, column: column, from: headers)
        }
        for (column, map) in rule.values.sorted(by: { $0.key < $1.key }) {
            try rewrite(&result.table, column: column) { map[$0] ?? $0 }
        }
        var unmapped: [String] = []
        if result.table["stage"] != nil {
            var seen = Set<String>()
            try rewrite(&result.table, column: "stage") { label in
                if let s = profile.canonicalStage(label) { return s }
                if seen.insert(label).inserted { unmapped.append(label) }
                return label
            }
        }
        if rule.table == .opportunities { try deriveStatus(&result.table, rules: rule.statusRules) }
        if profile.ids != .asIs {
            for f in rule.table.fields where f.name.hasSuffix("_id") && result.table[f.name]?.strings != nil {
                try normalizeIDs(&result.table, column: f.name, format: profile.ids)
            }
        }
        return unmapped
    }

    static func firstPresent(_ candidates: [String], in headers: [String]) -> String? {
        for c in candidates {
            if headers.contains(c) { return c }
            let n = HeaderAliases.normalize(c)
            if let h = headers.first(where: { HeaderAliases.normalize($0) == n }) { return h }
        }
        return nil
    }

    /// The header record of a CSV file, decoded as `CSVLoader` would.
    static func csvHeaders(path: String, encoding: TextEncoding?) throws(IngestError) -> [String] {
        let file = try SourceBytes(path: path)
        let (text, skip, _) = try CSVLoader.decode(file, declared: encoding)
        let body = UnsafeRawBufferPointer(rebasing: text.bytes[skip...])
        let end = RecordBoundary.endOfFirstRecord(body, quote: 0x22).end
        let head = UnsafeRawBufferPointer(rebasing: body[0..<end])
        let delimiter = DelimiterSniffer.sniff(head)
        let records = withExtendedLifetime(text) { RecordCollector.collect(head, delimiter: delimiter, limit: 1) }
        return records.first?.map { String(decoding: $0, as: UTF8.self) } ?? []
    }

    /// key → value of a lookup file (CSV or xlsx beside the source), with jsonb translations resolved;
    /// keys in the profile's id form, so 15- and 18-character Salesforce ids find each other.
    static func lookupTable(_ lookup: CRMProfile.Lookup, directory: String, profile: CRMProfile) throws(IngestError)
        -> [String: String]
    {
        let path = directory + "/" + lookup.file
        let loaded = lookup.file.lowercased().hasSuffix(".xlsx")
            ? try ExcelLoader.load(path: path, options: ExcelOptions(types: [lookup.key: .string, lookup.value: .string]))
            : try CSVLoader.load(path: path, options: CSVOptions(encoding: profile.encoding,
                                                                 types: [lookup.key: .string, lookup.value: .string]))
        let t = loaded.table
        guard let keys = t[lookup.key]?.strings, let values = t[lookup.value]?.strings else {
            throw .profile(path: path, line: 1, message: "lookup needs columns '\(lookup.key)' and '\(lookup.value)'; columns: \(t.columnNames.joined(separator: ", "))")
        }
        var map: [String: String] = [:]
        for r in 0..<t.rowCount {
            guard let k = keys[r], let v = values[r] else { continue }
            map[profile.ids.normalized(k)] = TranslatedName.pick(v, locales: lookup.locales)
        }
        return map
    }

    /// Rewrites a string column through `transform`, evaluated once per distinct value.
    static func rewrite(_ table: inout Table, column: String, _ transform: (String) -> String) throws(IngestError) {
        guard let col = table[column]?.strings else { return }
        let encoded = col.dictionaryEncoded()
        guard case .dictionary(let codes, let dictionary) = encoded.storage else { return }
        var interner = ByteInterner()
        var remap = [Int32](repeating: 0, count: dictionary.count)
        for i in 0..<dictionary.count { remap[i] = interner.intern(transform(dictionary[i])) }
        let newCodes = codes.map { remap[Int($0)] }
        do {
            try table.add(column, .string(StringColumn(storage: .dictionary(codes: newCodes, dictionary: interner.strings),
                                                      validity: col.validity)))
        } catch {
            throw .table(path: table.name, error)
        }
    }

    /// Opportunities without a status get it from the canonical stage (won, lost, otherwise open);
    /// then `status_when` rules on extra columns override.
    static func deriveStatus(_ table: inout Table, rules: [CRMProfile.StatusRule]) throws(IngestError) {
        guard let stage = table["stage"]?.strings else { return }
        let existing = table["status"]?.strings
        var status = [String?](repeating: nil, count: table.rowCount)
        for r in 0..<table.rowCount {
            if let e = existing?[r] { status[r] = e; continue }
            switch stage[r] {
            case "won": status[r] = "won"
            case "lost": status[r] = "lost"
            case nil: status[r] = nil
            default: status[r] = "open"
            }
        }
        for rule in rules {
            guard let c = table[rule.column] else { continue }
            for r in 0..<table.rowCount where rule.equals.contains(c.text(at: r) ?? "") { status[r] = rule.status }
        }
        do { try table.add("status", .string(StringColumn(status).dictionaryEncoded())) } catch { throw .table(path: table.name, error) }
        // A derived status goes to its canonical place, not after the extra columns.
        if existing == nil {
            let order = CanonicalTable.opportunities.fields.map(\.name).filter { table[$0] != nil }
                + table.columnNames.filter { CanonicalTable.opportunities.field($0) == nil }
            if let t = try? table.select(order) { table = t }
        }
    }

    /// Fills the empty values of string column `column` from the first of `headers` (kept as extra
    /// columns under their header names) that has a value in that row.
    static func fillEmpty(_ table: inout Table, column: String, from headers: [String]) throws(IngestError) {
        guard let target = table[column]?.strings else { return }
        let sources = headers.compactMap { table[$0]?.strings }
        guard !sources.isEmpty else { return }
        var out = StringBuffer()
        out.reserveCapacity(strings: target.count, bytes: 0)
        var validity = Validity(allValid: 0)
        for r in 0..<target.count {
            if target.validity.isValid(r) {
                target.withBytes(r) { out.append($0) }
                validity.append(true)
            } else if let s = sources.first(where: { $0.validity.isValid(r) }) {
                s.withBytes(r) { out.append($0) }
                validity.append(true)
            } else {
                out.append(UnsafeRawBufferPointer(start: nil, count: 0))
                validity.append(false)
            }
        }
        do { try table.add(column, .string(StringColumn(storage: .plain(out), validity: validity))) } catch {
            throw .table(path: table.name, error)
        }
    }

    static func normalizeIDs(_ table: inout Table, column: String, format: CRMProfile.IDFormat) throws(IngestError) {
        guard let col = table[column]?.strings else { return }
        var out = StringBuffer()
        out.reserveCapacity(strings: col.count, bytes: 0)
        let prefix: [UInt8] = if case .stripPrefix(let p) = format { Array(p.utf8) } else { [] }
        for r in 0..<col.count {
            col.withBytes(r) { b in
                switch format {
                case .salesforce15 where b.count == 18:
                    out.append(UnsafeRawBufferPointer(rebasing: b[0..<15]))
                case .stripPrefix where b.count > prefix.count && b.starts(with: prefix):
                    out.append(UnsafeRawBufferPointer(rebasing: b[prefix.count...]))
                default:
                    out.append(b)
                }
            }
        }
        do { try table.add(column, .string(StringColumn(storage: .plain(out), validity: col.validity))) } catch {
            throw .table(path: table.name, error)
        }
    }
}
