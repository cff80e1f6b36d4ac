/// The sort keys of a table encoded for comparison: per key and row, a null flag and a 64-bit
/// word whose unsigned order is the value order (flipped for descending keys). Row comparisons
/// then touch two flat buffers instead of typed columns, whatever the key types.
///
/// Encodings: signed integers with the sign bit flipped; doubles by the IEEE total-order trick
/// with -0.0 folded into 0.0 and every NaN above +∞; `false < true`; strings by their rank
/// among the column's distinct strings in UTF-8 byte order.
struct SortColumns {
    let keyCount: Int
    let rowCount: Int
    /// Key k of row r is at `k * rowCount + r`.
    let words: [UInt64]
    let nulls: [Bool]

    init(_ columns: [Column], descending: [Bool], rowCount: Int) {
        keyCount = columns.count
        self.rowCount = rowCount
        var words = [UInt64]()
        var nulls = [Bool]()
        words.reserveCapacity(columns.count * rowCount)
        nulls.reserveCapacity(columns.count * rowCount)
        for (column, desc) in zip(columns, descending) {
            let encoded = Self.orderWords(column)
            words.append(contentsOf: desc ? encoded.map { ~$0 } : encoded)
            let validity = column.validity
            for r in 0..<rowCount { nulls.append(!validity.isValid(r)) }
        }
        self.words = words
        self.nulls = nulls
    }

    /// Whether row `a` sorts before row `b` on the keys; ties go to the lower row index, which
    /// makes every sort built on this stable and deterministic.
    @inline(__always)
    func before(_ a: Int, _ b: Int) -> Bool {
        let c = compareKeys(a, b)
        return c != 0 ? c < 0 : a < b
    }

    /// Negative, zero or positive as row `a`'s keys (from key `first` on) sort before, equal or
    /// after row `b`'s.
    @inline(__always)
    func compareKeys(_ a: Int, _ b: Int, from first: Int = 0) -> Int {
        words.withUnsafeBufferPointer { w in
            nulls.withUnsafeBufferPointer { z in
                var base = first * rowCount
                for _ in first..<keyCount {
                    let na = z[base + a], nb = z[base + b]
                    if na != nb { return na ? 1 : -1 }
                    if !na {
                        let x = w[base + a], y = w[base + b]
                        if x != y { return x < y ? -1 : 1 }
                    }
                    base += rowCount
                }
                return 0
            }
        }
    }

    static func orderWords(_ column: Column) -> [UInt64] {
        let sign: UInt64 = 1 << 63
        switch column {
        case .int64(let c), .timestamp(let c): return c.values.map { UInt64(bitPattern: $0) ^ sign }
        case .date(let c): return c.values.map { UInt64(bitPattern: Int64($0)) ^ sign }
        case .bool(let c): return c.values.map { $0 ? 1 : 0 }
        case .double(let c):
            return c.values.map { v in
                let bits = KeyEncoder.doubleWord(v)
                return bits & sign != 0 ? ~bits : bits | sign
            }
        case .string(let c): return stringRanks(c)
        }
    }
}

extension Table {
    func sortColumns(_ keys: [SortKey]) throws(KernelError) -> SortColumns {
        guard !keys.isEmpty else { throw .invalidArgument("sort needs at least one key") }
        var columns = [Column]()
        for k in keys { columns.append(try kernelColumn(k.column)) }
        return SortColumns(columns, descending: keys.map(\.descending), rowCount: rowCount)
    }
}
