import Analytics
import Columns
import Reports

/// Scoped report sets (数据权限): for each value of the scope column (a sales region or an owner),
/// a folder `scope/<value>/` holding only that scope's customers and their events — its own
/// analyses, page and CSVs — with phones and e-mails masked when asked. Nothing of another
/// scope is copied in: tables are filtered before any analysis sees them.
struct ScopedReports {
    let config: PipelineConfig
    let asOf: Int32
    let tables: [CanonicalTable: Table]
    let loaded: SourceLoading.Loaded
    let languages: [(file: String, lang: ReportLanguage)]

    /// Event tables' own row ids: no analysis reads them (order counts count rows).
    static let rowIDsNoAnalysisReads: [CanonicalTable: String] = [.orders: "order_id", .interactions: "interaction_id", .tickets: "ticket_id"]

    /// Values of the scope column, in byte order; customers with none go to "(none)".
    static let noValue = "(none)"

    /// Writes every scope's set to `sink`, one scope at a time: a scope's tables are gathered,
    /// analysed and encoded, its files handed over, and its tables freed before the next scope's.
    func write(by column: String, maskPII: Bool, progress: ProgressReporter, to sink: ReportSink) throws {
        guard let customers = tables[.customers], let scopeColumn = customers[column]?.strings,
              let ids = customers["customer_id"]?.strings else {
            progress.note("scope: customers have no \(column) column; no scoped reports written")
            return
        }
        var rowsByValue: [String: [Int]] = [:]
        for r in 0..<customers.rowCount {
            let v = scopeColumn[r].flatMap { $0.isEmpty ? nil : $0 } ?? Self.noValue
            rowsByValue[v, default: []].append(r)
        }
        let values = rowsByValue.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        var partition = ScopePartition(customerIDs: ids, rowsByScope: values.map { rowsByValue[$0]! })
        // Every event table is split once for all scopes (one id lookup per row), not once per scope.
        var eventRows: [CanonicalTable: [[Int32]]] = [:]
        for (table, t) in tables where table != .customers {
            eventRows[table] = table == .stageHistory
                ? partition.rowsByScope(of: t, viaOpportunities: tables[.opportunities])
                : partition.rowsByScope(of: t)
        }
        // A scope's event rows are analysed, never written out: their own row ids (order_id,
        // interaction_id, ticket_id) and their lineage, which no analysis reads, are not copied
        // into the slices (about 100 MB of the largest region's slice at 1 M customers).
        var analysed: [CanonicalTable: Table] = [:]
        for (table, t) in tables where table != .customers {
            var kept = try t.select(t.columnNames.filter { $0 != Self.rowIDsNoAnalysisReads[table] })
            kept.lineage = nil
            analysed[table] = kept
        }
        // Smallest scope first: the largest (华东 holds 40 % of the customers at 1 M) comes last,
        // when the snapshot writer beside it has let its tables go. Each scope's files are the
        // same whatever the order.
        let order = values.indices.sorted { (rowsByValue[values[$0]]!.count, $0) < (rowsByValue[values[$1]]!.count, $1) }
        for s in order {
            let value = values[s]
            var scoped: [CanonicalTable: Table] = [.customers: customers.gather(rowsByValue[value]!)]
            for (table, t) in analysed {
                scoped[table] = t.gather(eventRows[table]![s]).compactingDictionaries()
                eventRows[table]![s] = []
            }
            let folder = "scope/" + Self.folderName(value)
            try writeScope(scoped, value: value, column: column, maskPII: maskPII, folder: folder, to: sink)
            scoped = [:]
            HeapTrim.releaseFreedMemory()
        }
        progress.finished(stage: "scope", detail: "\(rowsByValue.count) \(column) report sets\(maskPII ? ", PII masked" : "")", seconds: 0)
    }

    func writeScope(_ scoped: [CanonicalTable: Table], value: String, column: String, maskPII: Bool, folder: String,
                    to sink: ReportSink) throws {
        let input = AnalysisInput(
            customers: scoped[.customers], orders: scoped[.orders], interactions: scoped[.interactions],
            opportunities: scoped[.opportunities], stageHistory: scoped[.stageHistory], tickets: scoped[.tickets],
            campaigns: tables[.campaigns], campaignMembers: scoped[.campaignMembers])
        // The KPI forecast is a company-wide view (and the costliest section); scopes leave it out.
        var scopedConfig = config
        scopedConfig.stages.removeAll { $0 == .forecast }
        let outputs = AnalysisStages.run(config: scopedConfig, input: input, asOf: asOf, progress: ProgressReporter(style: .silent))
        let model = ReportAssembly(config: config, asOf: asOf, tables: scoped, outputs: outputs, loaded: loaded, resolution: nil)
            .model(scope: "\(column) = \(value)")
        let bom = languages.contains { $0.lang == .zh }
        for page in languages {
            try sink(ReportFile(name: folder + "/" + page.file, bytes: ReportPage(model: model, language: page.lang).renderBytes()))
        }
        try OutputSet(config: config, folder: folder + "/").addAnalysisCSVs(outputs, bom: bom, to: sink)
        if var customers = scoped[.customers] {
            if maskPII { customers = try Self.maskingPII(customers) }
            try sink(ReportFile(name: folder + "/customers.csv", bytes: CSVWriter.encode(customers, bom: bom)))
        }
    }

    /// Customers with their phones and e-mails (raw and normalized) masked.
    static func maskingPII(_ customers: Table) throws -> Table {
        let pii: [(String, PIIMask.Kind)] = [("phone", .phone), ("phone_e164", .phone), ("email", .email), ("email_normalized", .email)]
        return try PIIMask.masking(customers, pii.filter { customers[$0.0] != nil }.map { (name: $0.0, kind: $0.1) })
    }

    /// A folder name from a scope value: path separators and leading dots replaced, so a value
    /// like "../x" or "a/b" cannot leave the report folder.
    static func folderName(_ value: String) -> String {
        var name = String(value.map { $0 == "/" || $0 == "\\" || $0 == "\u{0}" ? "_" : $0 })
        while name.hasPrefix(".") { name.replaceSubrange(name.startIndex...name.startIndex, with: "_") }
        return String(name.prefix(80))
    }
}
