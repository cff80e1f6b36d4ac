import Analytics
import Columns
import Foundation
import Ingest
import Reports

/// Runs a pipeline end to end: load → clean → resolve → analyses → reports → publish. Every
/// output goes to a staging folder as soon as it is made (`StagedReportSet`) and the set is
/// published atomically at the end, so a crash leaves the previous complete report set.
public struct PipelineRunner {
    public let config: PipelineConfig
    public let options: RunOptions

    public init(config: PipelineConfig, options: RunOptions) {
        self.config = config
        self.options = options
    }

    /// The output folder: `--out`, else `reports/` in the project the pipeline file belongs to
    /// (the parent of its `pipelines/` folder), else `reports/` beside the file.
    public var outDirectory: String {
        if let out = options.outDirectory { return (out as NSString).standardizingPath }
        return config.projectReportsFolder
    }

    public func run() throws -> RunSummary {
        let started = Date()
        let progress = options.progress
        var timings: [RunManifest.StageTiming] = []
        let out = outDirectory
        // `--out reports` has no parent component: the report folder then lives in the current one.
        let parent = (out as NSString).deletingLastPathComponent
        if !parent.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw RunError.cannotCreateOutput(path: parent, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
            }
        }
        // Taken before any work: a run overlapping another on the same --out stops here, not after
        // minutes of loading, and cannot delete the other's half-written staging folder.
        let publishLock = try AtomicPublisher(target: out).lock()

        let loadStart = Date()
        var loaded = try SourceLoading(progress: progress, pipelinePath: config.path).load(config.sources)
        let rowsRead = loaded.accounts.reduce(0) { $0 + $1.rowsRead }
        let rowsLoaded = loaded.accounts.reduce(0) { $0 + $1.rowsLoaded }
        let rowsQuarantined = loaded.accounts.reduce(0) { $0 + $1.rowsQuarantined }
        timings.append(.init(stage: "load", seconds: Date().timeIntervalSince(loadStart), rows: rowsLoaded, notes: []))

        // Moved out, not copied: left in `loaded`, every table replaced below (orders in the run
        // currency, cleaned customers, events re-keyed to golden ids) would stay resident beside
        // its replacement for the whole run.
        var tables = loaded.takeTables()
        // Event rows are traced to their source lines while loading (quarantine) and never after:
        // no report writes an event row back with its line. Their lineage (6 bytes a row, 110 MB
        // at 1 M customers) goes now; customers keep theirs for the merge log.
        for name in Array(tables.keys) where name != .customers { tables[name]?.lineage = nil }
        if config.stages.contains(.resolve) { tables = Self.dictionaryEncodingEventCustomerIDs(tables) }
        var notes: [String] = []
        if let orders = tables[.orders] {
            let stageStart = Date()
            let money = try CurrencyConversion(settings: config.currency).run(orders)
            tables[.orders] = money.orders
            notes += money.notes
            money.notes.forEach(progress.note)
            if !money.notes.isEmpty {
                timings.append(.init(stage: "currency", seconds: Date().timeIntervalSince(stageStart), rows: orders.rowCount, notes: money.notes))
            }
        }
        if config.stages.contains(.clean), let customers = tables[.customers] {
            let stageStart = Date()
            let cleaned = try CleanStage().run(customers)
            tables[.customers] = cleaned.customers
            notes += cleaned.notes
            cleaned.notes.forEach(progress.note)
            timings.append(.init(stage: "clean", seconds: Date().timeIntervalSince(stageStart), rows: customers.rowCount, notes: cleaned.notes))
            progress.finished(stage: "clean", detail: "\(customers.rowCount) customers normalized", seconds: Date().timeIntervalSince(stageStart))
        }
        var resolution: ResolveStage.Outcome?
        if config.stages.contains(.resolve) {
            let stageStart = Date()
            if var r = try ResolveStage(settings: config.resolution, keepsExplanations: false).run(tables) {
                // The outcome's tables become the run's; the outcome keeps no second reference.
                tables = r.tables
                r.tables = [:]
                r.result.notes.forEach(progress.note)
                let detail = "\(r.sourceRows) customer rows → \(r.goldenRows) golden customers, \(r.rekeyedEvents) event rows re-keyed"
                timings.append(.init(stage: "resolve", seconds: Date().timeIntervalSince(stageStart), rows: r.sourceRows, notes: r.result.notes))
                progress.finished(stage: "resolve", detail: detail, seconds: Date().timeIntervalSince(stageStart))
                resolution = r
                HeapTrim.releaseFreedMemory()
            }
        }
        guard let asOf = options.asOf ?? explicitAsOf ?? AsOfDate.latestEventDay(in: tables) else {
            throw RunError.noAsOfDate
        }
        progress.finished(stage: "as of", detail: CivilDate.iso(Int(asOf)), seconds: 0)

