import Checksums
import Columns
import Foundation
import Ingest

/// Loads every source of a pipeline into canonical tables: each file through its loader, its ids
/// given the source's `id_prefix:`, then sources of the same table stacked. Row accounting is
/// verified per source before anything downstream sees the rows, and a customer or opportunity id
/// that two sources both use stops the run (`SourceIDs`) instead of merging two records silently.
struct SourceLoading {
    struct Loaded {
        var tables: [CanonicalTable: Table] = [:]
        var inputs: [RunManifest.Input] = []
        var quarantine: [QuarantinedRow] = []
        var accounts: [RowAccount] = []

        /// The tables, moved out: `tables` is left empty, so replacing one later frees the original.
        mutating func takeTables() -> [CanonicalTable: Table] {
            defer { tables = [:] }
            return tables
        }
    }

    let progress: ProgressReporter
    /// The pipeline file, for locating errors (`file:line`).
    var pipelinePath = "pipeline"

    func load(_ sources: [SourceSpec]) throws -> Loaded {
        var loaded = Loaded()
        var parts: [CanonicalTable: [Table]] = [:]
        var keyed: [CanonicalTable: [(spec: SourceSpec, table: Table)]] = [:]
        for spec in sources {
            let started = Date()
            var (result, path) = try loadOne(spec)
            try result.account.verify()
            if let prefix = spec.idPrefix { try SourceIDs.applyPrefix(prefix, to: &result.table) }
            if spec.table == .customers {
                if try CustomerNameParts.compose(&result.table) > 0 {
                    progress.note("\(spec.displayName): names put together from given and family name columns where the export split them")
                }
                let renamed = try CustomerAttributeNames.standardize(&result.table)
                if !renamed.isEmpty {
                    progress.note("\(spec.displayName): compared in resolution under their usual names: \(renamed.joined(separator: ", "))")
                }
            }
            if spec.table == .customers || spec.table == .opportunities { keyed[spec.table, default: []].append((spec, result.table)) }
            // A live database has no file to size or hash: its manifest entry names the redacted target.
            let isFile: Bool
            if case .postgres = spec.location { isFile = false } else { isFile = true }
            let bytes = isFile ? (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 : 0
            loaded.inputs.append(RunManifest.Input(
                source: spec.displayName, table: spec.table.rawValue, path: path, bytes: bytes,
                sha256: isFile ? try SHA256Digest.hex(ofFile: path) : "", encoding: result.encoding.rawValue,
                rowsRead: result.account.rowsRead, rowsLoaded: result.account.rowsLoaded,
                rowsQuarantined: result.account.rowsQuarantined))
            loaded.accounts.append(result.account)
            loaded.quarantine.append(contentsOf: result.quarantine)
            parts[spec.table, default: []].append(result.table)
            var detail = "\(spec.table.rawValue) \(result.account.rowsLoaded) rows loaded"
            if result.account.rowsQuarantined > 0 { detail += ", \(result.account.rowsQuarantined) quarantined" }
            if result.encoding != .utf8 { detail += ", \(result.encoding.rawValue)" }
            progress.finished(stage: "load \(spec.displayName)", detail: detail, seconds: Date().timeIntervalSince(started))
            if !result.unmappedHeaders.isEmpty {
                progress.note("\(spec.displayName): kept unmapped columns as extra attributes: \(result.unmappedHeaders.joined(separator: ", "))")
            }
        }
        for table in [CanonicalTable.customers, .opportunities] {
            try SourceIDs.checkCollisions(table: table, parts: keyed[table] ?? [], pipeline: pipelinePath)
        }
        for (table, tables) in parts {
            loaded.tables[table] = try Table.concatenate(tables, name: table.rawValue)
        }
        return loaded
    }

    private func loadOne(_ spec: SourceSpec) throws -> (LoadResult, String) {
        switch spec.location {
        case .csv(let path):
            if spec.profile != "generic" {
                // The profile maps headers, stages and ids; the source's own `columns:` win over it.
                let profile = try ProfileCatalog.profile(spec.profile)
                let loaded = try ProfileLoader.load(path: path, profile: profile, table: spec.table, sheet: spec.sheet,
                                                    columns: spec.columns)
                if !loaded.unmappedStages.isEmpty {
                    progress.note("\(spec.displayName): stages the \(profile.name) profile does not map (left out of the funnel): \(loaded.unmappedStages.joined(separator: ", "))")
                }
                let near = loaded.unknownHeaders.compactMap { u in u.nearest.map { "\(u.header) (did you mean \($0)?)" } }
                if !near.isEmpty {
                    progress.note("\(spec.displayName): headers the \(profile.name) profile does not map: \(near.joined(separator: ", "))")
                }
                return (loaded.result, path)
            }
            var options = CSVOptions(columnMap: spec.columns, types: spec.types, table: spec.table)
            options.delimiter = spec.delimiter
            options.encoding = spec.encoding.flatMap(Self.encoding)
            options.dateOrder = DateOrder(rawValue: spec.dateOrder) ?? .auto
            options.decimalComma = spec.decimalComma
            if path.lowercased().hasSuffix(".xlsx") {
                return (try ExcelLoader.load(path: path, options: ExcelOptions(sheet: spec.sheet, like: options)), path)
            }
            return (try CSVLoader.load(path: path, options: options), path)
        case .sqlite(let path, let query):
            if spec.profile != "generic" {
                return (try loadWithProfile(spec, query: query) { map, types throws(IngestError) in
                    try SQLiteLoader.load(path: path, query: query, table: spec.table, types: types.merging(spec.types) { $1 },
                                          columnMapForHeaders: map)
                }, path)
            }
            return (try SQLiteLoader.load(path: path, query: query, table: spec.table, columnMap: spec.columns), path)
        case .postgres(let connection, let query):
            let dateOrder = DateOrder(rawValue: spec.dateOrder) ?? .auto
            if spec.profile != "generic" {
                return (try loadWithProfile(spec, query: query) { map, types throws(IngestError) in
                    try PostgresLoader.load(connection: connection, query: query, table: spec.table,
                                            types: types.merging(spec.types) { $1 }, dateOrder: dateOrder,
                                            columnMapForHeaders: map)
                }, PostgresLoader.redactedTarget(connection))
            }
            return (try PostgresLoader.load(connection: connection, query: query, table: spec.table,
                                            columnMap: spec.columns, types: spec.types, dateOrder: dateOrder),
                    PostgresLoader.redactedTarget(connection))
        }
    }

    /// A database query mapped by the source's profile as an export file of the same table would be
    /// (`QueryProfile`); what the profile cannot do on a query is said, not skipped silently.
    private func loadWithProfile(
        _ spec: SourceSpec, query: String,
        _ load: (@escaping ([String]) -> [String: String], [String: ColumnType]) throws(IngestError) -> LoadResult
    ) throws -> LoadResult {
        let profile = try ProfileCatalog.profile(spec.profile)
        let loaded = try QueryProfile.load(profile: profile, table: spec.table, query: query, columns: spec.columns, load: load)
        let rule = loaded.rule.patterns.first ?? spec.table.rawValue
        progress.note("\(spec.displayName): mapped by the \(profile.name) profile's rule for \(rule)")
        if !loaded.unmappedStages.isEmpty {
            progress.note("\(spec.displayName): stages the \(profile.name) profile does not map (left out of the funnel): \(loaded.unmappedStages.joined(separator: ", "))")
        }
        if !loaded.skippedLookups.isEmpty {
            progress.note("\(spec.displayName): the \(profile.name) profile looks up \(loaded.skippedLookups.joined(separator: ", ")) in export files, which a query source does not have; join those tables in the query")
        }
        return loaded.result
    }

    static func encoding(_ name: String) -> TextEncoding? {
        switch name {
        case "utf-8": .utf8
        case "utf-8-bom": .utf8BOM
        case "gb18030", "gbk": .gb18030
        case "utf-16le": .utf16LE
        case "utf-16be": .utf16BE
        default: nil
        }
    }
}
