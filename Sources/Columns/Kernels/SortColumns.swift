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
    private let words: [UInt64]
    private let nulls: [Bool]

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

    /// Each row's rank among the distinct strings, in byte order (equal strings, equal rank).
    /// A dictionary column sorts its dictionary once; a plain column sorts its rows.
    private static func stringRanks(_ column: StringColumn) -> [UInt64] {
        switch column.storage {
        case .dictionary(let codes, let dict):
            let byCode = denseRanks(dict)
            return codes.map { byCode[Int($0)] }
        case .plain(let buffer):
            return denseRanks(buffer)
        }
    }

    /// Dense ranks 0, 1, 2… of the strings of `buffer` in byte order. Strings are sorted as
    /// (first eight bytes as a big-endian integer, index) pairs, whose integer order is the byte
    /// order of those prefixes; only equal prefixes compare the rest of the bytes.
    private static func denseRanks(_ buffer: StringBuffer) -> [UInt64] {
        let n = buffer.count
        var pairs = [(UInt64, Int32)]()
        pairs.reserveCapacity(n)
        for i in 0..<n { pairs.append((buffer.withBytes(i, prefixWord), Int32(i))) }
        func rest(_ a: Int32, _ b: Int32) -> Int {
            buffer.withBytes(Int(a)) { x in buffer.withBytes(Int(b)) { y in ByteComparison.compare(x, y) } }
        }
        pairs.sort { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            let c = rest(a.1, b.1)
            return c != 0 ? c < 0 : a.1 < b.1
        }
        var ranks = [UInt64](repeating: 0, count: n)
        var rank: UInt64 = 0
        for i in 0..<pairs.count {
            if i > 0 && (pairs[i - 1].0 != pairs[i].0 || rest(pairs[i - 1].1, pairs[i].1) != 0) { rank += 1 }
            ranks[Int(pairs[i].1)] = rank
        }
        return ranks
    }

    /// The first eight bytes, zero-padded, most significant first.
    @inline(__always)
    private static func prefixWord(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var w: UInt64 = 0
        for i in 0..<8 { w = w << 8 | (i < bytes.count ? UInt64(bytes[i]) : 0) }
        return w
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
