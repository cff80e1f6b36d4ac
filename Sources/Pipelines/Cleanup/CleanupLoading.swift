import Columns
import Foundation
import Ingest

/// Loads a cleanup pipeline's sources one by one, so every row and quarantined row is named by its
/// source's short name (`old_crm.csv`, `erp.sqlite:customers`) rather than a path: that name plus
/// the line is how `merge_log.csv`, `source_rows` and `crm clean --explain` refer to a row.
struct CleanupLoading {
    struct SourceAccount: Equatable {
        var source: String
        var rowsRead: Int
        var rowsLoaded: Int
        var rowsQuarantined: Int
    }

    struct Loaded {
        /// Customer sources' names in pipeline order.
        var customerSources: [String] = []
        /// Every loaded customer row; lineage sources are the short names.
        var customers: Table
        var events: [CanonicalTable: Table] = [:]
        var quarantine: [CleanupQuarantine] = []
        var inputs: [RunManifest.Input] = []
        var customerAccounts: [SourceAccount] = []
    }

    let config: PipelineConfig
    let progress: ProgressReporter

    func load() throws -> Loaded {
        let customerSpecs = config.sources.filter { $0.table == .customers }
        guard !customerSpecs.isEmpty else { throw CleanupError.noCustomerSource(pipeline: config.name) }
        var seen: [String: Int] = [:]
        for spec in customerSpecs {
            if let first = seen[spec.displayName] {
                throw CleanupError.ambiguousSourceName(name: spec.displayName, lines: [first, spec.line])
            }
            seen[spec.displayName] = spec.line
        }
        var customerParts: [Table] = []
        var eventParts: [CanonicalTable: [Table]] = [:]
        var quarantine: [CleanupQuarantine] = []
        var inputs: [RunManifest.Input] = []
        var accounts: [SourceAccount] = []
        for (order, spec) in config.sources.enumerated() {
            let loaded = try SourceLoading(progress: progress).load([spec])
            let name = spec.displayName
            guard var table = loaded.tables[spec.table] else { continue }
            if let lineage = table.lineage {
                table.lineage = Lineage(sources: [name], sourceIndex: [UInt16](repeating: 0, count: lineage.count), line: lineage.line)
            }
            inputs += loaded.inputs
            for q in loaded.quarantine {
                var row = q
                row.source = name
                quarantine.append(CleanupQuarantine(table: spec.table, sourceOrder: order, row: row))
            }
            if spec.table == .customers {
                customerParts.append(table)
                let read = loaded.accounts.reduce(0) { $0 + $1.rowsRead }
                let q = loaded.accounts.reduce(0) { $0 + $1.rowsQuarantined }
                accounts.append(SourceAccount(source: name, rowsRead: read, rowsLoaded: table.rowCount, rowsQuarantined: q))
            } else {
                eventParts[spec.table, default: []].append(table)
            }
        }
        var out = Loaded(customers: try Table.concatenate(customerParts, name: "customers"))
        out.customerSources = customerSpecs.map(\.displayName)
        for table in CanonicalTable.allCases {
            if let parts = eventParts[table] { out.events[table] = try Table.concatenate(parts, name: table.rawValue) }
        }
        out.quarantine = quarantine
        out.inputs = inputs
        out.customerAccounts = accounts
        return out
    }
}

/// A source row that was not loaded or failed a quarantine rule: the ingest's record of it, with
/// the canonical table it was meant for and its source's position in the pipeline (for ordering).
struct CleanupQuarantine: Equatable {
    var table: CanonicalTable
    var sourceOrder: Int
    var row: QuarantinedRow

    var name: String { RowName.of(source: row.source, line: row.line) }
}

/// How a source row is named everywhere `crm clean` writes or reads one: `SOURCE:LINE`, where
/// SOURCE is the source's short name (the file name, or `file:table` for a database query) and
/// LINE the physical line in a CSV (the header is line 1) or the 1-based result row of a query.
enum RowName {
    static func of(source: String, line: Int) -> String { source + ":" + String(line) }

    /// (source, line) of `SOURCE:LINE`, split at the last colon; nil when there is no number after it.
    static func parse(_ name: String) -> (source: String, line: Int)? {
        guard let colon = name.lastIndex(of: ":"), let line = Int(name[name.index(after: colon)...]), line >= 0 else { return nil }
        return (String(name[..<colon]), line)
    }
}
