/// Why a kernel refused its input. Every case names the column involved, so a query or pipeline
/// error can point at what the user wrote.
public enum KernelError: Error, Equatable, CustomStringConvertible {
    case noSuchColumn(table: String, column: String, available: [String])
    /// The column's type does not support the operation (e.g. `sum` of a string column, `contains`
    /// on an int64 column, comparing a date column with a string constant).
    case unsupported(operation: String, column: String, type: ColumnType)
    /// A constant of another type than the column it is compared with (int64 and double constants
    /// are interchangeable on numeric columns; nothing else converts).
    case constantType(column: String, type: ColumnType, constant: ColumnType)
    /// Join keys of different types on the two sides.
    case keyTypeMismatch(left: String, leftType: ColumnType, right: String, rightType: ColumnType)
    /// An int64 sum left the Int64 range.
    case overflow(operation: String, column: String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .noSuchColumn(let t, let c, let available):
            "table \(t) has no column \(c) (columns: \(available.joined(separator: ", ")))"
        case .unsupported(let op, let c, let type):
            "\(op) is not defined for column \(c) of type \(type.rawValue)"
        case .constantType(let c, let type, let constant):
            "column \(c) is \(type.rawValue) and cannot be compared with a \(constant.rawValue) constant"
        case .keyTypeMismatch(let l, let lt, let r, let rt):
            "join key \(l) is \(lt.rawValue) but \(r) is \(rt.rawValue)"
        case .overflow(let op, let c):
            "\(op) of column \(c) overflows Int64"
        case .invalidArgument(let why):
            why
        }
    }
}

extension Table {
    /// The named column, or a `KernelError` listing the columns there are.
    func kernelColumn(_ name: String) throws(KernelError) -> Column {
        guard let c = self[name] else {
            throw .noSuchColumn(table: self.name, column: name, available: columnNames)
        }
        return c
    }
}
