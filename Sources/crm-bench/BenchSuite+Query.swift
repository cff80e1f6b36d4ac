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
        /// For an aggregate, the same condition written as a semi-join on a GROUP BY, which DuckDB
        /// runs far faster than the correlated subquery; both are shown.
        var grouped: String? = nil
    }

    static let queryCases: [QueryCase] = [
        QueryCase(name: "filter+count", expression: "region = '华东' and last_order < as_of - 90d",
                  sql: "region = '华东' AND last_order < DATE 'AS_OF' - INTERVAL 90 DAY", bound: 0.1),
        QueryCase(name: "segment (vip_east)", expression: "segment = 'Champions' and region = '华东'",
                  sql: "segment = 'Champions' AND region = '华东'", bound: 0.1),
        QueryCase(name: "count(orders where)", expression: "count(orders where amount > 1000) >= 3",
                  sql: "(SELECT count(*) FROM orders o WHERE o.customer_id = c.customer_id AND o.amount > 1000) >= 3", bound: 0.5,
                  grouped: "customer_id IN (SELECT customer_id FROM orders WHERE amount > 1000 GROUP BY customer_id HAVING count(*) >= 3)"),
        QueryCase(name: "sum(orders.amount where)", expression: "sum(orders.amount where order_date >= '2025-01-01') > 5000",
                  sql: "(SELECT sum(o.amount) FROM orders o WHERE o.customer_id = c.customer_id AND o.order_date >= DATE '2025-01-01') > 5000",
                  bound: 0.5,
                  grouped: "customer_id IN (SELECT customer_id FROM orders WHERE order_date >= DATE '2025-01-01' GROUP BY customer_id HAVING sum(amount) > 5000)"),
    ]

    func queryBench() throws {
        print("\n== query: crm query --count on a snapshot (open + compile + run, fresh process each) ==")
        let folder = try querySnapshot()
        let manifest = try SnapshotReader.readManifest(directory: folder)
        let sizes = manifest.tables.map { "\($0.name) \($0.rows) rows" }.joined(separator: ", ")
        print("snapshot \(folder): \(sizes), as of \(manifest.asOf ?? "none")")
        var rows: [[String]] = [["case", "rows", "crm ms", "crm cpu ms", "bound ms", "DuckDB rows", "DuckDB query ms", "GROUP BY form ms",
                                 "DuckDB open ms", "best DuckDB/crm"]]
        for c in Self.queryCases {
            // The median by the child's own wall time (the one the bound is about), not the process's.
            var runs: [(count: String, seconds: Double, cpu: Double)] = []
            for _ in 0..<options.repeats {
                let r = try MeasuredRun.run([CommandLine.arguments[0], "--child", "query", folder, c.expression])
                guard r.exitStatus == 0 else { throw BenchError.failed("query child", r.output) }
                let f = r.output.split(whereSeparator: \.isWhitespace).map(String.init)
                guard f.count == 3, let s = Double(f[1]), let cpu = Double(f[2]) else { throw BenchError.failed("query child", r.output) }
                runs.append((f[0], s, cpu))
            }
            let ours = runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
            let (count, seconds) = (ours.count, ours.seconds)
            var row = [c.name, count, String(format: "%.1f", seconds * 1000), String(format: "%.1f", ours.cpu * 1000),
                       String(format: "%.0f", c.bound * 1000)]
            if options.peers {
                let asOf = manifest.asOf ?? "1970-01-01"
                let duck = try duckDB(folder, c.sql.replacingOccurrences(of: "AS_OF", with: asOf))
                let grouped = try c.grouped.map { try duckDB(folder, $0.replacingOccurrences(of: "AS_OF", with: asOf)) }
                let agree = [duck.rows, grouped?.rows].compactMap { $0 }.allSatisfy { $0 == count }
                let best = min(duck.query, grouped?.query ?? .infinity)
                row += [duck.rows + (agree ? "" : " (differs!)"), String(format: "%.1f", duck.query * 1000),
                        grouped.map { String(format: "%.1f", $0.query * 1000) } ?? "–", String(format: "%.1f", duck.open * 1000),
                        String(format: "%.2f×", best / seconds)]
            }
            rows.append(row)
        }
        Self.printTable(rows)
        print("(crm ms: median of \(options.repeats) child runs, each opening the snapshot folder, wall time inside the child; crm cpu ms: CPU")
        print(" time of that run, all threads. DuckDB query ms: the same condition in SQL (aggregates as correlated subqueries), alone,")
        print(" after pyarrow mapped and registered the files, which DuckDB open ms is; GROUP BY form ms: the aggregate rewritten as a")
        print(" semi-join on a GROUP BY. best DuckDB/crm = the faster DuckDB query ms ÷ crm ms (crm's includes opening), > 1: crm faster.)")
    }

    /// DuckDB's answer and times for one condition (median run by query time).
    func duckDB(_ folder: String, _ condition: String) throws -> (rows: String, open: Double, query: Double) {
        var runs: [(rows: String, open: Double, query: Double)] = []
        for _ in 0..<options.repeats {
            let r = try MeasuredRun.run(["python3", "bench/peers/query_snapshot.py", folder, condition, String(options.threads)])
            let f = r.output.split(whereSeparator: \.isWhitespace).map(String.init)
            guard r.exitStatus == 0, f.count == 3, let open = Double(f[1]), let query = Double(f[2]) else {
                throw BenchError.failed("DuckDB on \(condition)", r.output)
            }
            runs.append((f[0], open, query))
        }
        return runs.sorted { $0.query < $1.query }[runs.count / 2]
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
