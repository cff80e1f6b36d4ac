import Columns

/// Reading cells of analysis result tables by column name, for assembling the report. Numeric
/// accessors accept int64 and double columns alike, since analyses choose the narrower type.
extension Table {
    func number(_ column: String, _ row: Int) -> Double? {
        switch self[column] {
        case .int64(let c)?: c[row].map(Double.init)
        case .double(let c)?: c[row].flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    func integer(_ column: String, _ row: Int) -> Int? {
        switch self[column] {
        case .int64(let c)?: c[row].map { Int($0) }
        case .double(let c)?: c[row].flatMap { $0.isFinite ? Int($0) : nil }
        default: nil
        }
    }

    func text(_ column: String, _ row: Int) -> String? { self[column]?.text(at: row) }

    /// Rows whose `column` reads `value`, in table order.
    func rows(where column: String, is value: String) -> [Int] {
        (0..<rowCount).filter { text(column, $0) == value }
    }
}
