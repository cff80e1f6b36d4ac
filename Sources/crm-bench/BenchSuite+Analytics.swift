import Foundation

/// Issue #4's bar: every analysis on the 1 M-customer data in ≤ 3 s on 2 cores after load.
/// The suite time is measured inside the child (load excluded); median of the repeats. One more
/// run with the sections one after another shows what each costs on its own.
extension BenchSuite {
    func analyticsBench() throws {
        print("\n== analytics: every section of the nightly run, after load (\(options.threads) threads) ==")
        var suites: [(seconds: Double, sections: [(String, Double)], rows: Int, cpu: Double)] = []
        for _ in 0..<options.repeats {
            let r = try MeasuredRun.run([CommandLine.arguments[0], "--child", "analytics", dataDirectory])
            guard r.exitStatus == 0 else { throw BenchError.failed("analytics", r.output) }
            suites.append(Self.parseAnalytics(r.output))
        }
        let median = suites.sorted { $0.seconds < $1.seconds }[suites.count / 2]
        let alone = try MeasuredRun.run([CommandLine.arguments[0], "--child", "analytics", dataDirectory, "sequential"])
        guard alone.exitStatus == 0 else { throw BenchError.failed("analytics sequential", alone.output) }
        let sequential = Self.parseAnalytics(alone.output)
        var rows: [[String]] = [["section", "concurrent s", "alone s"]]
        for (section, seconds) in median.sections {
            let own = sequential.sections.first { $0.0 == section }?.1
            rows.append([section, String(format: "%.2f", seconds), own.map { String(format: "%.2f", $0) } ?? "–"])
        }
        rows.append(["all (suite wall)", String(format: "%.2f", median.seconds), String(format: "%.2f", sequential.seconds)])
        rows.append(["all (suite CPU)", String(format: "%.2f", median.cpu), String(format: "%.2f", sequential.cpu)])
        Self.printTable(rows)
        print("(alone: each section by itself, so each rebuilds the shared order facts; CPU ÷ 2 cores bounds the wall time on a quiet machine)")
        print(String(format: "input %.2fM rows; all analyses %.2fs after load (bound: 3 s), runs: %@", Double(median.rows) / 1e6, median.seconds,
                     suites.map { String(format: "%.2f", $0.seconds) }.joined(separator: ", ")))
    }

    /// "rows seconds" then "section seconds" lines, as ChildTasks.analytics prints them.
    static func parseAnalytics(_ output: String) -> (seconds: Double, sections: [(String, Double)], rows: Int, cpu: Double) {
        let lines = output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.filter { $0.count == 2 }
        guard let head = lines.first(where: { Int($0[0]) != nil }) else { return (0, [], 0, 0) }
        let cpu = lines.first { $0[0] == "cpu" }.flatMap { Double($0[1]) } ?? 0
        let sections = lines.filter { Int($0[0]) == nil && $0[0] != "cpu" }.compactMap { l in Double(l[1]).map { (l[0], $0) } }
        return (Double(head[1]) ?? 0, sections, Int(head[0]) ?? 0, cpu)
    }
}
