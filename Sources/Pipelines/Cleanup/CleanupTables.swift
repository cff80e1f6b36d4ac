import Columns
import Resolution

/// The tables a cleanup publishes, built from a `CleanupPreparation`: golden customers, the merge
/// log and the source-row map with rows named `SOURCE:LINE`, the quarantine list, and the re-keyed
/// event tables. CSV and SQLite outputs are written from these same tables, so they agree.
struct CleanupTables {
    var goldenCustomers: Table
    var mergeLog: Table
    var sourceRows: Table
    var quarantine: Table
    /// Event tables (orders, interactions, …) with customer_id re-keyed to the golden customer, in canonical order.
    var events: [(CanonicalTable, Table)]

    init(_ p: CleanupPreparation) throws {
        goldenCustomers = try Self.golden(p)
        mergeLog = try Self.mergeLog(p)
        sourceRows = try Self.sourceRows(p)
        quarantine = try Self.quarantine(p.quarantine)
        let source = p.resolution?.tables ?? p.loaded.events
        events = CanonicalTable.allCases.filter { $0 != .customers }.compactMap { t in source[t].map { (t, $0) } }
    }

    static func rowName(_ t: Table, _ r: Int) -> String {
        guard let lineage = t.lineage else { return "customers:\(r + 1)" }
        return RowName.of(source: lineage.source(of: r), line: Int(lineage.line[r]))
    }

    /// One row per golden customer: golden_id, member_count, then the customer columns with the
    /// surviving values (customer_id is the surviving row's id, the key events are re-keyed to).
    static func golden(_ p: CleanupPreparation) throws -> Table {
        var t: Table
        if let customers = p.resolution?.tables[.customers] {
            t = customers
        } else {
            t = try Table(name: "golden_customers", columns: [
                ("golden_id", .int64(PrimitiveColumn(values: []))), ("member_count", .int64(PrimitiveColumn(values: []))),
            ] + zip(p.customers.columnNames, p.customers.columns).map { ($0, $1.gather([Int]())) })
        }
        t.name = "golden_customers"
        t.lineage = nil
        return t
    }

    /// The resolver's merge log with rows named as the user names them: golden_id, source, line,
    /// row, customer_id, role (core/member), core, match_probability, match_weight, matched_on,
    /// and w_<field>, each field's contribution to the weight in bits (empty = no evidence).
    static func mergeLog(_ p: CleanupPreparation) throws -> Table {
        guard let log = p.resolution?.result.mergeLog else {
            return try Table(name: "merge_log", columns: [
                ("golden_id", .int64(PrimitiveColumn(values: []))), ("source", .string(StringBuilder().finish())),
                ("line", .int64(PrimitiveColumn(values: []))), ("row", .string(StringBuilder().finish())),
            ])
        }
        let rows = log["row"]?.int64s, cores = log["core_row"]?.int64s
        var rowNames = StringBuilder(capacity: log.rowCount), coreNames = StringBuilder(capacity: log.rowCount)
        for i in 0..<log.rowCount {
            rowNames.append(rows.map { rowName(p.customers, Int($0.values[i])) })
            coreNames.append(cores.map { rowName(p.customers, Int($0.values[i])) })
        }
        var columns: [(String, Column)] = []
        func take(_ name: String) { if let c = log[name] { columns.append((name, c)) } }
        take("golden_id"); take("source"); take("line")
        columns.append(("row", .string(rowNames.finish())))
        take("customer_id"); take("role")
        columns.append(("core", .string(coreNames.finish())))
        take("match_probability"); take("match_weight"); take("matched_on")
        for name in log.columnNames where name.hasPrefix("w_") { take(name) }
        return try Table(name: "merge_log", columns: columns)
    }

    /// Every customer source row, linked or quarantined, in pipeline order then line: row, source,
    /// line, customer_id, golden_id (null when quarantined), status, reason.
    static func sourceRows(_ p: CleanupPreparation) throws -> Table {
        struct Entry { var order: Int; var line: Int; var linkedRow: Int?; var quarantined: CleanupQuarantine? }
        let order = Dictionary(uniqueKeysWithValues: p.loaded.customerSources.enumerated().map { ($1, $0) })
        var entries: [Entry] = []
        entries.reserveCapacity(p.customers.rowCount)
        if let lineage = p.customers.lineage {
            let orderOfIndex = lineage.sources.map { order[$0] ?? 0 }
            for r in 0..<p.customers.rowCount {
                entries.append(Entry(order: orderOfIndex[Int(lineage.sourceIndex[r])], line: Int(lineage.line[r]), linkedRow: r))
            }
        }
        for q in p.quarantine where q.table == .customers {
            entries.append(Entry(order: order[q.row.source] ?? 0, line: q.row.line, quarantined: q))
        }
        entries.sort { ($0.order, $0.line) < ($1.order, $1.line) }
        let ids = p.customers["customer_id"]
        let goldenIndex = p.goldenIndex
        var row = StringBuilder(capacity: entries.count), source = StringBuilder(capacity: entries.count)
        var line = PrimitiveBuilder<Int64>(zero: 0, capacity: entries.count), id = StringBuilder(capacity: entries.count)
        var golden = PrimitiveBuilder<Int64>(zero: 0, capacity: entries.count)
        var status = StringBuilder(capacity: entries.count), reason = StringBuilder(capacity: entries.count)
        for e in entries {
            if let r = e.linkedRow {
                row.append(rowName(p.customers, r))
                source.append(p.customers.lineage?.source(of: r))
                id.append(ids?.text(at: r))
                if r < goldenIndex.count { golden.append(Int64(goldenIndex[r])) } else { golden.appendNull() }
                status.append("linked")
                reason.appendNull()
            } else if let q = e.quarantined {
                row.append(q.name)
                source.append(q.row.source)
                id.appendNull()
                golden.appendNull()
                status.append("quarantined")
                reason.append(q.row.reason)
            }
            line.append(Int64(e.line))
        }
        return try Table(name: "source_rows", columns: [
            ("row", .string(row.finish())), ("source", .string(source.finish())), ("line", .int64(line.finish())),
            ("customer_id", .string(id.finish())), ("golden_id", .int64(golden.finish())),
            ("status", .string(status.finish())), ("reason", .string(reason.finish())),
        ])
    }

    /// quarantine.csv: row, source, line, table, column, reason, raw — customers and events alike.
    static func quarantine(_ rows: [CleanupQuarantine]) throws -> Table {
        var row = StringBuilder(capacity: rows.count), source = StringBuilder(capacity: rows.count)
        var line = PrimitiveBuilder<Int64>(zero: 0, capacity: rows.count), table = StringBuilder(capacity: rows.count)
        var column = StringBuilder(capacity: rows.count), reason = StringBuilder(capacity: rows.count)
        var raw = StringBuilder(capacity: rows.count)
        for q in rows {
            row.append(q.name)
            source.append(q.row.source)
            line.append(Int64(q.row.line))
            table.append(q.table.rawValue)
            column.append(q.row.column)
            reason.append(q.row.reason)
            raw.append(q.row.raw)
        }
        return try Table(name: "quarantine", columns: [
            ("row", .string(row.finish())), ("source", .string(source.finish())), ("line", .int64(line.finish())),
            ("table", .string(table.finish())), ("column", .string(column.finish())), ("reason", .string(reason.finish())),
            ("raw", .string(raw.finish())),
        ])
    }
}