        var manifest = RunManifest(pipeline: config.name, asOf: CivilDate.iso(Int(asOf)), lang: languages.first?.rawValue ?? "en")
        manifest.inputs = loaded.inputs
        manifest.accounting = .init(rowsRead: rowsRead, rowsLoaded: rowsLoaded, rowsQuarantined: rowsQuarantined,
                                    customersBeforeResolution: resolution?.sourceRows ?? tables[.customers]?.rowCount ?? 0,
                                    goldenCustomers: tables[.customers]?.rowCount ?? 0,
                                    balanced: loaded.accounts.allSatisfy(\.balances))

        // Every file goes to the staging folder as soon as it exists; the writer writes, fsyncs and
        // hashes it while the next one is computed. Leaving this function by an error drops the
        // session, which removes staging and leaves the previous report set live.
        let staged = try AtomicPublisher(target: out).begin(holding: publishLock)
        let bom = languages.contains(.zh)
        var snapshotTables: [Table]
        var reportStart = Date()
        // The resolver's outcome (merge log, provenance, golden index: about 300 MB at 1 M
        // customers) is cut down to what the reports still need before the analyses allocate.
        let mergeLogStart = Date()
        let mergeLogCSV = resolution.map { CSVWriter.encode($0.result.mergeLog, bom: bom) }
        if let r = resolution {
            timings.append(.init(stage: "merge log", seconds: Date().timeIntervalSince(mergeLogStart), rows: r.result.mergeLog.rowCount, notes: []))
        }
        let resolutionParameters = resolution?.result.parameters
        let resolutionCounts = resolution?.counts
        resolution = nil
        HeapTrim.releaseFreedMemory()
        do {
            // The analysis results live in this scope only: after the top-level files and the
            // snapshot's enriched customers are made, nothing needs them.
            let input = AnalysisInput(
                customers: tables[.customers], orders: tables[.orders], interactions: tables[.interactions],
                opportunities: tables[.opportunities], stageHistory: tables[.stageHistory], tickets: tables[.tickets],
                campaigns: tables[.campaigns], campaignMembers: tables[.campaignMembers])
            let outputs = AnalysisStages.run(config: config, input: input, asOf: asOf, progress: progress)
            timings += outputs.timings
            HeapTrim.releaseFreedMemory()

            reportStart = Date()
            let model = ReportAssembly(config: config, asOf: asOf, tables: tables, outputs: outputs, loaded: loaded,
                                       resolution: resolutionCounts).model()
            for (file, lang) in htmlReports {
                try staged.write(ReportFile(name: file, bytes: ReportPage(model: model, language: lang).renderBytes()))
            }
            try staged.write(ReportSetReadme.file)
            let topLevel = OutputSet(config: config)
            try topLevel.addAnalysisCSVs(outputs, bom: bom, to: staged.write)
            try topLevel.addQuarantine(loaded.quarantine, bom: bom, to: staged.write)
            loaded.quarantine = []
            if let mergeLogCSV {
                try staged.write(ReportFile(name: "merge_log.csv", bytes: mergeLogCSV))
            }
            try staged.write(ReportFile(name: "models.json", bytes: Array(try ModelsDocument(
                resolution: resolutionParameters,
                sections: outputs.results.compactMap { r in r.result.models.map { (r.stage, $0) } }).encoded())))
            snapshotTables = try SnapshotAssembly(tables: tables, outputs: outputs).snapshotTables()
            // Enriching customers joined five result tables on; what the joins freed goes back
            // before the scoped sets and the snapshot writer allocate beside each other.
            HeapTrim.releaseFreedMemory()
        }
        timings.append(.init(stage: "report files", seconds: Date().timeIntervalSince(reportStart), rows: 0, notes: []))
        // The snapshot (mostly the event tables) is written beside the report files, on its own thread.
        let segments = config.segments
        _ = try staged.folder("snapshot")
        let snapshotHandOff = TableHandOff(snapshotTables)
        try staged.writeDirectly { staging in
            try SnapshotAssembly.write(snapshotHandOff.take(), into: staging, asOf: asOf, segments: segments)
        }
        let segmentsStart = Date()
        if !config.segments.isEmpty, let customers = snapshotTables.first(where: { $0.name == "customers" }) {
            let exports = SegmentExports(customers: customers, related: snapshotTables.filter { $0.name != "customers" }, asOf: asOf,
                                         segments: config.segments)
            let selections = try exports.selections()
            progress.finished(stage: "segments", detail: selections.map { "@\($0.name) \($0.rows.count)" }.joined(separator: ", ") + " customers",
                              seconds: 0)
            try exports.write(selections, bom: bom, to: staged.write)
            for spec in config.reports {
                guard case .scoped(let by, let mask) = spec.kind else { continue }
                try exports.writeScoped(selections, by: by, maskPII: mask, bom: bom, to: staged.write)
            }
        }
        // The segment exports were the last reader of the enriched customers; from here only the
        // snapshot writer holds them, until their file is written.
        snapshotTables = []
        if !config.segments.isEmpty {
            timings.append(.init(stage: "segment exports", seconds: Date().timeIntervalSince(segmentsStart), rows: 0, notes: []))
        }
        // Only the scoped sets read the event tables from here, and no analysis reads an event's
        // own id (order_id, interaction_id, ticket_id: 230 MB of strings at 1 M customers). The
        // snapshot writer holds the last copy and lets each table go once written.
        for (table, column) in ScopedReports.rowIDsNoAnalysisReads { tables[table]?.remove(column) }
        let scopedStart = Date()
        var scopedSets = 0
        for spec in config.reports {
            guard case .scoped(let by, let mask) = spec.kind else { continue }
            let scoped = ScopedReports(config: config, asOf: asOf, tables: tables, loaded: loaded, languages: htmlReports)
            try scoped.write(by: by, maskPII: mask, progress: progress, to: staged.write)
            scopedSets += 1
        }
        if scopedSets > 0 {
            timings.append(.init(stage: "scoped reports", seconds: Date().timeIntervalSince(scopedStart), rows: 0, notes: []))
        }

