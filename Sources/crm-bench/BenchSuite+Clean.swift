import Foundation

extension BenchSuite {
    /// `crm clean` on the generated customers and orders: load, validate, clean, resolve, re-key,
    /// and write the whole set (CSVs, golden.sqlite, data_quality.html) — the time a migration
    /// cleanup takes end to end, with each stage's share from the run's manifest.
    func cleanBench() throws {
        print("\n== clean: crm clean on customers.csv + orders.csv → golden set (\(options.threads) threads) ==")
        let r = try median { try MeasuredRun.run([CommandLine.arguments[0], "--child", "clean", dataDirectory]) }
        let lines = r.output.split(separator: "\n").map(String.init)
        let first = lines.first?.split(separator: " ") ?? []
        let rows = Int(first.first ?? "0") ?? 0
        print(String(format: "%d customer rows in %.2fs (%.0f rows/s), peak RSS %@", rows, r.seconds,
                     Double(rows) / max(r.seconds, 1e-9), Self.megabytes(r.peakRSSBytes)))
        if lines.count > 1 { print("stages: " + lines[1]) }
    }
}
