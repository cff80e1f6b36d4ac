import Columns

/// What to build from a source's fields, fixed before the first data row: which source field feeds
/// which output column, as which type, and which column is the key.
struct LoadPlan: Sendable {
    struct PlannedColumn: Sendable {
        var name: String
        var header: String
        var sourceIndex: Int
        var type: ColumnType
    }

    var source: String
    var columns: [PlannedColumn]
    /// Bytes parsed between page releases (`CSVOptions.sliceBytes`).
    var sliceBytes: Int = 32 << 20
    /// Fields per record, from the header.
    var fieldCount: Int
    /// Index into `columns` of the key that must be present, if the source maps onto a canonical table.
    var keyColumn: Int?
    var checkDuplicateKeys: Bool
    var dateOrder: DateOrder
    var decimalComma: Bool
    var delimiter: UInt8
}
