extension SortColumns {
    /// `rows` in sorted order (ties by row index). Rows are sorted as (first-key word, row) pairs,
    /// so the common single-key sort compares integers in place; later keys are consulted only on
    /// first-key ties, and rows whose first key is null are sorted apart and go last.
    func sort(_ rows: [Int]) -> [Int] {
        if keyCount > 1, let packed = packedWords(rows) {
            var pairs = zip(packed, rows).map { ($0, Int32(truncatingIfNeeded: $1)) }
            Self.sort(&pairs) { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            return pairs.map { Int($0.1) }
        }
        var pairs = [(UInt64, Int32)]()
        var nullRows = [Int]()
        pairs.reserveCapacity(rows.count)
        words.withUnsafeBufferPointer { w in
            nulls.withUnsafeBufferPointer { z in
                for r in rows {
                    if z[r] { nullRows.append(r) } else { pairs.append((w[r], Int32(truncatingIfNeeded: r))) }
                }
            }
        }
        if keyCount == 1 {
            Self.sort(&pairs) { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        } else {
            Self.sort(&pairs) { a, b in
                if a.0 != b.0 { return a.0 < b.0 }
                let c = compareKeys(Int(a.1), Int(b.1), from: 1)
                return c != 0 ? c < 0 : a.1 < b.1
            }
        }
        nullRows.sort { before($0, $1) }
        var out = pairs.map { Int($0.1) }
        out.append(contentsOf: nullRows)
        return out
    }

    /// All keys of each of `rows` packed into one word, when their value ranges fit in 64 bits
    /// together (stage × date, region × month…): key by key, most significant first, a field of
    /// `1 + bits(max - min)` bits holding `value - min`, or `1 << bits` for null — above every value,
    /// so nulls still sort last. Comparing packed words then equals comparing key by key.
    private func packedWords(_ rows: [Int]) -> [UInt64]? {
        var fields = [(min: UInt64, bits: Int)]()
        var total = 0
        words.withUnsafeBufferPointer { w in
            nulls.withUnsafeBufferPointer { z in
                for k in 0..<keyCount {
                    let base = k * rowCount
                    var lo = UInt64.max, hi = UInt64.min
                    for r in rows where !z[base + r] {
                        lo = Swift.min(lo, w[base + r])
                        hi = Swift.max(hi, w[base + r])
                    }
                    let bits = lo > hi ? 0 : UInt64.bitWidth - (hi - lo).leadingZeroBitCount
                    fields.append((lo > hi ? 0 : lo, bits))
                    total += bits + 1
                }
            }
        }
        guard total <= UInt64.bitWidth else { return nil }
        var packed = [UInt64](repeating: 0, count: rows.count)
        words.withUnsafeBufferPointer { w in
            nulls.withUnsafeBufferPointer { z in
                for (k, field) in fields.enumerated() {
                    let base = k * rowCount
                    for (i, r) in rows.enumerated() {
                        let v = z[base + r] ? UInt64(1) << UInt64(field.bits) : w[base + r] - field.min
                        packed[i] = packed[i] << UInt64(field.bits + 1) | v
                    }
                }
            }
        }
        return packed
    }

    /// Sorts large inputs as two halves on two cores, then merges them. `less` is a total order
    /// (rows break every tie), so the result is the one a single sort gives.
    static func sort(_ pairs: inout [(UInt64, Int32)], by less: ((UInt64, Int32), (UInt64, Int32)) -> Bool) {
        guard pairs.count >= parallelThreshold else {
            pairs.sort(by: less)
            return
        }
        let mid = pairs.count / 2
        let input = pairs
        let halves = ParallelChunks.map(2, parallel: true) { i in
            var half = i == 0 ? Array(input[..<mid]) : Array(input[mid...])
            half.sort(by: less)
            return half
        }
        let a = halves[0], b = halves[1]
        var i = 0, j = 0, k = 0
        while i < a.count && j < b.count {
            if less(b[j], a[i]) {
                pairs[k] = b[j]
                j += 1
            } else {
                pairs[k] = a[i]
                i += 1
            }
            k += 1
        }
        while i < a.count { pairs[k] = a[i]; i += 1; k += 1 }
        while j < b.count { pairs[k] = b[j]; j += 1; k += 1 }
    }

    /// Below this many rows one core sorts faster than two plus a merge.
    static let parallelThreshold = 1 << 17
}
