import Columns
import Foundation

extension Evaluator {
    /// `+ - * / %` over temporary columns. Integers stay integers except under `/` (which, as in
    /// DuckDB, divides as doubles: x/0 is ±inf or NaN); an integer result outside Int64 and
    /// `%` by zero are errors, as in DuckDB. Dates and timestamps move by durations (months and
    /// years clamp the day to the month's end, as SQL intervals do); date − date is days.
    func arithmetic(_ op: ArithmeticOperator, _ lhs: Expr, _ rhs: Expr, in frame: Frame, at range: SourceRange) throws(QueryError) -> Value {
        if let d = duration(rhs) {
            let sign: Int64 = op == .subtract ? -1 : 1
            return try shift(try value(of: lhs, in: frame), by: d, sign: sign, frame: frame, at: range)
        }
        if let d = duration(lhs) { return try shift(try value(of: rhs, in: frame), by: d, sign: 1, frame: frame, at: range) }
        let a = try value(of: lhs, in: frame), b = try value(of: rhs, in: frame)
        let n = frame.rowCount
        if op == .subtract, let x = a.dateLane, let y = b.dateLane {
            note("date - date: days, one loop")
            let (c, k) = try mapLanes(x, y, rowCount: n, zero: Int64(0)) { (p, q) throws(QueryError) in Int64(p) - Int64(q) }
            return Value(column: .int64(c), isConstant: k)
        }
        if op != .divide, case .int64 = a.column, case .int64 = b.column, let x = a.int64Lane, let y = b.int64Lane {
            note("integer \(op.rawValue): one loop over Int64 buffers, overflow checked")
            let (c, k) = try mapLanes(x, y, rowCount: n, zero: Int64(0)) { (p, q) throws(QueryError) -> Int64? in
                let r: (Int64, Bool)
                switch op {
                case .add: r = p.addingReportingOverflow(q)
                case .subtract: r = p.subtractingReportingOverflow(q)
                case .multiply: r = p.multipliedReportingOverflow(by: q)
                case .remainder:
                    guard q != 0 else { throw QueryError("division by zero in '%'", at: range) }
                    r = q == -1 ? (0, false) : (p % q, false)
                case .divide: r = (0, false)
                }
                guard !r.1 else { throw QueryError("integer overflow: \(p) \(op.rawValue) \(q) is outside the 64-bit range", at: range) }
                return r.0
            }
            return Value(column: .int64(c), isConstant: k)
        }
        guard let x = a.doubleLane, let y = b.doubleLane else {
            throw QueryError("cannot apply '\(op.rawValue)' to \(a.type.rawValue) and \(b.type.rawValue)", at: range)
        }
        note("\(op.rawValue) over doubles: one loop over Double buffers")
        let (c, k) = try mapLanes(x, y, rowCount: n, zero: 0.0) { (p, q) throws(QueryError) -> Double? in
            switch op {
            case .add: return p + q
            case .subtract: return p - q
            case .multiply: return p * q
            case .divide: return p / q
            case .remainder:
                guard q != 0 else { throw QueryError("division by zero in '%'", at: range) }
                return fmod(p, q)
            }
        }
        return Value(column: .double(c), isConstant: k)
    }

    func negate(_ v: Value, frame: Frame, at range: SourceRange) throws(QueryError) -> Value {
        if case .int64 = v.column, let x = v.int64Lane {
            let (c, k) = try mapLane(x, rowCount: frame.rowCount, zero: Int64(0)) { (p) throws(QueryError) -> Int64? in
                guard p != .min else { throw QueryError("integer overflow: -(\(p))", at: range) }
                return -p
            }
            return Value(column: .int64(c), isConstant: k)
        }
        guard let x = v.doubleLane else { throw QueryError("'-' needs a number", at: range) }
        let (c, k) = try mapLane(x, rowCount: frame.rowCount, zero: 0.0) { (p) throws(QueryError) -> Double? in -p }
        return Value(column: .double(c), isConstant: k)
    }

    /// The duration an expression stands for, if it is one: a literal (or `coalesce` of them).
    func duration(_ e: Expr) -> (Int64, DurationUnit)? {
        switch e.kind {
        case .literal(.duration(let n, let u)): return (n, u)
        case .call("coalesce", let args): return args.first.flatMap(duration)
        default: return nil
        }
    }

    private func shift(_ v: Value, by d: (Int64, DurationUnit), sign: Int64, frame: Frame, at range: SourceRange) throws(QueryError) -> Value {
        let n = d.0 * sign
        note("\(v.type.rawValue) \(sign < 0 ? "-" : "+") \(d.0)\(d.1.rawValue)\(v.isConstant ? " (folded to a constant)" : ": one loop")")
        let months: Int64? = d.1 == .month ? n : (d.1 == .year ? n * 12 : nil)
        let days: Int64 = d.1 == .week ? n * 7 : n
        if let x = v.dateLane {
            let (c, k) = try mapLane(x, rowCount: frame.rowCount, zero: Int32(0)) { (p) throws(QueryError) -> Int32? in
                let r = months.map { CalendarSteps.addMonths(Int64(p), $0) } ?? Int64(p) + days
                guard let r32 = Int32(exactly: r) else { throw QueryError("date out of range", at: range) }
                return r32
            }
            return Value(column: .date(c), isConstant: k)
        }
        guard case .timestamp = v.column, let x = v.int64Lane else {
            throw QueryError("a duration can only move a date or a timestamp", at: range)
        }
        let (c, k) = try mapLane(x, rowCount: frame.rowCount, zero: Int64(0)) { (p) throws(QueryError) -> Int64? in
            guard abs(p) < 1 << 50 else { throw QueryError("timestamp out of range", at: range) }
            guard let months else { return p + days * 86_400 }
            let day = p >= 0 ? p / 86_400 : (p - 86_399) / 86_400
            return CalendarSteps.addMonths(day, months) * 86_400 + (p - day * 86_400)
        }
        return Value(column: .timestamp(c), isConstant: k)
    }
}

/// Calendar steps on day numbers that `CivilDate` does not offer.
enum CalendarSteps {
    /// `days` moved by `months` calendar months, the day clamped to the target month's length
    /// (2025-03-31 − 1 month = 2025-02-28), as SQL interval arithmetic does.
    static func addMonths(_ days: Int64, _ months: Int64) -> Int64 {
        let (y, m, d) = CivilDate.civil(fromDays: Int(days))
        let total = Int64(y) * 12 + Int64(m - 1) + months
        let year = Int(total >= 0 ? total / 12 : (total - 11) / 12)
        let month = Int(total - Int64(year) * 12) + 1
        let day = min(d, CivilDate.daysInMonth(year: year, month: month))
        return Int64(CivilDate.days(year: year, month: month, day: day))
    }

    /// 0 = Sunday … 6 = Saturday, as DuckDB's `weekday` / `dayofweek`.
    static func weekday(_ days: Int64) -> Int64 {
        let r = (days + 4) % 7
        return r < 0 ? r + 7 : r
    }
}
