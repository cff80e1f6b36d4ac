import Columns

/// What a scalar sub-expression evaluates to over a frame: a temporary column with one value per
/// frame row, or a constant (a one-row column broadcast to every row). Constants stay constants
/// through arithmetic (`as_of - 90d` is one date), so a comparison with one runs as a kernel
/// filter against a `Scalar` instead of a row-by-row loop.
struct Value {
    /// `rowCount` rows, or exactly one row when `isConstant`.
    var column: Column
    var isConstant: Bool

    static func constant(_ column: Column) -> Value { Value(column: column, isConstant: true) }
    static func rows(_ column: Column) -> Value { Value(column: column, isConstant: false) }

    var type: ColumnType { column.type }

    /// The constant as a kernel `Scalar`, nil when it is null (or not a constant).
    var scalar: Scalar? {
        guard isConstant, column.validity.isValid(0) else { return nil }
        switch column {
        case .int64(let c): return .int64(c.values[0])
        case .double(let c): return .double(c.values[0])
        case .bool(let c): return .bool(c.values[0])
        case .date(let c): return .date(c.values[0])
        case .timestamp(let c): return .timestamp(c.values[0])
        case .string(let c): return .string(c[0] ?? "")
        }
    }

    var isNullConstant: Bool { isConstant && !column.validity.isValid(0) }

    init(column: Column, isConstant: Bool) {
        self.column = column
        self.isConstant = isConstant
    }

    init(_ scalar: Scalar) {
        switch scalar {
        case .int64(let v): column = .int64(PrimitiveColumn(values: [v]))
        case .double(let v): column = .double(PrimitiveColumn(values: [v]))
        case .bool(let v): column = .bool(PrimitiveColumn(values: [v]))
        case .date(let v): column = .date(PrimitiveColumn(values: [v]))
        case .timestamp(let v): column = .timestamp(PrimitiveColumn(values: [v]))
        case .string(let v): column = .string(StringColumn([v]))
        }
        isConstant = true
    }

    /// The bare `null` literal: an untyped null constant.
    static let null = Value(column: .int64(PrimitiveColumn(values: [0], validity: Validity(bits: [false]))), isConstant: true)

    /// Dates as timestamps (midnight UTC), so a date meets a timestamp on one scale.
    func promotedToTimestamp() -> Value {
        guard case .date(let c) = column else { return self }
        return Value(column: .timestamp(PrimitiveColumn(values: c.values.map { Int64($0) * 86_400 }, validity: c.validity)),
                     isConstant: isConstant)
    }

    /// Integers as doubles, for arithmetic and comparisons that mix the two.
    func promotedToDouble() -> Value {
        guard case .int64(let c) = column else { return self }
        return Value(column: .double(PrimitiveColumn(values: c.values.map { Double($0) }, validity: c.validity)), isConstant: isConstant)
    }
}

/// A typed view of a value for row loops: element i of a column, or the one element of a
/// constant for every i (`stride` 0).
struct Lane<T> {
    let values: [T]
    let validity: Validity
    let stride: Int

    init(_ values: [T], _ validity: Validity, constant: Bool) {
        self.values = values
        self.validity = validity
        stride = constant ? 0 : 1
    }

    @inline(__always) func isValid(_ i: Int) -> Bool { validity.isValid(i &* stride) }
    @inline(__always) subscript(i: Int) -> T { values[i &* stride] }
}

extension Value {
    var int64Lane: Lane<Int64>? {
        switch column {
        case .int64(let c), .timestamp(let c): Lane(c.values, c.validity, constant: isConstant)
        default: nil
        }
    }

    var doubleLane: Lane<Double>? {
        switch column {
        case .double(let c): Lane(c.values, c.validity, constant: isConstant)
        case .int64(let c): Lane(c.values.map { Double($0) }, c.validity, constant: isConstant)
        default: nil
        }
    }

    var dateLane: Lane<Int32>? {
        if case .date(let c) = column { return Lane(c.values, c.validity, constant: isConstant) }
        return nil
    }

    var boolLane: Lane<Bool>? {
        if case .bool(let c) = column { return Lane(c.values, c.validity, constant: isConstant) }
        return nil
    }
}

/// Builds a result column row by row: values into one buffer, validity bits beside them.
struct ResultBuffer<T: Sendable & Hashable> {
    var values: [T]
    var validity = Validity(allValid: 0)
    let zero: T

    init(zero: T, capacity: Int) {
        self.zero = zero
        values = []
        values.reserveCapacity(capacity)
        validity.reserveCapacity(capacity)
    }

    @inline(__always) mutating func append(_ v: T?) {
        if let v {
            values.append(v)
            validity.append(true)
        } else {
            values.append(zero)
            validity.append(false)
        }
    }

    var column: PrimitiveColumn<T> { PrimitiveColumn(values: values, validity: validity) }
}

/// Applies `f` to the rows of two lanes; a null on either side, or `f` returning nil, gives
/// null. Two constants give a constant.
@inline(__always)
func mapLanes<A, B, R: Sendable & Hashable>(
    _ a: Lane<A>, _ b: Lane<B>, rowCount: Int, zero: R, _ f: (A, B) throws(QueryError) -> R?
) throws(QueryError) -> (PrimitiveColumn<R>, constant: Bool) {
    let constant = a.stride == 0 && b.stride == 0
    let n = constant ? 1 : rowCount
    var out = ResultBuffer(zero: zero, capacity: n)
    for i in 0..<n {
        if a.isValid(i) && b.isValid(i) { out.append(try f(a[i], b[i])) } else { out.append(nil) }
    }
    return (out.column, constant)
}

@inline(__always)
func mapLane<A, R: Sendable & Hashable>(
    _ a: Lane<A>, rowCount: Int, zero: R, _ f: (A) throws(QueryError) -> R?
) throws(QueryError) -> (PrimitiveColumn<R>, constant: Bool) {
    let constant = a.stride == 0
    let n = constant ? 1 : rowCount
    var out = ResultBuffer(zero: zero, capacity: n)
    for i in 0..<n {
        if a.isValid(i) { out.append(try f(a[i])) } else { out.append(nil) }
    }
    return (out.column, constant)
}
