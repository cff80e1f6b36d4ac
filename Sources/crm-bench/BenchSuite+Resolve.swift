import Foundation

extension BenchSuite {
    /// Entity resolution on the generated customers: our resolver (child process: load, then
    /// resolve as the pipeline does; seconds are the resolve step alone) scored pairwise against
    /// the truth file, beside the floor — DuckDB's exact GROUP BY lower(trim(email)) on the same
    /// file, scored the same way.
    func resolveBench() throws {
        print("\n== resolve: customers.csv → golden customers (\(options.threads) threads) ==")
        let customers = dataDirectory + "/customers.csv", truth = dataDirectory + "/duplicates_truth.csv"
        let ours = try median { try MeasuredRun.run([CommandLine.arguments[0], "--child", "resolve", dataDirectory]) }
        let lines = ours.output.split(separator: "\n")
        let f = lines.first?.split(separator: " ").map(String.init) ?? []
        guard f.count >= 8, let seconds = Double(f[1]), let precision = Double(f[2]), let recall = Double(f[3]),
              let load = Double(f[7]) else { throw BenchError.failed("resolve child", ours.output) }
        var rows: [[String]] = [["engine", "rows", "load s", "dedupe s", "peak", "precision", "recall", "true pairs", "found pairs"]]
        rows.append(["crm resolve", f[0], String(format: "%.2f", load), String(format: "%.2f", seconds), Self.megabytes(ours.peakRSSBytes),
                     String(format: "%.4f", precision), String(format: "%.4f", recall), f[4], f[5]])
        if options.peers {
            let duck = try median {
                try MeasuredRun.run(["python3", "bench/peers/group_email.py", customers, truth, String(options.threads)])
            }
            let d = duck.output.split(whereSeparator: \.isWhitespace).map(String.init)
            guard d.count >= 8, let dl = Double(d[1]), let dg = Double(d[2]), let dp = Double(d[3]), let dr = Double(d[4]) else {
                throw BenchError.failed("duckdb group_email", duck.output)
            }
            rows.append(["duckdb GROUP BY lower(trim(email))", d[0], String(format: "%.2f", dl), String(format: "%.2f", dg),
                         Self.megabytes(duck.peakRSSBytes), String(format: "%.4f", dp), String(format: "%.4f", dr), d[5], d[6]])
        }
        Self.printTable(rows)
        for line in lines.dropFirst() { print("  " + line) }
        print("(dedupe s: the resolve step alone, median of \(options.repeats); peak: the whole child process, load included;"
            + " bounds: ≤ 20 s, ≤ 2 GB, precision ≥ 0.995, recall ≥ 0.98)")
    }
}
