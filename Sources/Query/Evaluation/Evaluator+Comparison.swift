import Columns

extension Evaluator {
    /// `a op b` as a condition. Column against constant runs the kernel filter; two columns run
    /// one loop over the domain. Null on either side is unknown. Text literals compared with a
    /// date or timestamp are read as one; dates meet timestamps at midnight UTC; integers meet
    /// doubles as doubles. Doubles order as DuckDB orders them: NaN equals NaN and sorts above
    /// every number.
    func compare(
        _ op: ComparisonOperator, _ lhs: Value, _ rhs: Value, in frame: Frame, within domain: SelectionVector?, at range: SourceRange
    ) throws(QueryError) -> Truth {
        var (a, b) = try Self.comparable(lhs, rhs, at: range)
        var op = op
        if a.isConstant && !b.isConstant {
            swap(&a, &b)
            op = op.flipped
        }
        if a.isConstant {
            note("compare \(op.rawValue) of two constants")
            return Truth.constant(try Self.compareRows(op, a, b, row: 0), domain, rowCount: frame.rowCount)
        }
        if b.isConstant {
            guard let scalar = b.scalar else { return Truth.constant(nil, domain, rowCount: frame.rowCount) }
            if !Self.hasNaN(a.column) && !scalar.isNaN {
                note("compare \(op.rawValue) \(scalar): kernel Column.select(.compare) on a \(a.type.rawValue) column")
                let yes = try kernel(a.column, .compare(op.kernel, scalar), domain, at: range)
                let unknown = try kernel(a.column, .isNull, domain, at: range)
                return Truth(yes: yes, unknown: unknown)
            }
        }
        note("compare \(op.rawValue): one loop over two \(a.type.rawValue) columns")
        let n = frame.rowCount
        switch (a.column, b.column) {
        case (.int64, .int64), (.timestamp, .timestamp):
            return Self.scanPairs(a.int64Lane!, b.int64Lane!, op, domain, n) { $0 < $1 ? -1 : ($0 == $1 ? 0 : 1) }
        case (.date, .date):
            return Self.scanPairs(a.dateLane!, b.dateLane!, op, domain, n) { $0 < $1 ? -1 : ($0 == $1 ? 0 : 1) }
        case (.double, .double), (.int64, .double), (.double, .int64):
            return Self.scanPairs(a.doubleLane!, b.doubleLane!, op, domain, n, Self.totalOrder)
        case (.bool, .bool):
            return Self.scanPairs(a.boolLane!, b.boolLane!, op, domain, n) { $0 == $1 ? 0 : ($0 ? 1 : -1) }
        default:
            return try Self.scan(domain, rowCount: n) { (r) throws(QueryError) in try Self.compareRows(op, a, b, row: r) }
        }
    }

    /// Two typed lanes compared row by row over the domain.
    @inline(__always)
    static func scanPairs<A, B>(
        _ a: Lane<A>, _ b: Lane<B>, _ op: ComparisonOperator, _ domain: SelectionVector?, _ rowCount: Int, _ order: (A, B) -> Int
    ) -> Truth {
        var yes = [Int32](), unknown = [Int32]()
        a.values.withUnsafeBufferPointer { x in
            b.values.withUnsafeBufferPointer { y in
                func visit(_ r: Int) {
                    guard a.isValid(r) && b.isValid(r) else { return unknown.append(Int32(truncatingIfNeeded: r)) }
                    if op.holds(order(x[r &* a.stride], y[r &* b.stride])) { yes.append(Int32(truncatingIfNeeded: r)) }
                }
                if let domain {
                    for r in domain.rows { visit(Int(r)) }
                } else {
                    for r in 0..<rowCount { visit(r) }
                }
            }
        }
        return Truth(yes: SelectionVector(rows: yes), unknown: SelectionVector(rows: unknown))
    }

    /// Brings both sides to one comparable type (see `compare`).
    static func comparable(_ lhs: Value, _ rhs: Value, at range: SourceRange) throws(QueryError) -> (Value, Value) {
        var a = lhs, b = rhs
        if a.type.isTemporal && b.type == .string { b = try temporalConstant(b, as: a.type, at: range) }
        if b.type.isTemporal && a.type == .string { a = try temporalConstant(a, as: b.type, at: range) }
        if a.type != b.type {
            if a.type.isTemporal && b.type.isTemporal {
                a = a.promotedToTimestamp()
                b = b.promotedToTimestamp()
            } else if a.type.isNumeric && b.type.isNumeric && !(a.isConstant != b.isConstant) {
                // Column against constant stays mixed: the kernel compares int64 columns with
                // double constants as doubles without copying the column.
                a = a.promotedToDouble()
                b = b.promotedToDouble()
            }
        }
        return (a, b)
    }

    static func temporalConstant(_ v: Value, as type: ColumnType, at range: SourceRange) throws(QueryError) -> Value {
        guard v.isConstant else { throw QueryError("text compared with a \(type.rawValue) must be a literal like '2025-01-01'", at: range) }
        guard case .string(let s)? = v.scalar else { return v }
        if type == .date, let d = TemporalLiteral.days(s) { return Value(.date(d)) }
        if type == .timestamp, let t = TemporalLiteral.seconds(s) { return Value(.timestamp(t)) }
        throw QueryError("'\(s)' is not a valid \(type == .date ? "date (YYYY-MM-DD)" : "timestamp (YYYY-MM-DD HH:MM:SS)")", at: range)
    }

    static func hasNaN(_ c: Column) -> Bool {
        guard case .double(let d) = c else { return false }
        return d.values.withUnsafeBufferPointer { $0.contains { $0.isNaN } }
    }

