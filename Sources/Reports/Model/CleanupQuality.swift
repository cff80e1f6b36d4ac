/// What `data_quality.html` of a cleanup (`crm clean`) shows: where the rows went, how complete and
/// valid each column was in the sources and is in the golden records, how large the duplicate
/// clusters are, where merged rows disagreed and which value survived, and why rows were quarantined.
/// Plain values in display order; `CleanupQualityPage` renders them.
public struct CleanupQuality: Sendable, Equatable {
    /// One source of customers: rows read, linked to a golden record, quarantined.
    public struct Source: Sendable, Equatable {
        public var source: String
        public var rowsRead: Int
        public var linked: Int
        public var quarantined: Int
        public init(source: String, rowsRead: Int, linked: Int, quarantined: Int) {
            self.source = source
            self.rowsRead = rowsRead
            self.linked = linked
            self.quarantined = quarantined
        }
    }

    /// Present and valid counts of one column over some rows. `valid` is nil for columns that have
    /// no notion of validity beyond being present.
    public struct Measure: Sendable, Equatable {
        public var rows: Int
        public var present: Int
        public var valid: Int?
        public init(rows: Int, present: Int, valid: Int?) {
            self.rows = rows
            self.present = present
            self.valid = valid
        }
        public var completeness: Double { rows == 0 ? 0 : Double(present) / Double(rows) }
        /// Valid share of the present values.
        public var validity: Double? { valid.map { present == 0 ? 0 : Double($0) / Double(present) } }
    }

    public struct ColumnQuality: Sendable, Equatable {
        public var column: String
        /// Over the source rows that were linked (before merging).
        public var before: Measure
        /// Over the golden records.
        public var after: Measure
        public init(column: String, before: Measure, after: Measure) {
            self.column = column
            self.before = before
            self.after = after
        }
    }

    /// Golden records whose cluster has `size` source rows (`size` is a lower bound when `orMore`).
    public struct ClusterSize: Sendable, Equatable {
        public var size: Int
        public var orMore: Bool
        public var clusters: Int
        public var rows: Int
        public init(size: Int, orMore: Bool, clusters: Int, rows: Int) {
            self.size = size
            self.orMore = orMore
            self.clusters = clusters
            self.rows = rows
        }
    }

    /// How a column's value is chosen when merged rows disagree.
    public enum Rule: String, Sendable, Equatable {
        case sourcePriority, mostRecent, mostComplete, mostFrequent
    }

    /// Per column: in how many merged clusters the rows disagreed, and the rule that chose.
    public struct ConflictSummary: Sendable, Equatable {
        public var column: String
        public var rule: Rule
        public var clusters: Int
        public init(column: String, rule: Rule, clusters: Int) {
            self.column = column
            self.rule = rule
            self.clusters = clusters
        }
    }

    /// One disagreement: the values the cluster's rows held (each with its row name) and the survivor.
    public struct Conflict: Sendable, Equatable {
        public var goldenID: Int64
        public var column: String
        public var values: [(row: String, value: String)]
        public var chosenRow: String
        public var chosenValue: String
        public var rule: Rule
        public init(goldenID: Int64, column: String, values: [(row: String, value: String)], chosenRow: String,
                    chosenValue: String, rule: Rule) {
            self.goldenID = goldenID
            self.column = column
            self.values = values
            self.chosenRow = chosenRow
            self.chosenValue = chosenValue
            self.rule = rule
        }
        public static func == (a: Conflict, b: Conflict) -> Bool {
            a.goldenID == b.goldenID && a.column == b.column && a.chosenRow == b.chosenRow && a.chosenValue == b.chosenValue
                && a.rule == b.rule && a.values.map(\.row) == b.values.map(\.row) && a.values.map(\.value) == b.values.map(\.value)
        }
    }

    /// Rows that failed a validation rule with action `flag`: kept, but counted.
    public struct Flag: Sendable, Equatable {
        public var column: String
        public var rule: String
        public var rows: Int
        public init(column: String, rule: String, rows: Int) {
            self.column = column
            self.rule = rule
            self.rows = rows
        }
    }

    public struct QuarantineReason: Sendable, Equatable {
        public var reason: String
        public var rows: Int
        /// The first such row's name (`source:line`).
        public var example: String
        public init(reason: String, rows: Int, example: String) {
            self.reason = reason
            self.rows = rows
            self.example = example
        }
    }

    public var pipeline: String
    public var threshold: Double
    public var sources: [Source]
    public var goldenRecords: Int
    public var columns: [ColumnQuality]
    public var clusterSizes: [ClusterSize]
    public var conflictSummary: [ConflictSummary]
    /// The first disagreements in golden-id order (the page shows a bounded number; merge_log.csv has all merges).
    public var conflicts: [Conflict]
    public var conflictsTotal: Int
    public var flags: [Flag]
    public var quarantineReasons: [QuarantineReason]

    public init(pipeline: String, threshold: Double, sources: [Source], goldenRecords: Int, columns: [ColumnQuality],
                clusterSizes: [ClusterSize], conflictSummary: [ConflictSummary], conflicts: [Conflict],
                conflictsTotal: Int, flags: [Flag], quarantineReasons: [QuarantineReason]) {
        self.pipeline = pipeline
        self.threshold = threshold
        self.sources = sources
        self.goldenRecords = goldenRecords
        self.columns = columns
        self.clusterSizes = clusterSizes
        self.conflictSummary = conflictSummary
        self.conflicts = conflicts
        self.conflictsTotal = conflictsTotal
        self.flags = flags
        self.quarantineReasons = quarantineReasons
    }
}
