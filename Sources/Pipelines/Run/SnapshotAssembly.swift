import Analytics
import Columns
import Foundation
import Snapshot

/// The tables `crm query` reads after a run: `customers` enriched with what the analyses found
/// about each one, and the (re-keyed) event tables it aggregates over.
struct SnapshotAssembly {
    let tables: [CanonicalTable: Table]
    let outputs: AnalysisOutputs

    /// Result columns joined onto customers, renamed to the query language's names.
    static let enrichment: [(table: String, columns: [(from: String, to: String)])] = [
        ("rfm", [("recency_days", "recency"), ("frequency", "frequency"), ("monetary", "monetary"), ("r_score", "r_score"),
                 ("f_score", "f_score"), ("m_score", "m_score"), ("segment", "segment"), ("segment_cn", "segment_cn")]),
        ("lifecycle", [("first_order", "first_order"), ("last_order", "last_order"), ("stage", "lifecycle"),
                       ("lapsed_last_year", "lapsed_last_year")]),
        ("churn", [("p_alive", "p_alive"), ("expected_purchases", "expected_purchases"), ("clv", "clv"), ("risk_band", "risk_band")]),
        ("lead_grades", [("score", "lead_score"), ("grade", "lead_grade")]),
    ]

    func customers() throws -> Table? {
        guard var customers = tables[.customers], customers["customer_id"] != nil else { return nil }
        if let orders = tables[.orders], orders["customer_id"] != nil, orders["amount"] != nil {
            let totals = try orders.groupBy(["customer_id"], aggregates: [.count(as: "orders"), .sum("amount", as: "revenue")])
            customers = try customers.join(totals, on: ["customer_id"], kind: .left)
        }
        for (name, columns) in Self.enrichment {
            guard let result = outputs.table(name), result["customer_id"] != nil else { continue }
            var picked: [(String, Column)] = [("customer_id", try result.column("customer_id"))]
            for (from, to) in columns {
                if let c = result[from], customers[to] == nil { picked.append((to, c)) }
            }
            guard picked.count > 1 else { continue }
            customers = try customers.join(try Table(name: name, columns: picked), on: ["customer_id"], kind: .left)
        }
        customers.name = "customers"
        return customers
    }

    /// The snapshot's tables: enriched customers (when there are customers), then the event tables.
    func snapshotTables() throws -> [Table] {
        var out: [Table] = []
        if let c = try customers() { out.append(c) }
        for t in [CanonicalTable.orders, .interactions, .opportunities, .tickets] {
            if var table = tables[t] {
                table.name = t.rawValue
                out.append(table)
            }
        }
        return out
    }

    /// Writes `snapshot/` into `folder` (the publisher's staging folder): the Arrow files of
    /// `out` (from `snapshotTables()`), the manifest, and `segments.json` with the pipeline's named segments.
    /// Static, so a background write keeps only these tables alive, not the analysis results.
    static func write(_ out: consuming [Table], into folder: String, asOf: Int32, segments: [(name: String, expression: String)]) throws {
        let directory = folder + "/snapshot"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = try SnapshotWriter.write(tables: out, asOf: asOf, to: directory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let named = Dictionary(segments.map { ($0.name, $0.expression) }, uniquingKeysWith: { _, last in last })
        var json = try encoder.encode(named)
        json.append(0x0A)
        try json.write(to: URL(fileURLWithPath: directory + "/segments.json"))
    }
}