        let publishStart = Date()
        manifest.stages = timings
        manifest.outputs = try staged.written().map { RunManifest.Output(file: $0.name, bytes: $0.bytes, sha256: $0.sha256) }
        try staged.write(ReportFile(name: "manifest.json", bytes: Array(try manifest.encoded())))
        try staged.commit()
        progress.finished(stage: "publish", detail: "\(manifest.outputs.count + 1) files → \(out)", seconds: Date().timeIntervalSince(publishStart))

        return RunSummary(outDirectory: out, htmlReports: htmlReports.map { (out as NSString).appendingPathComponent($0.file) },
                          asOf: asOf, rowsRead: rowsRead, rowsLoaded: rowsLoaded, rowsQuarantined: rowsQuarantined,
                          seconds: Date().timeIntervalSince(started))
    }

    var explicitAsOf: Int32? {
        if case .date(let d) = config.asOf { return d }
        return nil
    }

    /// HTML reports to write, with `--lang` overriding each one's `lang:`.
    var htmlReports: [(file: String, lang: ReportLanguage)] {
        config.reports.compactMap { spec in
            guard case .html(let file, let lang) = spec.kind else { return nil }
            return (file, ReportLanguage(rawValue: options.lang ?? lang) ?? .en)
        }
    }

    var languages: [ReportLanguage] { htmlReports.map(\.lang) }
}

public enum RunError: Error, CustomStringConvertible {
    case noAsOfDate
    case cannotCreateOutput(path: String, reason: String)

    public var description: String {
        switch self {
        case .noAsOfDate: "as_of: auto found no event dates in the data; set as_of: YYYY-MM-DD in the pipeline file or pass --as-of"
        case .cannotCreateOutput(let path, let reason): "cannot create the output folder \(path): \(reason)"
        }
    }
}

extension PipelineRunner {
    /// Event tables with their customer_id dictionary-encoded, each table on its own core. Until
    /// resolve re-keys them, 18 M event rows at 1 M customers held each id's bytes and offset
    /// (250 MB) beside the resolver's working set, the run's highest point; as codes they take
    /// 90 MB, and re-keying looks each distinct id up once instead of every row.
    static func dictionaryEncodingEventCustomerIDs(_ tables: [CanonicalTable: Table]) -> [CanonicalTable: Table] {
        let names = tables.keys.filter { $0 != .customers && tables[$0]?["customer_id"]?.strings?.isDictionary == false }
            .sorted { $0.rawValue < $1.rawValue }
        let encoded = ParallelChunks.map(names.count, parallel: names.count > 1) { i in
            tables[names[i]]!["customer_id"]!.strings!.dictionaryEncoded()
        }
        var out = tables
        for (name, column) in zip(names, encoded) {
            var t = out[name]!
            // Replacing a column of the same length cannot fail.
            try! t.add("customer_id", .string(column))
            out[name] = t
        }
        return out
    }
}
