import Foundation

/// `manifest.json` of a cleanup: inputs with sha256 and row counts, where the customer rows went,
/// what resolution did, stage timings and the files written. Only the `seconds` fields depend on
/// the run rather than the inputs.
public struct CleanupManifest: Codable, Sendable, StableJSONDocument {
    public struct SourceAccounting: Codable, Sendable, Equatable {
        public var source: String
        public var rowsRead: Int
        public var rowsLinked: Int
        public var rowsQuarantined: Int
    }

    public struct Accounting: Codable, Sendable {
        public var customerRowsRead: Int
        public var customerRowsLinked: Int
        public var customerRowsQuarantined: Int
        public var quarantinedAtIngest: Int
        public var quarantinedByValidation: Int
        public var goldenCustomers: Int
        /// Linked rows that share their golden record with at least one other row.
        public var rowsMerged: Int
        /// customer rows read == linked + quarantined, for every source (checked before writing).
        public var balanced: Bool
        public var perSource: [SourceAccounting]
    }

    public struct EventTable: Codable, Sendable {
        public var table: String
        public var rows: Int
        /// Rows whose customer_id was changed to the golden customer's id.
        public var rekeyed: Int
        /// Rows whose customer_id names no golden customer (e.g. its customer was quarantined).
        public var unlinked: Int
    }

    public struct Resolution: Codable, Sendable {
        public var threshold: Double
        public var candidatePairs: Int
        public var linkedPairs: Int
        public var notes: [String]
    }

    public var formatVersion = 1
    public var tool = "crm clean"
    public var pipeline: String
    public var lang: String
    public var inputs: [RunManifest.Input] = []
    public var accounting: Accounting?
    public var events: [EventTable] = []
    public var resolution: Resolution?
    public var notes: [String] = []
    public var stages: [RunManifest.StageTiming] = []
    public var outputs: [RunManifest.Output] = []

    public init(pipeline: String, lang: String) {
        self.pipeline = pipeline
        self.lang = lang
    }
}
