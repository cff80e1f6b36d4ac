extension Column {
    /// The rows whose value passes `condition`, among `domain` (all rows when nil). `name` only
    /// labels errors. Throws when the condition does not apply to the column's type or a constant
    /// has the wrong type.
    public func select(
        _ condition: ColumnCondition, within domain: SelectionVector? = nil, name: String = "column"
    ) throws(KernelError) -> SelectionVector {
        switch condition {
        case .isNull: return SelectionScan.nullRows(count: count, validity: validity, domain: domain, null: true)
        case .isNotNull: return SelectionScan.nullRows(count: count, validity: validity, domain: domain, null: false)
        default: break
        }
        switch self {
        case .int64(let c):
            if condition.constants.contains(where: { if case .double = $0 { true } else { false } }) {
                let test = try ValueTest<Double>(condition, name, .int64) { v throws(KernelError) in
                    switch v {
                    case .int64(let i): Double(i)
                    case .double(let d): d
                    default: throw .constantType(column: name, type: .int64, constant: v.type)
                    }
                }
                return test.run(c, domain) { Double($0) }
            }
            let test = try ValueTest<Int64>(condition, name, .int64) { v throws(KernelError) in
                guard case .int64(let i) = v else { throw .constantType(column: name, type: .int64, constant: v.type) }
                return i
            }
            return test.run(c, domain) { $0 }
        case .double(let c):
            let test = try ValueTest<Double>(condition, name, .double) { v throws(KernelError) in
                switch v {
                case .int64(let i): Double(i)
                case .double(let d): d
                default: throw .constantType(column: name, type: .double, constant: v.type)
                }
            }
            return test.run(c, domain) { $0 }
        case .bool(let c):
            let test = try ValueTest<UInt8>(condition, name, .bool) { v throws(KernelError) in
                guard case .bool(let b) = v else { throw .constantType(column: name, type: .bool, constant: v.type) }
                return b ? 1 : 0
            }
            return test.run(c, domain) { $0 ? 1 : 0 }
        case .date(let c):
            let test = try ValueTest<Int32>(condition, name, .date) { v throws(KernelError) in
                guard case .date(let d) = v else { throw .constantType(column: name, type: .date, constant: v.type) }
                return d
            }
            return test.run(c, domain) { $0 }
        case .timestamp(let c):
            let test = try ValueTest<Int64>(condition, name, .timestamp) { v throws(KernelError) in
                guard case .timestamp(let t) = v else {
                    throw .constantType(column: name, type: .timestamp, constant: v.type)
                }
                return t
            }
            return test.run(c, domain) { $0 }
        case .string(let c):
            let test = try StringTest(condition, name)
            return test.run(c, domain)
        }
    }
}

extension ColumnCondition {
    var constants: [Scalar] {
        switch self {
        case .compare(_, let v): [v]
        case .between(let lo, let hi): [lo, hi]
        case .isIn(let vs): vs
        case .isNull, .isNotNull: []
        case .contains(let s), .hasPrefix(let s): [.string(s)]
        }
    }
}

/// A value condition with its constants converted to the comparison type `K` of a fixed-width
/// column, so the row loop compares plain numbers.
private enum ValueTest<K: Comparable & Hashable> {
    case compare(ComparisonOperator, K)
    case between(K, K)
    case fewOf([K])
    case manyOf(Set<K>)

    init(
        _ condition: ColumnCondition, _ name: String, _ type: ColumnType, _ convert: (Scalar) throws(KernelError) -> K
    ) throws(KernelError) {
        switch condition {
        case .compare(let op, let v): self = .compare(op, try convert(v))
        case .between(let lo, let hi): self = .between(try convert(lo), try convert(hi))
        case .isIn(let vs):
            var ks = [K]()
            for v in vs { ks.append(try convert(v)) }
            // A short list is faster to scan than to hash into.
            self = ks.count <= 8 ? .fewOf(ks) : .manyOf(Set(ks))
        case .contains: throw .unsupported(operation: "contains", column: name, type: type)
        case .hasPrefix: throw .unsupported(operation: "hasPrefix", column: name, type: type)
        case .isNull, .isNotNull: preconditionFailure("null tests are answered from the validity bitmap")
        }
    }

    @inline(__always)
    func run<T>(_ column: PrimitiveColumn<T>, _ domain: SelectionVector?, _ key: (T) -> K) -> SelectionVector {
        column.values.withUnsafeBufferPointer { v in
            let n = v.count
            let validity = column.validity
            switch self {
            case .compare(.equal, let c): return SelectionScan.rows(count: n, validity: validity, domain: domain) { key(v[$0]) == c }
            case .compare(.notEqual, let c): return SelectionScan.rows(count: n, validity: validity, domain: domain) { key(v[$0]) != c }
            case .compare(.less, let c): return SelectionScan.rows(count: n, validity: validity, domain: domain) { key(v[$0]) < c }
            case .compare(.lessOrEqual, let c): return SelectionScan.rows(count: n, validity: validity, domain: domain) { key(v[$0]) <= c }
            case .compare(.greater, let c): return SelectionScan.rows(count: n, validity: validity, domain: domain) { key(v[$0]) > c }
            case .compare(.greaterOrEqual, let c): return SelectionScan.rows(count: n, validity: validity, domain: domain) { key(v[$0]) >= c }
            case .between(let lo, let hi):
                return SelectionScan.rows(count: n, validity: validity, domain: domain) {
                    let k = key(v[$0])
                    return lo <= k && k <= hi
                }
            case .fewOf(let ks):
                return ks.withUnsafeBufferPointer { set in
                    SelectionScan.rows(count: n, validity: validity, domain: domain) { set.contains(key(v[$0])) }
                }
            case .manyOf(let ks):
                return SelectionScan.rows(count: n, validity: validity, domain: domain) { ks.contains(key(v[$0])) }
            }
        }
    }
}

