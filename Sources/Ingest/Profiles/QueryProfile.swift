import Columns

/// A profile applied to a database query (a `sqlite:` or `postgres:` source) instead of an exported
/// file. The profile's file rules are keyed by file name; a query has none, so the rule is the one
/// whose file is named like the query's table (`FROM sale_order` → `sale_order.csv`), else the first
/// rule for the source's canonical table. The rule's candidate headers are resolved against the
/// result's column names, and its rewrites (value maps, canonical stages, derived status, id forms,
/// percentages) run on the loaded rows as they do for a file. Lookups read other files of an export
/// and cannot run against a query: they are reported, so the query can join them instead.
public enum QueryProfile {
    public struct Loaded: Sendable {
        public var result: LoadResult
        public var rule: CRMProfile.FileRule
        /// Stage labels no `stages:` entry maps; kept as loaded, so the funnel will not count them.
        public var unmappedStages: [String]
        /// `column (file)` of each lookup the rule has, which a query source cannot apply.
        public var skippedLookups: [String]
    }

    /// Loads through `load`, which receives the column map to use for the result's headers and the
    /// canonical columns to read as text, and returns the loader's result.
    public static func load(profile: CRMProfile, table: CanonicalTable, query: String, columns overrides: [String: String],
                            load: (_ columnMapForHeaders: @escaping ([String]) -> [String: String],
                                   _ types: [String: ColumnType]) throws(IngestError) -> LoadResult)
        throws(IngestError) -> Loaded
    {
        let rule = try self.rule(in: profile, table: table, query: query)
        // The headers are known only once the query runs: the loader asks for the map then. Text types
        // are decided up front for every column the rule can map (an unmapped one is simply absent).
        var result = try load({ headers in ProfileLoader.columnMap(rule: rule, headers: headers, overrides: overrides) },
                              ProfileLoader.textTypes(rule: rule, columnMap: rule.columns.mapValues { $0.first ?? "" }))
        let unmapped = try ProfileLoader.applyRule(rule, of: profile, to: &result, lookupDirectory: nil)
        let skipped = rule.lookups.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.file))" }
        return Loaded(result: result, rule: rule, unmappedStages: unmapped, skippedLookups: skipped)
    }

    /// The rule for a query on `table`: the one whose patterns match the queried table's name as a
    /// file (`.csv` or `.xlsx`), else the first rule for `table`.
    public static func rule(in profile: CRMProfile, table: CanonicalTable, query: String) throws(IngestError)
        -> CRMProfile.FileRule
    {
        let forTable = profile.files.filter { $0.table == table }
        if let name = queriedTable(query),
           let byName = forTable.first(where: { r in r.patterns.contains { FileGlob.matches($0, name + ".csv") || FileGlob.matches($0, name + ".xlsx") } }) {
            return byName
        }
        guard let first = forTable.first else {
            let tables = Set(profile.files.map(\.table.rawValue)).sorted()
            throw .profile(path: profile.origin, line: nil,
                           message: "profile \(profile.name) maps no export onto table \(table.rawValue); its tables: \(tables.joined(separator: ", "))")
        }
        return first
    }

    /// The name after the query's first `FROM`, without schema or quotes: `public."Lead" l` → `Lead`.
    /// Nil when there is none (a query of a function, or no FROM at all).
    static func queriedTable(_ query: String) -> String? {
        let bytes = Array(query.utf8)
        func isWord(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
        }
        var i = 0
        while i + 4 <= bytes.count {
            let atWordStart = i == 0 || !isWord(bytes[i - 1])
            let word = bytes[i..<(i + 4)].map { $0 | 0x20 }
            if atWordStart, word == Array("from".utf8), i + 4 == bytes.count || !isWord(bytes[i + 4]) {
                var j = i + 4
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                var name: [UInt8] = []
                while j < bytes.count, isWord(bytes[j]) || bytes[j] == 0x2E || bytes[j] == 0x22 || bytes[j] == 0x60 {
                    name.append(bytes[j])
                    j += 1
                }
                let last = name.split(separator: 0x2E).last.map { $0.filter { $0 != 0x22 && $0 != 0x60 } } ?? []
                return last.isEmpty ? nil : String(decoding: last, as: UTF8.self)
            }
            i += 1
        }
        return nil
    }
}
