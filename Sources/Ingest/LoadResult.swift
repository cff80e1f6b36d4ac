import Columns

/// One loaded source: the table (with lineage), its row account and quarantined rows, and what was
/// detected about it.
public struct LoadResult: Sendable {
    public var table: Table
    public var account: RowAccount
    public var quarantine: [QuarantinedRow]
    public var encoding: TextEncoding
    /// nil for non-CSV sources.
    public var delimiter: UInt8?
    /// Headers that map to no canonical column; kept as extra string columns under their own name.
    public var unmappedHeaders: [String]
    /// Canonical or output column name → the header it was read from.
    public var columnSources: [String: String]

    public init(table: Table, account: RowAccount, quarantine: [QuarantinedRow], encoding: TextEncoding,
                delimiter: UInt8?, unmappedHeaders: [String], columnSources: [String: String] = [:]) {
        self.table = table
        self.account = account
        self.quarantine = quarantine
        self.encoding = encoding
        self.delimiter = delimiter
        self.unmappedHeaders = unmappedHeaders
        self.columnSources = columnSources
    }
}