/// A string condition as a test on UTF-8 bytes. On a dictionary column it runs once per distinct
/// string, and the row loop only indexes a per-code mask.
private struct StringTest {
    private enum Kind {
        /// Integers are indices of constants in `constants`.
        case compare(ComparisonOperator, Int)
        case between(Int, Int)
        case isIn
        case contains(Int)
        case hasPrefix(Int)
    }

    private let kind: Kind
    /// The constants' bytes, interned so `isIn` is one hash lookup per string.
    private let constants: ByteInterner

    init(_ condition: ColumnCondition, _ name: String) throws(KernelError) {
        var interner = ByteInterner()
        var index = [Int]()
        for v in condition.constants {
            guard case .string(let s) = v else { throw .constantType(column: name, type: .string, constant: v.type) }
            index.append(Int(interner.intern(s)))
        }
        constants = interner
        switch condition {
        case .compare(let op, _): kind = .compare(op, index[0])
        case .between: kind = .between(index[0], index[1])
        case .isIn: kind = .isIn
        case .contains: kind = .contains(index[0])
        case .hasPrefix: kind = .hasPrefix(index[0])
        case .isNull, .isNotNull: preconditionFailure("null tests are answered from the validity bitmap")
        }
    }

    @inline(__always)
    private func order(_ bytes: UnsafeRawBufferPointer, _ constant: Int) -> Int {
        constants.strings.withBytes(constant) { ByteComparison.compare(bytes, $0) }
    }

    @inline(__always)
    func passes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch kind {
        case .compare(.equal, let k): return constants.strings.withBytes(k) { ByteComparison.equal(bytes, $0) }
        case .compare(.notEqual, let k): return !constants.strings.withBytes(k) { ByteComparison.equal(bytes, $0) }
        case .compare(.less, let k): return order(bytes, k) < 0
        case .compare(.lessOrEqual, let k): return order(bytes, k) <= 0
        case .compare(.greater, let k): return order(bytes, k) > 0
        case .compare(.greaterOrEqual, let k): return order(bytes, k) >= 0
        case .between(let lo, let hi): return order(bytes, lo) >= 0 && order(bytes, hi) <= 0
        case .isIn: return constants.code(of: bytes) != nil
        case .contains(let k): return constants.strings.withBytes(k) { ByteComparison.contains(bytes, $0) }
        case .hasPrefix(let k): return constants.strings.withBytes(k) { ByteComparison.hasPrefix(bytes, $0) }
        }
    }

    /// The one constant of a comparison, `contains` or prefix test; nil for `between` and `in`.
    private var single: Int? {
        switch kind {
        case .compare(_, let k), .contains(let k), .hasPrefix(let k): k
        case .between, .isIn: nil
        }
    }

    /// `passes` with the single constant's bytes already in hand, so a row loop over a plain
    /// column does not look the constant up again for every row.
    @inline(__always)
    private func passes(_ bytes: UnsafeRawBufferPointer, constant c: UnsafeRawBufferPointer) -> Bool {
        switch kind {
        case .compare(.equal, _): ByteComparison.equal(bytes, c)
        case .compare(.notEqual, _): !ByteComparison.equal(bytes, c)
        case .compare(.less, _): ByteComparison.compare(bytes, c) < 0
        case .compare(.lessOrEqual, _): ByteComparison.compare(bytes, c) <= 0
        case .compare(.greater, _): ByteComparison.compare(bytes, c) > 0
        case .compare(.greaterOrEqual, _): ByteComparison.compare(bytes, c) >= 0
        case .contains: ByteComparison.contains(bytes, c)
        case .hasPrefix: ByteComparison.hasPrefix(bytes, c)
        case .between, .isIn: passes(bytes)
        }
    }

    func run(_ column: StringColumn, _ domain: SelectionVector?) -> SelectionVector {
        let n = column.count
        switch column.storage {
        case .dictionary(let codes, let dict):
            var mask = [Bool](repeating: false, count: dict.count)
            for i in 0..<dict.count { mask[i] = dict.withBytes(i) { passes($0) } }
            return mask.withUnsafeBufferPointer { m in
                codes.withUnsafeBufferPointer { c in
                    SelectionScan.rows(count: n, validity: column.validity, domain: domain) { m[Int(c[$0])] }
                }
            }
        case .plain(let buffer):
            if let k = single {
                let constant = constants.strings.withBytes(k) { [UInt8]($0) }
                return constant.withUnsafeBytes { c in
                    buffer.bytes.withUnsafeBytes { bytes in
                        buffer.offsets.withUnsafeBufferPointer { off in
                            SelectionScan.rows(count: n, validity: column.validity, domain: domain) { r in
                                passes(UnsafeRawBufferPointer(rebasing: bytes[Int(off[r])..<Int(off[r + 1])]), constant: c)
                            }
                        }
                    }
                }
            }
            return buffer.bytes.withUnsafeBytes { bytes in
                buffer.offsets.withUnsafeBufferPointer { off in
                    SelectionScan.rows(count: n, validity: column.validity, domain: domain) { r in
                        passes(UnsafeRawBufferPointer(rebasing: bytes[Int(off[r])..<Int(off[r + 1])]))
                    }
                }
            }
        }
    }
}
