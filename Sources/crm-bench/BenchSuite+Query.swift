import Foundation
import Snapshot

/// `--only query`: `crm query … --count` against DuckDB on a snapshot of the bench data.
///
/// The snapshot is made by the real pipeline (`crm run`, stages clean + rfm, no resolution) over
/// the generated customers and orders, so it has the nightly run's enriched customers table
/// (31 columns) and the 4.9 M orders with their precomputed owner rows. Each query runs in a
/// fresh child process (open the folder, compile, run, count), timed inside; DuckDB maps the same
/// Arrow files with pyarrow and answers the same question in SQL (bench/peers/query_snapshot.py).
extension BenchSuite {
    struct QueryCase {
        let name: String
        let expression: String
        /// The same condition in DuckDB SQL over `customers c`; `AS_OF` is replaced by the snapshot's date.
        let sql: String
        /// The issue's bound for open + run, in seconds.
        let bound: Double
    }

    static let queryCases: [QueryCase] = [
        QueryCase(name: "filter+count", expression: "region = '华东' and last_order < as_of - 90d",
                  sql: "region = '华东' AND last_order < DATE 'AS_OF' - INTERVAL 90 DAY", bound: 0.1),
        QueryCase(name: "segment (vip_east)", expression: "segment = 'Champions' and region = '华东'",
                  sql: "segment = 'Champions' AND region = '华东'", bound: 0.1),
        QueryCase(name: "count(orders where)", expression: "count(orders where amount > 1000) >= 3",
                  sql: "(SELECT count(*) FROM orders o WHERE o.customer_id = c.customer_id AND o.amount > 1000) >= 3", bound: 0.5),
        QueryCase(name: "sum(orders.amount where)", expression: "sum(orders.amount where order_date >= '2025-01-01') > 5000",
                  sql: "(SELECT sum(o.amount) FROM orders o WHERE o.customer_id = c.customer_id AND o.order_date >= DATE '2025-01-01') > 5000",
                  bound: 0.5),
    ]

    func queryBench() throws {
        print("\n== query: crm query --count on a snapshot (open + compile + run, fresh process each) ==")
        let folder = try querySnapshot()
        let manifest = try SnapshotReader.readManifest(directory: folder)
        let sizes = manifest.tables.map { "\($0.name) \($0.rows) rows" }.joined(separator: ", ")
        print("snapshot \(folder): \(sizes), as of \(manifest.asOf ?? "none")")
        var rows: [[String]] = [["case", "rows", "crm ms", "bound ms", "DuckDB rows", "DuckDB query ms", "DuckDB open ms", "DuckDB/crm"]]
        for c in Self.queryCases {
            let ours = try median { try MeasuredRun.run([CommandLine.arguments[0], "--child", "query", folder, c.expression]) }
            let fields = ours.output.split(separator: " ")
            let count = fields.first.map(String.init) ?? "?"
            let seconds = Double(fields.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? .nan
            var row = [c.name, count, String(format: "%.1f", seconds * 1000), String(format: "%.0f", c.bound * 1000)]
            if options.peers {
                let sql = c.sql.replacingOccurrences(of: "AS_OF", with: manifest.asOf ?? "1970-01-01")
                let duck = try median {
                    try MeasuredRun.run(["python3", "bench/peers/query_snapshot.py", folder, sql, String(options.threads)])
                }
                let d = duck.output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                let query = d.count == 3 ? Double(d[2]) ?? .nan : .nan
                row += [d.first.map { $0 == count ? $0 : "\($0) (differs!)" } ?? "?", String(format: "%.1f", query * 1000),
                        d.count == 3 ? String(format: "%.1f", (Double(d[1]) ?? .nan) * 1000) : "?", String(format: "%.2f×", query / seconds)]
            }
            rows.append(row)
        }
        Self.printTable(rows)
        print("(crm ms: median of \(options.repeats) child runs, each opening the snapshot folder; DuckDB query ms: the SQL alone after")
        print(" pyarrow mapped and registered the files, which DuckDB open ms is; DuckDB/crm > 1 means crm is faster. Shared machine.)")
    }

    /// The snapshot folder of a pipeline run over this data set, made once. A snapshot written
    /// before owner rows existed is made again (it would measure the slower join path).
    func querySnapshot() throws -> String {
        let work = dataDirectory + "/query-snapshot"
        let folder = work + "/run/snapshot"
        if let m = try? SnapshotReader.readManifest(directory: folder), m.tables.first(where: { $0.name == "orders" })?.ownerRows != nil {
            return folder
        }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let data = (dataDirectory as NSString).standardizingPath.hasPrefix("/")
            ? dataDirectory : FileManager.default.currentDirectoryPath + "/" + dataDirectory
        let pipeline = """
        # Written by crm-bench --only query: the nightly run's enrichment (clean, rfm) over the bench data.
        name: query benchmark snapshot
        as_of: auto
        sources:
          - { table: customers, file: \(data)/customers.csv }
          - { table: orders, file: \(data)/orders.csv }
        stages: [clean, rfm]
        reports:
          - { html: index.html, lang: en }

        """
        try pipeline.write(toFile: work + "/pipeline.yml", atomically: true, encoding: .utf8)
        print("building the snapshot: crm run \(work)/pipeline.yml …")
        let r = try MeasuredRun.run([binDirectory + "/crm", "run", work + "/pipeline.yml", "--out", work + "/run"])
        guard r.exitStatus == 0 else { throw BenchError.failed("crm run (query snapshot)", r.output) }
        print(String(format: "snapshot built in %.1fs, peak %@", r.seconds, Self.megabytes(r.peakRSSBytes)))
        return folder
    }
}
