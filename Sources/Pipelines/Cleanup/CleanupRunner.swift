import Checksums
import Columns
import Foundation
import Reports

/// `crm clean`: the data cleanup before a migration. Loads every source, quarantines rows that
/// fail the pipeline's validation rules, cleans and resolves the customers into golden records,
/// re-keys the event tables, and publishes the set atomically into one folder:
/// golden_customers.csv, golden.sqlite (golden_customers, source_rows, merge_log and the re-keyed
/// event tables), merge_log.csv, quarantine.csv, <event>.csv, data_quality.html and manifest.json.
public struct CleanupRunner {
    public let config: PipelineConfig
    public let options: CleanupOptions

    public init(config: PipelineConfig, options: CleanupOptions) {
        self.config = config
        self.options = options
    }

    /// `--out`, else `cleanup.out` in the pipeline file, else `reports/cleanup` in the project the
    /// pipeline belongs to (the parent of its `pipelines/` folder).
    public var outDirectory: String {
        if let out = options.outDirectory { return (out as NSString).standardizingPath }
        if let out = config.cleanup.out { return out }
        return (config.projectReportsFolder as NSString).appendingPathComponent("cleanup")
    }

    public var language: ReportLanguage { ReportLanguage(rawValue: options.lang ?? config.cleanup.lang) ?? .en }

    public func run() throws -> CleanupSummary {
        let started = Date()
        let progress = options.progress
        let p = try CleanupPreparation.run(config: config, progress: progress)
        var writeTimings: [RunManifest.StageTiming] = []
        func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            let start = Date()
            let value = try body()
            writeTimings.append(.init(stage: stage, seconds: Date().timeIntervalSince(start), rows: 0, notes: []))
            return value
        }
        let tables = try timed("write tables") { try CleanupTables(p) }
        let bom = language.csvWantsBOM

        var files: [ReportFile] = []
        timed("write csv") {
            files.append(ReportFile(name: "golden_customers.csv", bytes: CSVWriter.encode(tables.goldenCustomers, bom: bom)))
            files.append(ReportFile(name: "merge_log.csv", bytes: CSVWriter.encode(tables.mergeLog, bom: bom)))
            files.append(ReportFile(name: "quarantine.csv", bytes: CSVWriter.encode(tables.quarantine, bom: bom)))
            for (table, t) in tables.events {
                var plain = t
                plain.lineage = nil
                files.append(ReportFile(name: table.rawValue + ".csv", bytes: CSVWriter.encode(plain, bom: bom)))
            }
        }
        let eventTables = tables.events.map { table, t in var named = t; named.name = table.rawValue; return named }
        let database = try timed("write golden.sqlite") {
            try GoldenDatabase.bytes(of: [tables.goldenCustomers, tables.sourceRows, tables.mergeLog] + eventTables)
        }
        files.append(ReportFile(name: "golden.sqlite", bytes: database))
        let page = timed("write data_quality.html") {
            let quality = CleanupQualityAssembly(preparation: p, pipeline: config.name, threshold: config.resolution.threshold).model()
            return CleanupQualityPage(model: quality, language: language).renderBytes()
        }
        files.append(ReportFile(name: "data_quality.html", bytes: page))

        var manifest = manifestDraft(p, tables: tables)
        manifest.stages = p.timings + writeTimings
        manifest.outputs = files.map { f in
            var d = SHA256Digest()
            f.bytes.withUnsafeBytes { d.update($0) }
            return RunManifest.Output(file: f.name, bytes: f.bytes.count, sha256: d.finalizeHex())
        }
        files.append(ReportFile(name: "manifest.json", bytes: Array(try manifest.encoded())))

        let out = outDirectory
        let parent = (out as NSString).deletingLastPathComponent
        if !parent.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw CleanupError.cannotCreateOutput(path: parent, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
            }
        }
        let publishStart = Date()
        try AtomicPublisher(target: out).publish(files)
        progress.finished(stage: "publish", detail: "\(files.count) files → \(out)", seconds: Date().timeIntervalSince(publishStart))

        let accounting = manifest.accounting!
        return CleanupSummary(
            outDirectory: out, files: files.map(\.name), rowsRead: accounting.customerRowsRead,
            rowsLinked: accounting.customerRowsLinked, rowsQuarantined: accounting.customerRowsQuarantined,
            goldenCustomers: accounting.goldenCustomers, rowsMerged: accounting.rowsMerged,
            eventsRekeyed: manifest.events.reduce(0) { $0 + $1.rekeyed }, seconds: Date().timeIntervalSince(started))
    }

    /// The manifest without timings and outputs.
    func manifestDraft(_ p: CleanupPreparation, tables: CleanupTables) -> CleanupManifest {
        var m = CleanupManifest(pipeline: config.name, lang: language.rawValue)
        m.inputs = p.loaded.inputs
        let counts = p.resolution?.result.golden["member_count"]?.int64s
        let merged = counts?.values.reduce(0) { $1 > 1 ? $0 + Int($1) : $0 } ?? 0
        let customerQuarantine = p.quarantine.filter { $0.table == .customers }
        m.accounting = .init(
            customerRowsRead: p.accounting.reduce(0) { $0 + $1.rowsRead },
            customerRowsLinked: p.customers.rowCount,
            customerRowsQuarantined: customerQuarantine.count,
            quarantinedAtIngest: p.loaded.quarantine.filter { $0.table == .customers }.count,
            quarantinedByValidation: p.validationQuarantine.count,
            goldenCustomers: tables.goldenCustomers.rowCount, rowsMerged: merged,
            balanced: p.accounting.allSatisfy { $0.rowsRead == $0.rowsLoaded + $0.rowsQuarantined },
            perSource: p.accounting.map { .init(source: $0.source, rowsRead: $0.rowsRead, rowsLinked: $0.rowsLoaded, rowsQuarantined: $0.rowsQuarantined) })
        m.events = tables.events.map { table, t in
            EventRekeying.count(before: p.loaded.events[table], after: t, golden: tables.goldenCustomers, table: table.rawValue)
        }
        if let r = p.resolution?.result {
            m.resolution = .init(threshold: r.threshold, candidatePairs: r.candidatePairCount, linkedPairs: r.linkedPairCount, notes: r.notes)
        }
        m.notes = p.notes
        return m
    }
}
