/// A `<table>` from column definitions and rows of cell text. Numbers are right-aligned; long text
/// is cut for display (the CSV keeps all of it).
struct DataTable {
    struct Column {
        var header: String
        var numeric: Bool = false
        /// Identifiers and dates: never wrapped mid-value (`C-000187` must not split at the hyphen).
        var nowrap: Bool = false
    }
    var caption: String?
    var columns: [Column]
    var rows: [[String]]
    var totalRow: [String]? = nil

    /// Display limit for a cell; the full text is in the drill-down CSV.
    static let cellLimit = 60

    func render() -> HTML {
        func cls(_ c: Column) -> [HTMLAttribute] { c.numeric ? [.class("num")] : c.nowrap ? [.class("nowrap")] : [] }
        let head = HTML.element(.thead, [], [
            .element(.tr, [], columns.map { .element(.th, cls($0) + [HTMLAttribute(.scope, "col")], text: $0.header) })
        ])
        func row(_ cells: [String], extra: [HTMLAttribute] = []) -> HTML {
            .element(.tr, extra, zip(columns, cells).map { c, v in
                .element(.td, cls(c), text: InertText.truncated(v, limit: Self.cellLimit))
            })
        }
        var bodyRows = rows.map { row($0) }
        if let totalRow { bodyRows.append(row(totalRow, extra: [.class("total")])) }
        var children: [HTML] = []
        if let caption { children.append(.element(.caption, text: caption)) }
        children += [head, .element(.tbody, [], bodyRows)]
        return .element(.table, [], children)
    }
}
