import Columns
import Foundation
import Snapshot

/// Speed of `crm query` against DuckDB on the same snapshot files, for `crm-bench` (and the
/// hidden `crm query --benchmark`). Ours: opening the snapshot (all tables), then each query
/// compiled and run to a count, best of `repeats`. DuckDB: the same tables read from the Arrow
/// files with pyarrow and registered, then the same condition in SQL, best of `repeats`.
public enum QueryBenchmark {
    public struct Case: Sendable {
        public let name: String
        public let query: String
        public let sql: String
    }

    public static let standardCases: [Case] = [
        Case(name: "filter+count", query: "region = '华东' and last_order < as_of - 90d",
             sql: "region = '华东' AND last_order < DATE '2025-06-30' - INTERVAL 90 DAY"),
        Case(name: "order aggregate", query: "count(orders where amount > 1000) >= 3",
             sql: "(SELECT count(*) FROM orders o WHERE o.customer_id = c.customer_id AND o.amount > 1000) >= 3"),
        Case(name: "sum + filter", query: "sum(orders.amount where order_date >= '2025-01-01') > 5000 and region in ('华东', '华南')",
             sql: "(SELECT sum(o.amount) FROM orders o WHERE o.customer_id = c.customer_id AND o.order_date >= DATE '2025-01-01') > 5000 AND region IN ('华东', '华南')"),
    ]

    public struct Figure: Sendable {
        public let name: String
        public let rows: Int
        /// Opening the tables the query needs, compiling and running it to a count.
        public let coldSeconds: Double
        /// Compiling and running it on tables already in memory.
        public let seconds: Double
        public let duckdbRows: Int?
        public let duckdbSeconds: Double?
    }

    public struct Report: Sendable, CustomStringConvertible {
        public let customers: Int
        public let orders: Int
        public let openSeconds: Double
        public let duckdbLoadSeconds: Double?
        public let figures: [Figure]

        public var description: String {
            func ms(_ s: Double?) -> String { s.map { String(format: "%8.1f ms", $0 * 1000) } ?? "         –" }
            var lines = ["query benchmark: \(customers) customers, \(orders) orders",
                         "open snapshot (all tables): \(ms(openSeconds))   DuckDB/pyarrow load: \(ms(duckdbLoadSeconds))",
                         "case                  rows   crm open+run   crm in memory   DuckDB query   in-memory ratio"]
            for f in figures {
                let ratio = f.duckdbSeconds.map { String(format: "%5.2fx", f.seconds / max($0, 1e-9)) } ?? ""
                let agree = f.duckdbRows.map { $0 == f.rows ? "" : "  (DuckDB: \($0) rows!)" } ?? ""
                lines.append(f.name.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%8d", f.rows)
                             + "    " + ms(f.coldSeconds) + "     " + ms(f.seconds) + "     " + ms(f.duckdbSeconds) + "     " + ratio + agree)
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Writes the synthetic snapshot to `directory` unless one is already there.
    public static func prepare(directory: String, customers: Int, ordersPerCustomer: Int = 5) throws {
        if (try? SnapshotReader.readManifest(directory: directory)) != nil { return }
        let tables = BenchmarkSnapshot.tables(customers: customers, ordersPerCustomer: ordersPerCustomer)
        try SnapshotWriter.write(tables: tables, asOf: BenchmarkSnapshot.asOf, to: directory)
    }

    public static func run(directory: String, cases: [Case] = standardCases, repeats: Int = 3, duckdb: Bool = true) throws -> Report {
        var openBest = Double.infinity
        var snapshot: Snapshot?
        for _ in 0..<repeats {
            snapshot = nil
            let t0 = Date()
            snapshot = try SnapshotReader.open(directory: directory)
            openBest = min(openBest, Date().timeIntervalSince(t0))
        }
        let s = snapshot!
        var ours = [(Int, Double, Double)]()
        for c in cases {
            var best = Double.infinity, cold = Double.infinity, rows = 0
            for _ in 0..<repeats {
                let t0 = Date()
                rows = try SegmentQuery.open(c.query, snapshotDirectory: directory).run().count
                cold = min(cold, Date().timeIntervalSince(t0))
                let t1 = Date()
                rows = try SegmentQuery(c.query, snapshot: s).run().count
                best = min(best, Date().timeIntervalSince(t1))
            }
            ours.append((rows, cold, best))
        }
        let peer = duckdb ? try? duckDB(directory: directory, cases: cases, repeats: repeats) : nil
        let figures = cases.indices.map { i in
            Figure(name: cases[i].name, rows: ours[i].0, coldSeconds: ours[i].1, seconds: ours[i].2, duckdbRows: peer?.rows[i], duckdbSeconds: peer?.seconds[i])
        }
        return Report(customers: s["customers"]?.rowCount ?? 0, orders: s["orders"]?.rowCount ?? 0, openSeconds: openBest,
                      duckdbLoadSeconds: peer?.load, figures: figures)
    }

    static let duckdbScript = #"""
import json, sys, time
import pyarrow as pa, pyarrow.ipc as ipc
import duckdb
folder, cases, repeats = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
manifest = json.load(open(folder + "/snapshot.json"))
con = duckdb.connect()
con.sql("SET threads=2")
t0 = time.perf_counter()
tables = {}
for e in manifest["tables"]:
    with pa.memory_map(folder + "/" + e["file"]) as src:
        tables[e["name"]] = ipc.open_file(src).read_all()
    con.register(e["name"], tables[e["name"]])
load = time.perf_counter() - t0
rows, secs = [], []
for sql in cases:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        n = con.sql("SELECT count(*) FROM customers c WHERE " + sql).fetchall()[0][0]
        best = min(best, time.perf_counter() - t0)
    rows.append(n); secs.append(best)
print(json.dumps({"load": load, "rows": rows, "seconds": secs}))
"""#

    struct Peer: Decodable {
        let load: Double
        let rows: [Int]
        let seconds: [Double]
    }

    static func duckDB(directory: String, cases: [Case], repeats: Int) throws -> Peer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let sql = String(decoding: try JSONSerialization.data(withJSONObject: cases.map(\.sql)), as: UTF8.self)
        process.arguments = ["python3", "-c", duckdbScript, directory, sql, String(repeats)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Peer.self, from: data)
    }
}
