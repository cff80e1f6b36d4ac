/// Turns a column's values into 64-bit words that are equal exactly when the values are equal,
/// so group-by, count-distinct and join hash plain integers. Strings become interned codes
/// (dictionary columns intern each distinct string once; plain columns intern per row, which is
/// the hash lookup a string group-by needs anyway — still no `String` is made). Null rows get 0;
/// callers read the validity bitmap to tell null from a real 0.
enum KeyEncoder {
    /// A word no interned string code takes: the probe side's strings missing from the build side.
    static let absent = UInt64.max

    /// Words for `column`, interning its strings into `interner` (shared when two columns must
    /// agree on codes, as the two sides of a join do).
    static func words(_ column: Column, interner: inout ByteInterner) -> [UInt64] {
        switch column {
        case .int64(let c), .timestamp(let c): return c.values.map { UInt64(bitPattern: $0) }
        case .double(let c): return c.values.map(doubleWord)
        case .bool(let c): return c.values.map { $0 ? 1 : 0 }
        case .date(let c): return c.values.map { UInt64(bitPattern: Int64($0)) }
        case .string(let c):
            switch c.storage {
            case .dictionary(let codes, let dict):
                // Re-interning the dictionary makes equal strings equal words even if a dictionary
                // holds a string twice (as one assembled from several sources may).
                var remap = [UInt64](repeating: 0, count: dict.count)
                for i in 0..<dict.count { remap[i] = UInt64(dict.withBytes(i) { interner.intern($0) }) }
                return codes.map { remap[Int($0)] }
            case .plain(let b):
                var out = [UInt64](repeating: 0, count: b.count)
                for r in 0..<b.count where c.validity.isValid(r) {
                    out[r] = UInt64(b.withBytes(r) { interner.intern($0) })
                }
                return out
            }
        }
    }

    /// Words for rows `rows` of `column` against codes already in `interner`, without adding any:
    /// strings it does not hold become `absent`. Non-string columns encode as in `words`. Read-only,
    /// so chunks of a probe side can be encoded in parallel.
    static func probeWords(_ column: Column, interner: ByteInterner, rows: Range<Int>) -> [UInt64] {
        let c: StringColumn
        switch column {
        case .int64(let p), .timestamp(let p): return p.values[rows].map { UInt64(bitPattern: $0) }
        case .double(let p): return p.values[rows].map(doubleWord)
        case .bool(let p): return p.values[rows].map { $0 ? 1 : 0 }
        case .date(let p): return p.values[rows].map { UInt64(bitPattern: Int64($0)) }
        case .string(let s): c = s
        }
        func code(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
            interner.code(of: bytes).map { UInt64($0) } ?? absent
        }
        switch c.storage {
        case .dictionary(let codes, let dict):
            var remap = [UInt64](repeating: absent, count: dict.count)
            for i in 0..<dict.count { remap[i] = dict.withBytes(i, code) }
            return codes[rows].map { remap[Int($0)] }
        case .plain(let b):
            var out = [UInt64](repeating: absent, count: rows.count)
            for r in rows where c.validity.isValid(r) { out[r - rows.lowerBound] = b.withBytes(r, code) }
            return out
        }
    }

    /// -0.0 and 0.0 are equal, and every NaN is one group, as SQL engines group them.
    @inline(__always)
    static func doubleWord(_ v: Double) -> UInt64 {
        if v == 0 { return 0 }
        if v.isNaN { return Double.nan.bitPattern }
        return v.bitPattern
    }
}
