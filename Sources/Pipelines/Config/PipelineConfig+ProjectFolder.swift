import Foundation

extension PipelineConfig {
    /// `reports/` in the project the pipeline file belongs to: the parent of its `pipelines/`
    /// folder, or the file's own folder when it lives elsewhere. Where `crm run` and `crm clean`
    /// publish when neither `--out` nor the pipeline names a folder.
    public var projectReportsFolder: String {
        let folder = (path as NSString).deletingLastPathComponent
        let root = (folder as NSString).lastPathComponent == "pipelines" ? (folder as NSString).deletingLastPathComponent : folder
        return (root as NSString).appendingPathComponent("reports")
    }
}
