import Analytics
import Checksums
import Columns
import Foundation
import Ingest
import Reports

/// The files of one report set, gathered in memory before they are published together.
struct OutputSet {
    let config: PipelineConfig
    private(set) var files: [ReportFile] = []

    init(config: PipelineConfig) { self.config = config }

    mutating func add(_ file: ReportFile) { files.append(file) }

    /// The analysis CSV exports the pipeline asks for (`csv: [...]`), each from the result tables
    /// of that analysis; an export with no table in this run is skipped, not written empty.
    mutating func addAnalysisCSVs(_ outputs: AnalysisOutputs, bom: Bool) {
        for name in requestedCSVs {
            for table in Self.tables(for: name) {
                guard let t = outputs.table(table) else { continue }
                add(ReportFile(name: table + ".csv", bytes: CSVWriter.encode(t, bom: bom)))
            }
        }
    }

    /// quarantine.csv: every rejected row with where it was and why, and its raw text.
    mutating func addQuarantine(_ rows: [QuarantinedRow], bom: Bool) {
        let header = ["source", "line", "column", "reason", "raw"]
        let body = rows.map { [$0.source, String($0.line), $0.column, $0.reason, $0.raw] as [String?] }
        add(ReportFile(name: "quarantine.csv", bytes: CSVWriter.encode(header: header, rows: body, bom: bom)))
    }

    var requestedCSVs: [String] {
        var names: [String] = []
        for spec in config.reports {
            if case .csv(let n) = spec.kind { names += n.filter { !names.contains($0) } }
        }
        return names
    }

    /// Export name (pipeline file) → result table names (one CSV each).
    static func tables(for export: String) -> [String] {
        switch export {
        case "segments": ["rfm", "rfm_segments", "rfm_segments_cn", "lifecycle", "lifecycle_summary", "value_tiers"]
        case "churn": ["churn", "churn_summary"]
        case "funnel": ["funnel", "funnel_summary", "funnel_breakdown"]
        case "forecast": ["forecast", "forecast_accuracy", "pipeline_forecast"]
        case "cohorts": ["cohorts"]
        case "service": ["service"]
        case "performance": ["performance_owners", "top_customers", "channel_roi", "campaign_roi"]
        case "leads": ["lead_grades", "lead_grade_summary"]
        case "customers": ["customers"]
        case "data_quality": ["data_quality"]
        default: []
        }
    }

    /// Name, size and SHA-256 of every file so far, for manifest.json.
    func manifestEntries() -> [RunManifest.Output] {
        files.map { f in
            var d = SHA256Digest()
            f.bytes.withUnsafeBytes { d.update($0) }
            return RunManifest.Output(file: f.name, bytes: f.bytes.count, sha256: d.finalizeHex())
        }
    }
}
