import Columns

/// `snapshot.json`: what a snapshot folder holds. Written last, so a folder with a manifest is
/// complete; readers check the format version before touching any table file.
public struct SnapshotManifest: Codable, Sendable, Equatable {
    /// Bumped when the layout of the folder or of its files changes incompatibly.
    public static let currentFormatVersion = 1
    public static let fileName = "snapshot.json"
    public static let formatName = "crm-snapshot"

    public struct ColumnEntry: Codable, Sendable, Equatable {
        public var name: String
        public var type: ColumnType
    }

    public struct TableEntry: Codable, Sendable, Equatable {
        public var name: String
        public var file: String
        public var rows: Int
        public var bytes: Int
        public var batches: Int
        public var sha256: String
        public var columns: [ColumnEntry]
        /// The precomputed join of this event table to the base table, when written (absent in
        /// snapshots without one; readers then join at query time).
        public var ownerRows: OwnerRowsEntry?

        enum CodingKeys: String, CodingKey {
            case name, file, rows, bytes, batches, sha256, columns
            case ownerRows = "owner_rows"
        }
    }

    /// `OwnerRows` of one event table: which base table and key it joins on, and its file.
    public struct OwnerRowsEntry: Codable, Sendable, Equatable {
        public var base: String
        public var key: String
        public var file: String
        public var bytes: Int
        public var sha256: String
    }

    public var format: String
    public var formatVersion: Int
    /// The run's as-of date, ISO `YYYY-MM-DD`, and as days since the epoch.
    public var asOf: String?
    public var asOfDays: Int32?
    public var tables: [TableEntry]

    enum CodingKeys: String, CodingKey {
        case format
        case formatVersion = "format_version"
        case asOf = "as_of"
        case asOfDays = "as_of_days"
        case tables
    }
}
