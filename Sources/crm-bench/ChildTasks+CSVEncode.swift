import Columns
import Foundation
import Ingest
import Reports

/// Report CSV encoding on its own, for profiling the writer:
///
///     crm-bench --child csv-encode TABLE FILE [REPEATS]
///
/// loads FILE onto TABLE's canonical schema once, then encodes it REPEATS times (default 3) the
/// way report sets are written (BOM, both cores). Prints "rows bytes best_seconds MB/s".
enum CSVEncodeChild {
    static func run(_ args: [String]) throws {
        guard args.count >= 3, let table = CanonicalTable(rawValue: args[1]) else {
            throw BenchError.usage("csv-encode TABLE FILE [REPEATS]")
        }
        let repeats = args.count > 3 ? max(1, Int(args[3]) ?? 3) : 3
        let loaded = try CSVLoader.load(path: args[2], options: CSVOptions(table: table)).table
        var best = Double.infinity
        var size = 0
        for _ in 0..<repeats {
            let start = Date()
            let bytes = CSVWriter.encode(loaded, bom: true)
            best = min(best, Date().timeIntervalSince(start))
            size = bytes.count
        }
        print(loaded.rowCount, size, String(format: "%.3f", best), String(format: "%.0f", Double(size) / 1e6 / best))
    }
}
