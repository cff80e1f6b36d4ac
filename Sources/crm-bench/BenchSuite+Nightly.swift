import Foundation

/// Issue #8's goal: `crm run` with the full nightly pipeline (ingest, clean, resolve, every analysis,
/// HTML + CSV reports, scoped reports, snapshot) on the generated data, beside DuckDB and Polars doing
/// only a subset of it (bench/peers/nightly_subset.py: load the four main files, RFM, per-customer
/// activity, stage funnel, exact duplicate groups by email and phone). Median of the repeats; the
/// per-stage table comes from the median run's manifest.json.
extension BenchSuite {
    func nightlyBench() throws {
        print("\n== nightly: full `crm run` vs the peers' subset (\(options.threads) threads) ==")
        let pipeline = try writeNightlyPipeline()
        let out = dataDirectory + "/nightly-out"
        var runs: [MeasuredRun] = []
        var manifests: [Data] = []
        for _ in 0..<options.repeats {
            let r = try MeasuredRun.run([binDirectory + "/crm", "run", pipeline, "--out", out])
            guard r.exitStatus == 0 else { throw BenchError.failed("crm run", r.output) }
            runs.append(r)
            manifests.append(try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        }
        let order = runs.indices.sorted { runs[$0].seconds < runs[$1].seconds }
        let middle = order[order.count / 2]
        let ours = runs[middle]
        let inputBytes = Self.mainTables.reduce(0) { sum, t in
            sum + ((try? FileManager.default.attributesOfItem(atPath: dataDirectory + "/\(t.rawValue).csv")[.size] as? Int) ?? 0)
        }
        printStages(manifest: manifests[middle])

        var rows: [[String]] = [["side", "work", "s", "MB/s (4 files)", "peak RSS", "crm faster by"]]
        rows.append(["crm", "full nightly", String(format: "%.2f", ours.seconds), String(format: "%.0f", Double(inputBytes) / 1e6 / ours.seconds),
                     Self.megabytes(ours.peakRSSBytes), "–"])
        if options.peers {
            for engine in ["duckdb", "polars"] {
                let r = try median {
                    try MeasuredRun.run(["python3", "bench/peers/nightly_subset.py", engine, dataDirectory, String(options.threads)],
                                        environment: ["POLARS_MAX_THREADS": String(options.threads)])
                }
                rows.append([engine, "subset", String(format: "%.2f", r.seconds), String(format: "%.0f", Double(inputBytes) / 1e6 / r.seconds),
                             Self.megabytes(r.peakRSSBytes), String(format: "%.2f×", r.seconds / ours.seconds)])
            }
        }
        Self.printTable(rows)
        print(String(format: "crm runs: %@ s; goal: crm ≤ 1.0× DuckDB's subset time, peak ≤ 1.1 GB",
                     runs.map { String(format: "%.2f", $0.seconds) }.joined(separator: ", ")))
    }

    /// pipelines/nightly.yml with its sources pointed at the generated files: the same stages,
    /// reports, scopes and segments as the nightly run users get.
    func writeNightlyPipeline() throws -> String {
        let nightly = try String(contentsOfFile: "pipelines/nightly.yml", encoding: .utf8)
        guard nightly.contains("../sample-data/csv/") else {
            throw BenchError.failed("nightly bench", "pipelines/nightly.yml no longer reads ../sample-data/csv/; update BenchSuite+Nightly")
        }
        let path = dataDirectory + "/nightly-bench.yml"
        try nightly.replacingOccurrences(of: "../sample-data/csv/", with: "").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Stage timings as the run recorded them (stages that ran concurrently overlap).
    func printStages(manifest: Data) {
        guard let json = try? JSONSerialization.jsonObject(with: manifest) as? [String: Any],
              let stages = json["stages"] as? [[String: Any]] else { return }
        var rows: [[String]] = [["stage", "s", "rows", "rows/s"]]
        for s in stages {
            let seconds = s["seconds"] as? Double ?? 0, count = s["rows"] as? Int ?? 0
            rows.append([s["stage"] as? String ?? "?", String(format: "%.2f", seconds), String(count),
                         seconds > 0 && count > 0 ? String(format: "%.2fM", Double(count) / 1e6 / seconds) : "–"])
        }
        Self.printTable(rows)
    }
}
