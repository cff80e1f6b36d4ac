/// The row accounting of one source, as written to manifest.json: every record read was either
/// loaded or quarantined. Blank lines are not records; they are counted separately so the physical
/// line numbers still add up.
public struct RowAccount: Codable, Sendable, Equatable {
    public var source: String
    public var rowsRead: Int
    public var rowsLoaded: Int
    public var rowsQuarantined: Int
    public var blankLines: Int

    public init(source: String, rowsRead: Int, rowsLoaded: Int, rowsQuarantined: Int, blankLines: Int = 0) {
        self.source = source
        self.rowsRead = rowsRead
        self.rowsLoaded = rowsLoaded
        self.rowsQuarantined = rowsQuarantined
        self.blankLines = blankLines
    }

    enum CodingKeys: String, CodingKey {
        case source
        case rowsRead = "rows_read"
        case rowsLoaded = "rows_loaded"
        case rowsQuarantined = "rows_quarantined"
        case blankLines = "blank_lines"
    }

    public var balances: Bool { rowsRead == rowsLoaded + rowsQuarantined }

    /// Throws unless rows read = loaded + quarantined; called at the end of every load.
    public func verify() throws(IngestError) {
        guard balances else {
            throw .accountingMismatch(source: source, read: rowsRead, loaded: rowsLoaded, quarantined: rowsQuarantined)
        }
    }
}
