import Columns

/// How to read one CSV source. Every field may be left at its default: the delimiter and encoding are
/// sniffed, headers are mapped by aliases, and types come from the canonical table or inference.
public struct CSVOptions: Sendable {
    /// `,` `;` tab or `|`; nil sniffs it from the first lines.
    public var delimiter: UInt8?
    /// nil detects it (BOM, UTF-8 validity, GB18030, UTF-16).
    public var encoding: TextEncoding?
    /// Canonical column → source header; wins over the built-in aliases.
    public var columnMap: [String: String]
    /// Column (canonical or header) → type; wins over the canonical type and inference.
    public var types: [String: ColumnType]
    public var dateOrder: DateOrder
    /// Amounts are written `1 234,50` (comma decimal mark).
    public var decimalComma: Bool
    /// The canonical table the source maps onto; nil keeps the headers as column names.
    public var table: CanonicalTable?
    /// Worker threads for large files (chunks split at newlines outside quotes).
    public var threads: Int
    /// Rows read to infer types.
    public var sampleRows: Int
    /// Files smaller than this are parsed on one thread: splitting them costs more than it saves.
    public var minimumChunkBytes: Int
    /// Each worker parses its range in slices of about this many bytes and releases the file's
    /// pages behind each one, so a large file never needs to be resident at once.
    public var sliceBytes: Int = 32 << 20

    public init(delimiter: UInt8? = nil, encoding: TextEncoding? = nil, columnMap: [String: String] = [:],
                types: [String: ColumnType] = [:], dateOrder: DateOrder = .auto, decimalComma: Bool = false,
                table: CanonicalTable? = nil, threads: Int = 2, sampleRows: Int = 1000,
                minimumChunkBytes: Int = 4 << 20) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.columnMap = columnMap
        self.types = types
        self.dateOrder = dateOrder
        self.decimalComma = decimalComma
        self.table = table
        self.threads = threads
        self.sampleRows = sampleRows
        self.minimumChunkBytes = minimumChunkBytes
    }
}
