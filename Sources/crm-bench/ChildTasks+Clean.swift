import Foundation
import Pipelines

extension ChildTasks {
    /// `--child clean DIR`: crm clean on DIR's customers.csv and orders.csv into a scratch folder.
    /// Prints "rows seconds", then the manifest's stage timings as `stage=seconds …`.
    static func clean(_ dataDirectory: String) throws {
        let scratch = NSTemporaryDirectory() + "crm-bench-clean-\(getpid())"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let data = (dataDirectory as NSString).standardizingPath
        let absolute = data.hasPrefix("/") ? data : FileManager.default.currentDirectoryPath + "/" + data
        try """
            name: bench-clean
            sources:
              - { table: customers, file: \(absolute)/customers.csv }
              - { table: orders, file: \(absolute)/orders.csv }
            stages: [clean, resolve]
            """.write(toFile: scratch + "/cleanup.yml", atomically: true, encoding: .utf8)
        let config = try PipelineLoader.load(path: scratch + "/cleanup.yml")
        let summary = try CleanupRunner(config: config, options: CleanupOptions(
            outDirectory: scratch + "/out", progress: ProgressReporter(style: .silent))).run()
        print(summary.rowsRead, summary.seconds)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let manifest = try decoder.decode(CleanupManifest.self, from: Data(contentsOf: URL(fileURLWithPath: scratch + "/out/manifest.json")))
        print(manifest.stages.map { String(format: "%@=%.2f", $0.stage.replacingOccurrences(of: " ", with: "_"), $0.seconds) }.joined(separator: " "))
    }
}
