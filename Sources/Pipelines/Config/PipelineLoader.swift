import Columns
import Foundation
import Yams

/// Reads and validates a pipeline file. Every key, table, stage, column and path is checked, and
/// each problem comes back with file, line, column and the nearest valid name.
public enum PipelineLoader {
    static let topKeys = ["name", "as_of", "sources", "stages", "funnel", "rfm", "churn", "forecast", "service",
                          "resolution", "reports", "segments", "currency", "cleanup"]
    static let sourceKeys = ["table", "file", "sqlite", "postgres", "query", "profile", "columns", "types", "encoding",
                             "delimiter", "date_order", "decimal_comma", "sheet", "id_prefix"]
    static let profiles = ["generic", "salesforce", "hubspot", "zoho", "odoo", "jiandaoyun", "fxiaoke",
                           "xiaoshouyi", "yonyou", "kingdee", "beisen"]
    static let csvReports = ["segments", "churn", "funnel", "forecast", "cohorts", "service", "performance",
                             "data_quality", "quarantine", "customers", "leads"]

    /// `environment` fills `${NAME}` in postgres URLs (default: this process's environment).
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> PipelineConfig
    {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PipelineValidationError(issues: [PipelineIssue(file: path, line: 0, column: 0,
                                                                 message: FileManager.default.fileExists(atPath: url.path) ? "cannot read the pipeline file (permissions?)" : "no such pipeline file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineValidationError(issues: [PipelineIssue(file: path, line: 1, column: 1,
                                                                 message: "the pipeline file is not UTF-8 text")])
        }
        return try parse(yaml: text, path: url.path, displayPath: path, environment: environment)
    }

    /// Parses YAML text as if read from `path` (relative paths resolve against its folder).
    public static func parse(yaml text: String, path: String, displayPath: String? = nil,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PipelineConfig
    {
        var reader = ConfigReader(file: displayPath ?? path, baseDirectory: (path as NSString).deletingLastPathComponent,
                                  environment: environment)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PipelineValidationError(issues: [reader.issue(for: error)])
        }
        guard let root, let mapping = root.mapping else {
            throw PipelineValidationError(issues: [PipelineIssue(file: reader.file, line: 1, column: 1,
                                                                 message: "expected a mapping with keys such as name, sources, stages")])
        }
        let config = reader.readPipeline(mapping, path: path)
        if !reader.issues.isEmpty { throw PipelineValidationError(issues: reader.issues) }
        return config
    }
}
