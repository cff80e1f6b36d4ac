import Columns
import Foundation

extension Evaluator {
    /// Scalar functions, column at a time. Date parts read timestamps in UTC; `weekday` is
    /// 0 = Sunday as in DuckDB; `length` counts Unicode code points; `trim` removes spaces;
    /// `round` rounds halves away from zero; `coalesce` takes the first non-null argument.
    /// String functions on a dictionary column transform each distinct string once.
    func call(_ name: String, _ arguments: [Expr], in frame: Frame, at range: SourceRange) throws(QueryError) -> Value {
        guard let f = ScalarFunction(rawValue: name) else { throw QueryError("unknown function \(name)()", at: range) }
        if f == .coalesce { return try coalesce(arguments, in: frame, at: range) }
        var args = [Value]()
        for a in arguments { args.append(try value(of: a, in: frame)) }
        guard let x = args.first else { throw QueryError("\(f.signature) needs an argument", at: range) }
        let n = frame.rowCount
        note("\(name)(): one loop\(x.isConstant ? " (constant)" : "")")
        switch f {
        case .year, .quarter, .month, .day, .weekday:
            let days = try dayNumbers(x, at: range)
            let (c, k) = try mapLane(days, rowCount: n, zero: Int64(0)) { (d) throws(QueryError) -> Int64? in
                if f == .weekday { return CalendarSteps.weekday(d) }
                let (y, m, day) = CivilDate.civil(fromDays: Int(d))
                switch f {
                case .year: return Int64(y)
                case .quarter: return Int64((m - 1) / 3 + 1)
                case .month: return Int64(m)
                default: return Int64(day)
                }
            }
            return Value(column: .int64(c), isConstant: k)
        case .date:
            let days = try dayNumbers(x, at: range)
            let (c, k) = try mapLane(days, rowCount: n, zero: Int32(0)) { (d) throws(QueryError) -> Int32? in Int32(truncatingIfNeeded: d) }
            return Value(column: .date(c), isConstant: k)
        case .abs:
            if case .int64 = x.column, let lane = x.int64Lane {
                let (c, k) = try mapLane(lane, rowCount: n, zero: Int64(0)) { (v) throws(QueryError) -> Int64? in
                    guard v != .min else { throw QueryError("integer overflow in abs(\(v))", at: range) }
                    return Swift.abs(v)
                }
                return Value(column: .int64(c), isConstant: k)
            }
            guard let lane = x.doubleLane else { throw QueryError("abs() needs a number", at: range) }
            let (c, k) = try mapLane(lane, rowCount: n, zero: 0.0) { (v) throws(QueryError) -> Double? in Swift.abs(v) }
            return Value(column: .double(c), isConstant: k)
        case .round:
            guard let lane = x.doubleLane else { throw QueryError("round() needs a number", at: range) }
            let digits = args.count > 1 ? args[1] : Value(.int64(0))
            guard let dl = digits.int64Lane else { throw QueryError("round() takes a whole number of digits", at: range) }
            let (c, k) = try mapLanes(lane, dl, rowCount: n, zero: 0.0) { (v, d) throws(QueryError) -> Double? in
                let scale = pow(10.0, Double(max(-30, min(30, d))))
                let r = (v * scale).rounded(.toNearestOrAwayFromZero) / scale
                return r.isFinite ? r : v
            }
            return Value(column: .double(c), isConstant: k)
        case .lower, .upper, .trim, .length:
            guard case .string(let s) = x.column else { throw QueryError("\(name)() needs text", at: range) }
            if f == .length {
                let lengths = TextFunctions.map(s) { Int64(TextFunctions.codePoints($0)) }
                return Value(column: .int64(lengths), isConstant: x.isConstant)
            }
            return Value(column: .string(TextFunctions.transform(s, f)), isConstant: x.isConstant)
        case .coalesce:
            preconditionFailure("handled above")
        }
    }

    /// Day numbers of a date or timestamp value (timestamps floor to their UTC day).
    private func dayNumbers(_ v: Value, at range: SourceRange) throws(QueryError) -> Lane<Int64> {
        switch v.column {
        case .date(let c): return Lane(c.values.map { Int64($0) }, c.validity, constant: v.isConstant)
        case .timestamp(let c):
            return Lane(c.values.map { $0 >= 0 ? $0 / 86_400 : ($0 - 86_399) / 86_400 }, c.validity, constant: v.isConstant)
        default: throw QueryError("expected a date or timestamp", at: range)
        }
    }

    /// First non-null argument per row. Mixed integers and doubles give doubles.
    private func coalesce(_ arguments: [Expr], in frame: Frame, at range: SourceRange) throws(QueryError) -> Value {
        var args = [Value]()
        for a in arguments {
            let v = try value(of: a, in: frame)
            if !v.isNullConstant { args.append(v) }
        }
        note("coalesce of \(args.count): one pass per argument over the rows still null")
        guard let first = args.first else { return .null }
        if args.contains(where: { $0.type != first.type }) {
            if args.allSatisfy({ $0.type.isNumeric }) {
                args = args.map { $0.promotedToDouble() }
            } else if args.allSatisfy({ $0.type.isTemporal }) {
                args = args.map { $0.promotedToTimestamp() }
            } else {
                throw QueryError("coalesce() arguments must have one type", at: range)
            }
        }
        let constant = args.allSatisfy(\.isConstant)
        let type = args[0].column
        let n = constant ? 1 : frame.rowCount
        // For each row, the argument that supplies it (-1: all null).
        var source = [Int32](repeating: -1, count: n)
        for (j, a) in args.enumerated().reversed() {
            let validity = a.column.validity
            for r in 0..<n where validity.isValid(a.isConstant ? 0 : r) { source[r] = Int32(j) }
        }
        func pick<T>(_ lanes: [Lane<T>], zero: T) -> PrimitiveColumn<T> {
            var out = ResultBuffer(zero: zero, capacity: n)
            for r in 0..<n { out.append(source[r] < 0 ? nil : lanes[Int(source[r])][r]) }
            return out.column
        }
        let column: Column
        switch type {
        case .int64: column = .int64(pick(args.map { $0.int64Lane! }, zero: 0))
        case .timestamp: column = .timestamp(pick(args.map { $0.int64Lane! }, zero: 0))
        case .double: column = .double(pick(args.map { $0.doubleLane! }, zero: 0))
        case .date: column = .date(pick(args.map { $0.dateLane! }, zero: 0))
        case .bool: column = .bool(pick(args.map { $0.boolLane! }, zero: false))
        case .string:
            let strings = args.map { $0.column.strings! }
            var b = StringBuilder(capacity: n, forceEncoding: false)
            for r in 0..<n {
                let j = Int(source[r])
                if j < 0 { b.appendNull() } else { strings[j].withBytes(args[j].isConstant ? 0 : r) { b.append($0) } }
            }
            column = .string(b.finish())
        }
        return Value(column: column, isConstant: constant)
    }
}
