import Analytics
import Columns
import Foundation
import Ingest
import Reports

/// The analysis CSVs and the quarantine of one report set, each handed to a sink as soon as it is
/// encoded, so no more than one of them is in memory at a time. `folder` ("scope/华东/") prefixes
/// every name for a scoped set.
struct OutputSet {
    let config: PipelineConfig
    var folder = ""

    /// The analysis CSV exports the pipeline asks for (`csv: [...]`), each from the result tables
    /// of that analysis; an export with no table in this run is skipped, not written empty.
    func addAnalysisCSVs(_ outputs: AnalysisOutputs, bom: Bool, to sink: ReportSink) throws {
        for name in requestedCSVs {
            for table in Self.tables(for: name) {
                guard let t = outputs.table(table) else { continue }
                try sink(ReportFile(name: folder + table + ".csv", bytes: CSVWriter.encode(t, bom: bom)))
            }
        }
    }

    /// quarantine.csv: every rejected row with where it was and why, and its raw text.
    func addQuarantine(_ rows: [QuarantinedRow], bom: Bool, to sink: ReportSink) throws {
        let header = ["source", "line", "column", "reason", "raw"]
        let body = rows.map { [$0.source, String($0.line), $0.column, $0.reason, $0.raw] as [String?] }
        try sink(ReportFile(name: folder + "quarantine.csv", bytes: CSVWriter.encode(header: header, rows: body, bom: bom)))
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
}
