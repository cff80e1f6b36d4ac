import Columns

/// How to read one worksheet. The header is found automatically (the first non-empty row, after a
/// one-cell title row if there is one; two rows when the first has merged group cells), and the
/// mapping and typing options mean what they mean for CSV.
public struct ExcelOptions: Sendable {
    /// The sheet's name; nil takes the first sheet.
    public var sheet: String?
    /// 1-based sheet row of the (first) header row; nil finds it.
    public var headerRow: Int?
    /// How many rows form the header (merged group cells above the column names); nil decides from merges.
    public var headerRows: Int?
    public var columnMap: [String: String]
    public var types: [String: ColumnType]
    public var dateOrder: DateOrder
    public var decimalComma: Bool
    public var table: CanonicalTable?
    public var sampleRows: Int

    public init(sheet: String? = nil, headerRow: Int? = nil, headerRows: Int? = nil,
                columnMap: [String: String] = [:], types: [String: ColumnType] = [:], dateOrder: DateOrder = .auto,
                decimalComma: Bool = false, table: CanonicalTable? = nil, sampleRows: Int = 1000) {
        self.sheet = sheet
        self.headerRow = headerRow
        self.headerRows = headerRows
        self.columnMap = columnMap
        self.types = types
        self.dateOrder = dateOrder
        self.decimalComma = decimalComma
        self.table = table
        self.sampleRows = sampleRows
    }

    /// The CSV options' mapping and typing, for a sheet.
    public init(sheet: String?, like csv: CSVOptions) {
        self.init(sheet: sheet, columnMap: csv.columnMap, types: csv.types, dateOrder: csv.dateOrder,
                  decimalComma: csv.decimalComma, table: csv.table, sampleRows: csv.sampleRows)
    }
}
