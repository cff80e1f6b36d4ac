/// The scalar functions a segment expression may call, with their typing rule. Kept as one
/// table so the checker, its "did you mean" hints and (later) the evaluator agree on the set.
enum ScalarFunction: String, CaseIterable {
    case year, quarter, month, day, weekday
    case date
    case lower, upper, trim, length
    case abs, round, coalesce

    /// "year(date or timestamp)": the signature as the error messages show it.
    var signature: String {
        switch self {
        case .year, .quarter, .month, .day, .weekday: "\(rawValue)(date or timestamp)"
        case .date: "date(timestamp)"
        case .lower, .upper, .trim, .length: "\(rawValue)(text)"
        case .abs: "abs(number)"
        case .round: "round(number[, digits])"
        case .coalesce: "coalesce(value, value, …)"
        }
    }

    /// The result type for arguments of `types`, or nil when they do not fit the signature.
    func result(for types: [ValueType]) -> ValueType? {
        switch self {
        case .year, .quarter, .month, .day, .weekday:
            return types.count == 1 && types[0].isTemporal ? .int : nil
        case .date:
            return types.count == 1 && types[0].isTemporal ? .date : nil
        case .lower, .upper, .trim:
            return types == [.string] ? .string : nil
        case .length:
            return types == [.string] ? .int : nil
        case .abs:
            return types.count == 1 && types[0].isNumeric ? types[0] : nil
        case .round:
            guard (1...2).contains(types.count), types[0].isNumeric, types.count == 1 || types[1] == .int else { return nil }
            return .double
        case .coalesce:
            guard types.count >= 2 else { return nil }
            let nonNull = types.filter { $0 != .null }
            guard let first = nonNull.first else { return nil }
            if nonNull.allSatisfy({ $0 == first }) { return first }
            if nonNull.allSatisfy(\.isNumeric) { return .double }
            return nil
        }
    }
}
