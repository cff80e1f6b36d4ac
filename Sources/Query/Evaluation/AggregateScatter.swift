import Columns

/// Per-customer aggregates from the kept related rows: one pass over the rows, each added into
/// the slot of the base row that owns it. Slots are dense arrays indexed by base row.
enum AggregateScatter {
    static func count(_ kept: SelectionVector, _ owner: [Int32], _ n: Int, validity: Validity?) -> PrimitiveColumn<Int64> {
        var counts = [Int64](repeating: 0, count: n)
        counts.withUnsafeMutableBufferPointer { c in
            owner.withUnsafeBufferPointer { o in
                for r in kept.rows where validity?.isValid(Int(r)) ?? true { c[Int(o[Int(r)])] += 1 }
            }
        }
        return PrimitiveColumn(values: counts)
    }

    /// Sums of an int64 column (exact; leaving Int64 is an error) and non-null counts.
    static func intSums(
        _ kept: SelectionVector, _ owner: [Int32], _ n: Int, _ column: PrimitiveColumn<Int64>, at range: SourceRange
    ) throws(QueryError) -> (PrimitiveColumn<Int64>, [Int64]) {
        let (sums, counts, overflow) = sums(kept, owner, n, column) { $0.addingReportingOverflow($1) }
        if overflow { throw QueryError("the sum leaves the 64-bit integer range", at: range) }
        return (sums, counts)
    }

    static func doubleSums(
        _ kept: SelectionVector, _ owner: [Int32], _ n: Int, _ column: PrimitiveColumn<Double>
    ) -> (PrimitiveColumn<Double>, [Int64]) {
        let (sums, counts, _) = sums(kept, owner, n, column) { ($0 + $1, false) }
        return (sums, counts)
    }

    /// Per-slot sums (null where a slot got no value) and counts of the kept non-null values;
    /// `add` reports overflow.
    @inline(__always)
    private static func sums<T: Numeric & Sendable & Hashable>(
        _ kept: SelectionVector, _ owner: [Int32], _ n: Int, _ column: PrimitiveColumn<T>, _ add: (T, T) -> (T, Bool)
    ) -> (PrimitiveColumn<T>, [Int64], overflow: Bool) {
        var sums = [T](repeating: 0, count: n)
        var counts = [Int64](repeating: 0, count: n)
        var overflow = false
        let validity = column.validity
        sums.withUnsafeMutableBufferPointer { s in
            counts.withUnsafeMutableBufferPointer { c in
                column.values.withUnsafeBufferPointer { v in
                    owner.withUnsafeBufferPointer { o in
                        for r32 in kept.rows {
                            let r = Int(r32)
                            guard validity.isValid(r) else { continue }
                            let slot = Int(o[r])
                            let (sum, over) = add(s[slot], v[r])
                            overflow = overflow || over
                            s[slot] = sum
                            c[slot] += 1
                        }
                    }
                }
            }
        }
        return (PrimitiveColumn(values: sums, validity: Validity(bits: counts.map { $0 > 0 })), counts, overflow)
    }

    static func mean(_ sums: [Double], _ counts: [Int64]) -> PrimitiveColumn<Double> {
        PrimitiveColumn(values: zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : 0 }, validity: Validity(bits: counts.map { $0 > 0 }))
    }

    /// min/max of any orderable column: per slot, the frame row holding the best value so far,
    /// then one gather. Strings order by UTF-8 bytes, doubles as DuckDB (NaN highest).
    static func extreme(_ kept: SelectionVector, _ owner: [Int32], _ n: Int, _ column: Column, max wantMax: Bool) -> Column {
        var best = [Int32](repeating: -1, count: n)
        let validity = column.validity
        func run(_ before: (Int, Int) -> Bool) {
            best.withUnsafeMutableBufferPointer { b in
                owner.withUnsafeBufferPointer { o in
                    for r32 in kept.rows {
                        let r = Int(r32)
                        guard validity.isValid(r) else { continue }
                        let slot = Int(o[r])
                        let current = Int(b[slot])
                        if current < 0 || (wantMax ? before(current, r) : before(r, current)) { b[slot] = r32 }
                    }
                }
            }
        }
        switch column {
        case .int64(let c), .timestamp(let c): c.values.withUnsafeBufferPointer { v in run { v[$0] < v[$1] } }
        case .date(let c): c.values.withUnsafeBufferPointer { v in run { v[$0] < v[$1] } }
        case .double(let c): c.values.withUnsafeBufferPointer { v in run { Evaluator.totalOrder(v[$0], v[$1]) < 0 } }
        case .bool(let c): c.values.withUnsafeBufferPointer { v in run { !v[$0] && v[$1] } }
        case .string(let c): run { x, y in c.withBytes(x) { p in c.withBytes(y) { q in ByteComparison.compare(p, q) < 0 } } }
        }
        return column.gather(optionalRows: best)
    }
}
