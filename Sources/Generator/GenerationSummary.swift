/// What `DataGenerator.generate` wrote: one entry per file, in a fixed order.
public struct GenerationSummary: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        /// File name inside the output directory, e.g. `orders.csv`.
        public let name: String
        public let path: String
        /// Data rows (header excluded).
        public let rows: Int
        public let bytes: Int
    }

    public let files: [File]
    /// Customer rows that are injected duplicates, and the distinct entities behind all rows.
    public let duplicateRows: Int
    public let entities: Int

    public var totalRows: Int { files.reduce(0) { $0 + $1.rows } }
    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes } }

    public func rows(_ name: String) -> Int? { files.first { $0.name == name }?.rows }
}
