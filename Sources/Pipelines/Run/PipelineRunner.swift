import Analytics
import Columns
import Foundation
import Ingest
import Reports

/// Runs a pipeline end to end: load → clean → resolve → analyses → reports → publish. Every
/// output is built in memory or in a staging folder first and published atomically, so a crash
/// leaves the previous complete report set.
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
        let folder = (config.path as NSString).deletingLastPathComponent
        let root = (folder as NSString).lastPathComponent == "pipelines" ? (folder as NSString).deletingLastPathComponent : folder
        return (root as NSString).appendingPathComponent("reports")
    }

    public func run() throws -> RunSummary {
        let started = Date()
        let progress = options.progress
        var timings: [RunManifest.StageTiming] = []

        let loadStart = Date()
        let loaded = try SourceLoading(progress: progress, pipelinePath: config.path).load(config.sources)
        let rowsRead = loaded.accounts.reduce(0) { $0 + $1.rowsRead }
        let rowsLoaded = loaded.accounts.reduce(0) { $0 + $1.rowsLoaded }
        let rowsQuarantined = loaded.accounts.reduce(0) { $0 + $1.rowsQuarantined }
        timings.append(.init(stage: "load", seconds: Date().timeIntervalSince(loadStart), rows: rowsLoaded, notes: []))

        var tables = loaded.tables
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
            resolution = try ResolveStage(settings: config.resolution).run(tables)
            if let r = resolution {
                tables = r.tables
                r.result.notes.forEach(progress.note)
                let detail = "\(r.sourceRows) customer rows → \(r.goldenRows) golden customers, \(r.rekeyedEvents) event rows re-keyed"
                timings.append(.init(stage: "resolve", seconds: Date().timeIntervalSince(stageStart), rows: r.sourceRows, notes: r.result.notes))
                progress.finished(stage: "resolve", detail: detail, seconds: Date().timeIntervalSince(stageStart))
            }
        }
        guard let asOf = options.asOf ?? explicitAsOf ?? AsOfDate.latestEventDay(in: tables) else {
            throw RunError.noAsOfDate
        }
        progress.finished(stage: "as of", detail: CivilDate.iso(Int(asOf)), seconds: 0)

        let input = AnalysisInput(
            customers: tables[.customers], orders: tables[.orders], interactions: tables[.interactions],
            opportunities: tables[.opportunities], stageHistory: tables[.stageHistory], tickets: tables[.tickets],
            campaigns: tables[.campaigns], campaignMembers: tables[.campaignMembers])
        let outputs = AnalysisStages.run(config: config, input: input, asOf: asOf, progress: progress)
        timings += outputs.timings

        let reportStart = Date()
        var manifest = RunManifest(pipeline: config.name, asOf: CivilDate.iso(Int(asOf)), lang: languages.first?.rawValue ?? "en")
        manifest.inputs = loaded.inputs
        manifest.accounting = .init(rowsRead: rowsRead, rowsLoaded: rowsLoaded, rowsQuarantined: rowsQuarantined,
                                    customersBeforeResolution: resolution?.sourceRows ?? tables[.customers]?.rowCount ?? 0,
                                    goldenCustomers: tables[.customers]?.rowCount ?? 0,
                                    balanced: loaded.accounts.allSatisfy(\.balances))
        var files = OutputSet(config: config)
        let model = ReportAssembly(config: config, asOf: asOf, tables: tables, outputs: outputs, loaded: loaded,
                                   resolution: resolution).model()
        for (file, lang) in htmlReports {
            files.add(ReportFile(name: file, bytes: ReportPage(model: model, language: lang).renderBytes()))
        }
        files.addAnalysisCSVs(outputs, bom: languages.contains(.zh))
        files.addQuarantine(loaded.quarantine, bom: languages.contains(.zh))
        if let r = resolution {
            files.add(ReportFile(name: "merge_log.csv", bytes: CSVWriter.encode(r.result.mergeLog, bom: languages.contains(.zh))))
        }
        files.add(ReportFile(name: "models.json", bytes: Array(try ModelsDocument(
            resolution: resolution?.result.parameters,
            sections: outputs.results.compactMap { r in r.result.models.map { (r.stage, $0) } }).encoded())))
        for spec in config.reports {
            guard case .scoped(let by, let mask) = spec.kind else { continue }
            let scoped = ScopedReports(config: config, asOf: asOf, tables: tables, loaded: loaded, languages: htmlReports)
            for f in try scoped.files(by: by, maskPII: mask, progress: progress) { files.add(f) }
        }
        let snapshot = SnapshotAssembly(tables: tables, outputs: outputs)
        let snapshotTables = try snapshot.snapshotTables()
        if !config.segments.isEmpty, let customers = snapshotTables.first(where: { $0.name == "customers" }) {
            let exports = SegmentExports(customers: customers, related: snapshotTables.filter { $0.name != "customers" }, asOf: asOf,
                                         segments: config.segments)
            let selections = try exports.selections()
            progress.finished(stage: "segments", detail: selections.map { "@\($0.name) \($0.rows.count)" }.joined(separator: ", ") + " customers",
                              seconds: 0)
            for f in exports.files(selections, bom: languages.contains(.zh)) { files.add(f) }
            for spec in config.reports {
                guard case .scoped(let by, let mask) = spec.kind else { continue }
                for f in try exports.scopedFiles(selections, by: by, maskPII: mask, bom: languages.contains(.zh)) { files.add(f) }
            }
        }
        timings.append(.init(stage: "reports", seconds: Date().timeIntervalSince(reportStart), rows: 0, notes: []))

        manifest.stages = timings
        manifest.outputs = files.manifestEntries()
        files.add(ReportFile(name: "manifest.json", bytes: Array(try manifest.encoded())))

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
        let publishStart = Date()
        try AtomicPublisher(target: out).publish(files.files) { staging in
            try snapshot.write(snapshotTables, into: staging, asOf: asOf, segments: config.segments)
        }
        progress.finished(stage: "publish", detail: "\(files.files.count) files → \(out)", seconds: Date().timeIntervalSince(publishStart))

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
