import Foundation

/// `manifest.json`: what a run read, did and wrote. Everything but the timings is a function of
/// the inputs and the as-of date, so two runs on the same data differ only in `seconds` fields.
public struct RunManifest: Codable, Sendable, StableJSONDocument {
    public struct Input: Codable, Sendable {
        public var source: String
        public var table: String
        public var path: String
        public var bytes: Int
        public var sha256: String
        public var encoding: String?
        public var rowsRead: Int
        public var rowsLoaded: Int
        public var rowsQuarantined: Int
    }

    public struct StageTiming: Codable, Sendable {
        public var stage: String
        public var seconds: Double
        public var rows: Int
        public var notes: [String]
    }

    public struct Output: Codable, Sendable {
        public var file: String
        public var bytes: Int
        public var sha256: String
    }

    public struct Accounting: Codable, Sendable {
        public var rowsRead: Int
        public var rowsLoaded: Int
        public var rowsQuarantined: Int
        public var customersBeforeResolution: Int
        public var goldenCustomers: Int
        /// rows_read == rows_loaded + rows_quarantined, checked for every input.
        public var balanced: Bool
    }

    public var formatVersion = 1
    public var tool = "crm"
    public var pipeline: String
    public var asOf: String
    public var lang: String
    public var inputs: [Input] = []
    public var accounting: Accounting?
    public var stages: [StageTiming] = []
    public var outputs: [Output] = []

    public init(pipeline: String, asOf: String, lang: String) {
        self.pipeline = pipeline
        self.asOf = asOf
        self.lang = lang
    }
}
