import Columns
import Generator
import Foundation

/// The measurements, printed as tables of our figures beside the peers' on the same files.
struct BenchSuite {
    let options: BenchOptions
    static let mainTables: [CanonicalTable] = [.customers, .orders, .interactions, .opportunities]

    var binDirectory: String { (CommandLine.arguments[0] as NSString).deletingLastPathComponent }
    var dataDirectory: String { options.dataDirectory + "/c\(options.customers)-s\(options.seed)" }

    func wants(_ part: String) -> Bool { options.only.isEmpty || options.only.contains(part) }

    func run() throws {
        print("crm-bench: \(options.customers) customers, seed \(options.seed), \(options.repeats) runs each (median), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        try ensureData()
        if wants("load") { try loadBench() }
        if wants("analytics") { try analyticsBench() }
        if wants("nightly") { try nightlyBench() }
        if wants("query") { try queryBench() }
        if wants("clean") { try cleanBench() }
        if wants("resolve") { try resolveBench() }
        if wants("febrl") { try febrlBench() }
    }

    /// Generates the data set once; later runs reuse it (the generator is deterministic per seed).
    func ensureData() throws {
        // The marker holds the generator's output version: data from an older generator is made again.
        let marker = dataDirectory + "/.complete"
        let version = "generator output \(DataGenerator.outputVersion)\n"
        if (try? String(contentsOfFile: marker, encoding: .utf8)) == version { return }
        print("generating \(dataDirectory) …")
        let r = try MeasuredRun.run([binDirectory + "/crm", "generate", "--customers", String(options.customers),
                                     "--seed", String(options.seed), "--out", dataDirectory])
        guard r.exitStatus == 0 else { throw BenchError.failed("crm generate", r.output) }
        print(String(format: "generated in %.1fs, peak %@", r.seconds, Self.megabytes(r.peakRSSBytes)))
        _ = FileManager.default.createFile(atPath: marker, contents: Data(version.utf8))
    }

    func loadBench() throws {
        print("\n== load: CSV → in-memory columns (\(options.threads) threads) ==")
        var rows: [[String]] = [["file", "MB", "rows", "crm s", "MB/s", "rows/s", "crm peak", "duckdb s", "duckdb peak", "polars s", "crm/duckdb", "crm/polars"]]
        for table in Self.mainTables {
            let path = dataDirectory + "/\(table.rawValue).csv"
            let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let ours = try median { try MeasuredRun.run([CommandLine.arguments[0], "--child", "load", table.rawValue, path]) }
            let count = Int(ours.output.split(separator: " ").first ?? "0") ?? 0
            var row = [table.rawValue + ".csv", String(format: "%.0f", Double(bytes) / 1e6), String(count),
                       String(format: "%.2f", ours.seconds), String(format: "%.0f", Double(bytes) / 1e6 / ours.seconds),
                       String(format: "%.2fM", Double(count) / 1e6 / ours.seconds), Self.megabytes(ours.peakRSSBytes)]
            if options.peers {
                let duck = try median { try peer("duckdb", path) }
                let polars = try median { try peer("polars", path) }
                row += [String(format: "%.2f", duck.seconds), Self.megabytes(duck.peakRSSBytes), String(format: "%.2f", polars.seconds),
                        String(format: "%.2f×", duck.seconds / ours.seconds), String(format: "%.2f×", polars.seconds / ours.seconds)]
            }
            rows.append(row)
        }
        Self.printTable(rows)
        print("(crm/peer = how many times faster crm is: peer seconds ÷ crm seconds; all wall time of the whole child process)")
        let all = try MeasuredRun.run([CommandLine.arguments[0], "--child", "load-all", dataDirectory])
        guard all.exitStatus == 0 else { throw BenchError.failed("load-all", all.output) }
        print(String(format: "four main files together: %.2fs, peak RSS %@ (bound: 1.5 GB)", all.seconds, Self.megabytes(all.peakRSSBytes)))
    }

    func peer(_ engine: String, _ path: String) throws -> MeasuredRun {
        let r = try MeasuredRun.run(["python3", "bench/peers/load_csv.py", engine, path, String(options.threads)],
                                    environment: ["POLARS_MAX_THREADS": String(options.threads)])
        guard r.exitStatus == 0 else { throw BenchError.failed("\(engine) on \(path)", r.output) }
        return r
    }

    /// Runs `measure` `repeats` times and keeps the run with the median wall time.
    func median(_ measure: () throws -> MeasuredRun) throws -> MeasuredRun {
        var runs: [MeasuredRun] = []
        for _ in 0..<options.repeats {
            let r = try measure()
            guard r.exitStatus == 0 else { throw BenchError.failed("child", r.output) }
            runs.append(r)
        }
        return runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1e6) }

    static func printTable(_ rows: [[String]]) {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  "))
        }
    }
}
