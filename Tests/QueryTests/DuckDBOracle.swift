import Foundation

/// Runs SQL `WHERE` clauses over a snapshot folder in DuckDB (tables read from the Arrow files
/// with pyarrow, as the snapshot interop tests do) and returns, per clause, the selected
/// customer_id values sorted — or the error DuckDB gave.
enum DuckDBOracle {
    static let script = #"""
import json, sys
import pyarrow as pa, pyarrow.ipc as ipc
import duckdb

folder, queries = sys.argv[1], json.load(open(sys.argv[2]))
manifest = json.load(open(folder + "/snapshot.json"))
con = duckdb.connect()
con.sql("SET TimeZone='UTC'")
for entry in manifest["tables"]:
    with pa.memory_map(folder + "/" + entry["file"]) as source:
        con.register(entry["name"], ipc.open_file(source).read_all())
out = []
for q in queries:
    try:
        rows = con.sql("SELECT customer_id FROM customers c WHERE " + q).fetchall()
        out.append(sorted(r[0] for r in rows))
    except Exception as e:
        out.append("error: " + str(e))
print(json.dumps(out))
"""#

    static func run(folder: String, whereClauses: [String]) throws -> [Result<[String], OracleError>] {
        let scriptPath = folder + "/oracle.py", queriesPath = folder + "/oracle-queries.json"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        try JSONSerialization.data(withJSONObject: whereClauses).write(to: URL(fileURLWithPath: queriesPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath, folder, queriesPath]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let decoded = try JSONSerialization.jsonObject(with: data) as? [Any] else {
            throw OracleError(message: "python3 failed: " + String(decoding: errData, as: UTF8.self))
        }
        return decoded.map { item in
            if let ids = item as? [String] { return .success(ids) }
            return .failure(OracleError(message: "\(item)"))
        }
    }

    struct OracleError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
