extension Column {
    /// Rows `rows` in that order, where a negative index makes a null row: the right side of an
    /// unmatched left-join row, a group with no value for `min`.
    public func gather(optionalRows rows: [Int32]) -> Column {
        guard count > 0 else { return Column.nulls(type, count: rows.count) }
        // Gather a stand-in row for each missing one, then clear those rows' validity bits.
        var out = gather(rows.lazy.map { $0 < 0 ? 0 : Int($0) })
        guard rows.contains(where: { $0 < 0 }) else { return out }
        var validity = out.validity
        for (i, r) in rows.enumerated() where r < 0 { validity.set(i, valid: false) }
        out = out.replacingValidity(validity)
        return out
    }

    /// A column of `count` nulls.
    public static func nulls(_ type: ColumnType, count: Int) -> Column {
        var builder = AnyColumnBuilder(type: type, capacity: count)
        for _ in 0..<count { builder.appendNull() }
        return builder.finish()
    }

    /// The same values under another validity bitmap of the same length.
    func replacingValidity(_ validity: Validity) -> Column {
        switch self {
        case .int64(var c): c.validity = validity; return .int64(c)
        case .double(var c): c.validity = validity; return .double(c)
        case .bool(var c): c.validity = validity; return .bool(c)
        case .date(var c): c.validity = validity; return .date(c)
        case .timestamp(var c): c.validity = validity; return .timestamp(c)
        case .string(var c): c.validity = validity; return .string(c)
        }
    }
}
