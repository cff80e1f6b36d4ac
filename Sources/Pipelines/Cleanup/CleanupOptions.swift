/// Command-line overrides of a cleanup pipeline (`crm clean`), and where progress goes.
public struct CleanupOptions: Sendable {
    /// Output folder; overrides `cleanup.out`. Default: `reports/cleanup` in the project.
    public var outDirectory: String?
    /// Language of data_quality.html (zh or en); overrides `cleanup.lang`.
    public var lang: String?
    public var progress: ProgressReporter

    public init(outDirectory: String? = nil, lang: String? = nil, progress: ProgressReporter = .automatic()) {
        self.outDirectory = outDirectory
        self.lang = lang
        self.progress = progress
    }
}

/// What a finished cleanup tells its caller: where the set went and where the rows went.
public struct CleanupSummary: Sendable, Equatable {
    public var outDirectory: String
    public var files: [String]
    /// Customer rows read from all customer sources.
    public var rowsRead: Int
    /// Customer rows that belong to a golden record.
    public var rowsLinked: Int
    /// Customer rows quarantined (at ingest or by a validation rule).
    public var rowsQuarantined: Int
    public var goldenCustomers: Int
    /// Source rows merged into a golden record with at least one other row.
    public var rowsMerged: Int
    /// Event rows (orders, interactions, …) whose customer_id now names a golden customer.
    public var eventsRekeyed: Int
    public var seconds: Double
}