    /// The comparison at one row: nil when either side is null there.
    @inline(__always)
    static func compareRows(_ op: ComparisonOperator, _ a: Value, _ b: Value, row r: Int) throws(QueryError) -> Bool? {
        let ra = a.isConstant ? 0 : r, rb = b.isConstant ? 0 : r
        guard a.column.validity.isValid(ra), b.column.validity.isValid(rb) else { return nil }
        let order: Int
        switch (a.column, b.column) {
        case (.int64(let x), .int64(let y)), (.timestamp(let x), .timestamp(let y)): order = x.values[ra] < y.values[rb] ? -1 : (x.values[ra] == y.values[rb] ? 0 : 1)
        case (.date(let x), .date(let y)): order = x.values[ra] < y.values[rb] ? -1 : (x.values[ra] == y.values[rb] ? 0 : 1)
        case (.double(let x), .double(let y)): order = totalOrder(x.values[ra], y.values[rb])
        case (.int64(let x), .double(let y)): order = totalOrder(Double(x.values[ra]), y.values[rb])
        case (.double(let x), .int64(let y)): order = totalOrder(x.values[ra], Double(y.values[rb]))
        case (.bool(let x), .bool(let y)): order = x.values[ra] == y.values[rb] ? 0 : (x.values[ra] ? 1 : -1)
        case (.string(let x), .string(let y)):
            order = x.withBytes(ra) { p in y.withBytes(rb) { q in ByteComparison.compare(p, q) } }
        default:
            throw QueryError("cannot compare \(a.type.rawValue) with \(b.type.rawValue)", at: SourceRange(0, 0))
        }
        return op.holds(order)
    }

    /// DuckDB's order of doubles: NaN equals NaN and is above everything, -0.0 equals 0.0.
    @inline(__always)
    static func totalOrder(_ x: Double, _ y: Double) -> Int {
        if x.isNaN || y.isNaN { return x.isNaN ? (y.isNaN ? 0 : 1) : -1 }
        return x < y ? -1 : (x == y ? 0 : 1)
    }

    /// Visits the domain's rows once, sorting each into true, unknown or false.
    @inline(__always)
    static func scan(_ domain: SelectionVector?, rowCount: Int, _ test: (Int) throws(QueryError) -> Bool?) throws(QueryError) -> Truth {
        var yes = [Int32](), unknown = [Int32]()
        func visit(_ r: Int) throws(QueryError) {
            switch try test(r) {
            case true?: yes.append(Int32(truncatingIfNeeded: r))
            case nil: unknown.append(Int32(truncatingIfNeeded: r))
            case false?: break
            }
        }
        if let domain {
            for r in domain.rows { try visit(Int(r)) }
        } else {
            for r in 0..<rowCount { try visit(r) }
        }
        return Truth(yes: SelectionVector(rows: yes), unknown: SelectionVector(rows: unknown))
    }

    // MARK: in

    /// `x in (a, b, …)`: true when x equals one item, unknown when none does but a comparison
    /// was null, false otherwise. A column against constants is one kernel `isIn` filter.
    func inList(_ x: Expr, _ items: [Expr], in frame: Frame, within domain: SelectionVector?, at range: SourceRange) throws(QueryError) -> Truth {
        let v = try value(of: x, in: frame)
        var values = [Value]()
        for item in items { values.append(try value(of: item, in: frame)) }
        if !v.isConstant && !Self.hasNaN(v.column) {
            var scalars = [Scalar]()
            for item in values {
                let (_, c) = try Self.comparable(v, item, at: range)
                guard c.isConstant, let s = c.scalar, !s.isNaN, Self.kernelAccepts(v.column.type, s) else { break }
                scalars.append(s)
            }
            if scalars.count == values.count {
                note("in (\(scalars.count) constants): kernel Column.select(.isIn)")
                let yes = try kernel(v.column, .isIn(scalars), domain, at: range)
                return Truth(yes: yes, unknown: try kernel(v.column, .isNull, domain, at: range))
            }
        }
        note("in (\(values.count) items): or of equalities")
        let all = Truth.all(domain, rowCount: frame.rowCount)
        var t = try compare(.equal, v, values[0], in: frame, within: domain, at: range)
        for item in values.dropFirst() {
            let open = all.subtracting(t.yes)
            if open.isEmpty { break }
            t = t.or(try compare(.equal, v, item, in: frame, within: open, at: range))
        }
        return t
    }

    /// Whether the kernel filters a column of `type` against `scalar` directly.
    static func kernelAccepts(_ type: ColumnType, _ scalar: Scalar) -> Bool {
        switch (type, scalar) {
        case (.int64, .int64), (.int64, .double), (.double, .int64), (.double, .double), (.bool, .bool), (.date, .date),
            (.timestamp, .timestamp), (.string, .string):
            true
        default: false
        }
    }
}

extension ComparisonOperator {
    /// The operator with its operands swapped: `5 < x` is `x > 5`.
    var flipped: ComparisonOperator {
        switch self {
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        case .equal, .notEqual: self
        }
    }

    var kernel: Columns.ComparisonOperator {
        switch self {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessOrEqual
        case .greater: .greater
        case .greaterEqual: .greaterOrEqual
        }
    }

    @inline(__always)
    func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessEqual: order <= 0
        case .greater: order > 0
        case .greaterEqual: order >= 0
        }
    }
}

extension Scalar {
    var isNaN: Bool { if case .double(let d) = self { d.isNaN } else { false } }
}

extension ColumnType {
    var isTemporal: Bool { self == .date || self == .timestamp }
    var isNumeric: Bool { self == .int64 || self == .double }
}
