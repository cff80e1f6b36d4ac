/// Int64 `sum`, exact, with overflow reported rather than wrapped.
final class IntSumState: AggregateState {
    private let column: PrimitiveColumn<Int64>
    private let name: String
    private var sums: [Int64] = []
    private var counts: [Int64] = []
    private var overflowed = false

    init(column: PrimitiveColumn<Int64>, name: String) {
        self.column = column
        self.name = name
    }

    func update(rows: UnsafeBufferPointer<Int32>, groups: UnsafeBufferPointer<Int32>, groupCount: Int) {
        sums.pad(to: groupCount, with: 0)
        counts.pad(to: groupCount, with: 0)
        let validity = column.validity
        var overflow = false
        column.values.withUnsafeBufferPointer { v in
            sums.withUnsafeMutableBufferPointer { s in
                counts.withUnsafeMutableBufferPointer { c in
                    for i in 0..<rows.count {
                        let r = Int(rows[i])
                        guard validity.isValid(r) else { continue }
                        let g = Int(groups[i])
                        let (sum, o) = s[g].addingReportingOverflow(v[r])
                        s[g] = sum
                        overflow = overflow || o
                        c[g] += 1
                    }
                }
            }
        }
        overflowed = overflowed || overflow
    }

    func merge(_ other: any AggregateState, remap: UnsafeBufferPointer<Int32>, groupCount: Int) {
        let other = other as! IntSumState
        sums.pad(to: groupCount, with: 0)
        counts.pad(to: groupCount, with: 0)
        var overflow = other.overflowed
        sums.withUnsafeMutableBufferPointer { s in
            counts.withUnsafeMutableBufferPointer { c in
                for g in 0..<other.sums.count {
                    let to = Int(remap[g])
                    let (sum, o) = s[to].addingReportingOverflow(other.sums[g])
                    s[to] = sum
                    overflow = overflow || o
                    c[to] += other.counts[g]
                }
            }
        }
        overflowed = overflowed || overflow
    }

    func finish(groupCount: Int) throws(KernelError) -> Column {
        if overflowed { throw .overflow(operation: "sum", column: name) }
        sums.pad(to: groupCount, with: 0)
        counts.pad(to: groupCount, with: 0)
        return .int64(PrimitiveColumn(values: sums, validity: Validity(bits: counts.map { $0 > 0 })))
    }
}

/// Double `sum` or `mean`. Summation is in row order within a chunk and chunk order across
/// chunks, so the result does not depend on how many cores ran.
final class DoubleSumState: AggregateState {
    private let column: PrimitiveColumn<Double>
    private let mean: Bool
    private var sums: [Double] = []
    private var counts: [Int64] = []

    init(column: PrimitiveColumn<Double>, mean: Bool) {
        self.column = column
        self.mean = mean
    }

    func update(rows: UnsafeBufferPointer<Int32>, groups: UnsafeBufferPointer<Int32>, groupCount: Int) {
        sums.pad(to: groupCount, with: 0)
        counts.pad(to: groupCount, with: 0)
        let validity = column.validity
        column.values.withUnsafeBufferPointer { v in
            sums.withUnsafeMutableBufferPointer { s in
                counts.withUnsafeMutableBufferPointer { c in
                    for i in 0..<rows.count {
                        let r = Int(rows[i])
                        guard validity.isValid(r) else { continue }
                        let g = Int(groups[i])
                        s[g] += v[r]
                        c[g] += 1
                    }
                }
            }
        }
    }

    func merge(_ other: any AggregateState, remap: UnsafeBufferPointer<Int32>, groupCount: Int) {
        let other = other as! DoubleSumState
        sums.pad(to: groupCount, with: 0)
        counts.pad(to: groupCount, with: 0)
        sums.withUnsafeMutableBufferPointer { s in
            counts.withUnsafeMutableBufferPointer { c in
                other.sums.withUnsafeBufferPointer { os in
                    other.counts.withUnsafeBufferPointer { oc in
                        for g in 0..<os.count {
                            let to = Int(remap[g])
                            s[to] += os[g]
                            c[to] += oc[g]
                        }
                    }
                }
            }
        }
    }

    func finish(groupCount: Int) -> Column {
        sums.pad(to: groupCount, with: 0)
        counts.pad(to: groupCount, with: 0)
        let values = mean ? zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : 0 } : sums
        return .double(PrimitiveColumn(values: values, validity: Validity(bits: counts.map { $0 > 0 })))
    }
}
