import Columns
import Foundation
import Reports
import Resolution

/// Everything `crm clean` computes before it writes a file: sources loaded, validation applied,
/// customers cleaned and resolved, events re-keyed, and the row accounting checked. Both the full
/// run and `--explain` start from here, so an explanation is always about the same model the run used.
struct CleanupPreparation {
    var loaded: CleanupLoading.Loaded
    /// The customers that passed validation, cleaned (derived columns added), in the order resolution saw them.
    var customers: Table
    /// The same rows before cleaning: the values as the sources gave them.
    var customersAsGiven: Table
    var validationQuarantine: [CleanupQuarantine]
    var flags: [CleanupQuality.Flag]
    /// nil when no customer row was left to resolve.
    var resolution: ResolveStage.Outcome?
    var accounting: [CleanupLoading.SourceAccount]
    var timings: [RunManifest.StageTiming]
    var notes: [String]

    /// Golden index of every row of `customers` (row r belongs to golden record goldenIndex[r]).
    var goldenIndex: [Int32] { resolution?.result.goldenIndex ?? [] }

    /// All quarantined rows, customers and events, by source in pipeline order, then line.
    var quarantine: [CleanupQuarantine] {
        (loaded.quarantine + validationQuarantine).sorted {
            ($0.sourceOrder, $0.row.line, $0.row.column ?? "") < ($1.sourceOrder, $1.row.line, $1.row.column ?? "")
        }
    }

    static func run(config: PipelineConfig, progress: ProgressReporter) throws -> CleanupPreparation {
        var timings: [RunManifest.StageTiming] = []
        var notes: [String] = []
        func timed<T>(_ stage: String, rows: Int, _ body: () throws -> T) rethrows -> T {
            let start = Date()
            let value = try body()
            timings.append(.init(stage: stage, seconds: Date().timeIntervalSince(start), rows: rows, notes: []))
            return value
        }
        let loaded = try timed("load", rows: 0) { try CleanupLoading(config: config, progress: progress).load() }
        timings[0].rows = loaded.inputs.reduce(0) { $0 + $1.rowsRead }
        let orderInPipeline = Dictionary(config.sources.enumerated().map { ($1.displayName, $0) }, uniquingKeysWith: { a, _ in a })
        let validated = try timed("validate", rows: loaded.customers.rowCount) {
            try ValidationStep(rules: config.cleanup.validate, sourceOrder: orderInPipeline).run(loaded.customers)
        }
        if !validated.quarantine.isEmpty {
            progress.finished(stage: "validate", detail: "\(validated.quarantine.count) customer rows quarantined by cleanup.validate", seconds: 0)
        }
        let kept = validated.kept
        guard kept.rowCount == 0 || kept["customer_id"] != nil else { throw CleanupError.noCustomerID(columns: kept.columnNames) }

        // Cleaning runs whatever `stages:` says: resolution normalizes for itself, but the clean
        // columns (phone_e164, email_normalized, sales region) are what a migration imports.
        let cleaned = try timed("clean", rows: kept.rowCount) { try CleanStage().run(kept) }
        let customers = cleaned.customers
        notes += cleaned.notes
        cleaned.notes.forEach(progress.note)
        notes += Self.sharedIDNotes(customers)

        var tables = loaded.events
        tables[.customers] = customers
        let resolveStart = Date()
        let resolution = customers.rowCount == 0 ? nil : try ResolveStage(settings: config.resolution).run(tables)
        if let r = resolution {
            let phases = r.result.timings.map { "\($0.phase) \(String(format: "%.3f", $0.seconds))s" }.joined(separator: ", ")
            timings.append(.init(stage: "resolve", seconds: Date().timeIntervalSince(resolveStart), rows: r.sourceRows,
                                 notes: r.result.notes + ["phases: " + phases]))
            r.result.notes.forEach(progress.note)
            progress.finished(stage: "resolve", detail: "\(r.sourceRows) customer rows → \(r.goldenRows) golden customers, \(r.rekeyedEvents) event rows re-keyed",
                              seconds: Date().timeIntervalSince(resolveStart))
        }

        // Row accounting per customer source: every row read is linked or quarantined.
        var linked: [String: Int] = [:]
        if let lineage = customers.lineage {
            var perIndex = [Int](repeating: 0, count: lineage.sources.count)
            for i in lineage.sourceIndex { perIndex[Int(i)] += 1 }
            for (i, name) in lineage.sources.enumerated() { linked[name, default: 0] += perIndex[i] }
        }
        var validationQuarantined: [String: Int] = [:]
        for q in validated.quarantine { validationQuarantined[q.row.source, default: 0] += 1 }
        var accounting: [CleanupLoading.SourceAccount] = []
        for a in loaded.customerAccounts {
            let quarantined = a.rowsQuarantined + (validationQuarantined[a.source] ?? 0)
            let l = linked[a.source] ?? 0
            guard a.rowsRead == l + quarantined else {
                throw CleanupError.accountingMismatch(source: a.source, read: a.rowsRead, linked: l, quarantined: quarantined)
            }
            accounting.append(CleanupLoading.SourceAccount(source: a.source, rowsRead: a.rowsRead, rowsLoaded: l, rowsQuarantined: quarantined))
        }
        if let r = resolution, r.result.goldenIndex.count != customers.rowCount {
            throw CleanupError.accountingMismatch(source: "resolution", read: customers.rowCount, linked: r.result.goldenIndex.count, quarantined: 0)
        }
        return CleanupPreparation(loaded: loaded, customers: customers, customersAsGiven: kept,
                                  validationQuarantine: validated.quarantine, flags: validated.flags, resolution: resolution,
                                  accounting: accounting, timings: timings, notes: notes)
    }

    /// Event rows are re-keyed by customer_id; an id that two sources both use cannot say which
    /// customer an event meant, so it is reported rather than guessed silently.
    static func sharedIDNotes(_ customers: Table) -> [String] {
        guard let ids = customers["customer_id"]?.strings, let lineage = customers.lineage else { return [] }
        var interner = ByteInterner(capacity: customers.rowCount)
        var firstSource: [UInt16] = []
        var shared: [String] = []
        for r in 0..<customers.rowCount where ids.validity.isValid(r) {
            let code = Int(ids.withBytes(r) { interner.intern($0) })
            let s = lineage.sourceIndex[r]
            if code == firstSource.count {
                firstSource.append(s)
            } else if firstSource[code] != s && shared.count < 5, let id = ids[r], !shared.contains(id) {
                shared.append(id)
            }
        }
        guard !shared.isEmpty else { return [] }
        return ["customer ids used by more than one source (events naming them are re-keyed to the first): " + shared.joined(separator: ", ")]
    }
}
