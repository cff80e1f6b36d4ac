import Foundation

/// Command-line overrides of a pipeline file, and where progress goes.
public struct RunOptions: Sendable {
    /// Output folder; default `reports/` beside the pipelines folder's parent (the project root).
    public var outDirectory: String?
    /// Overrides `as_of:`.
    public var asOf: Int32?
    /// Overrides every HTML report's `lang:`.
    public var lang: String?
    public var progress: ProgressReporter

    public init(outDirectory: String? = nil, asOf: Int32? = nil, lang: String? = nil,
                progress: ProgressReporter = .automatic()) {
        self.outDirectory = outDirectory
        self.asOf = asOf
        self.lang = lang
        self.progress = progress
    }
}

/// What a finished run tells its caller.
public struct RunSummary: Sendable {
    public var outDirectory: String
    public var htmlReports: [String]
    public var asOf: Int32
    public var rowsRead: Int
    public var rowsLoaded: Int
    public var rowsQuarantined: Int
    public var seconds: Double
}
