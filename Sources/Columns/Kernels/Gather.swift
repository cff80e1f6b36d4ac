import Foundation

/// Gathering rows (a scope's customers and events, a sorted table, a join side) over contiguous
/// storage. The public `gather(_: some Collection<Int>)` entry points are generic and live in
/// another module from most callers, so a loop over `rows` there ran through witness-table calls
/// per row; they hand the row numbers over once as a buffer and these kernels do plain loads
/// and stores (a string column: one pass for the sizes, one allocation, one copy per string).
enum RowIndices {
    /// `rows` as a contiguous buffer — borrowed when it already is one (an `[Int]`), copied once
    /// otherwise (a range, a lazy map) — after checking that every row number addresses one of
    /// `count` rows: the kernels below load without bounds checks, so a bad index stops here,
    /// once per gather, instead of reading foreign memory.
    static func withChecked<R>(_ rows: some Collection<Int>, count: Int, _ body: (UnsafeBufferPointer<Int>) -> R) -> R {
        let checked = { (buffer: UnsafeBufferPointer<Int>) -> R in
            var low = 0, high = -1
            for r in buffer {
                low = min(low, r)
                high = max(high, r)
            }
            precondition(low >= 0 && high < count, "gather: row \(low < 0 ? low : high) outside 0..<\(count)")
            return body(buffer)
        }
        if let r = rows.withContiguousStorageIfAvailable(checked) { return r }
        return Array(rows).withUnsafeBufferPointer(checked)
    }
}

// The kernels take row numbers already checked by `RowIndices.withChecked`.

extension Validity {
    func gather(rows: UnsafeBufferPointer<Int>) -> Validity {
        guard let words else { return Validity(allValid: rows.count) }
        var out = [UInt64](repeating: 0, count: (rows.count + 63) / 64)
        words.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer { o in
                for (i, r) in rows.enumerated() where w[r &>> 6] & (1 &<< UInt64(r & 63)) != 0 {
                    o[i &>> 6] |= 1 &<< UInt64(i & 63)
                }
            }
        }
        return Validity(words: out, count: rows.count)
    }
}

extension PrimitiveColumn {
    func gather(rows: UnsafeBufferPointer<Int>) -> PrimitiveColumn {
        let out = values.withUnsafeBufferPointer { v in
            [Element](unsafeUninitializedCapacity: rows.count) { o, initialized in
                for (i, r) in rows.enumerated() { (o.baseAddress! + i).initialize(to: v[r]) }
                initialized = rows.count
            }
        }
        return PrimitiveColumn(values: out, validity: validity.gather(rows: rows))
    }
}

extension StringBuffer {
    /// Strings `rows` of self, in that order: sizes first, so the bytes are allocated once.
    func gather(rows: UnsafeBufferPointer<Int>) -> StringBuffer {
        return offsets.withUnsafeBufferPointer { off in
            var total = 0
            let newOffsets = [Int32](unsafeUninitializedCapacity: rows.count + 1) { o, initialized in
                o[0] = 0
                for (i, r) in rows.enumerated() {
                    total += Int(off[r + 1] &- off[r])
                    precondition(total <= Self.byteCapacity, "string buffer over 2 GiB")
                    o[i + 1] = Int32(truncatingIfNeeded: total)
                }
                initialized = rows.count + 1
            }
            let newBytes = bytes.withUnsafeBytes { src in
                [UInt8](unsafeUninitializedCapacity: total) { dst, initialized in
                    var at = 0
                    for r in rows {
                        let start = Int(off[r]), length = Int(off[r + 1]) - start
                        if length > 0 {
                            memcpy(dst.baseAddress! + at, src.baseAddress! + start, length)
                            at += length
                        }
                    }
                    initialized = total
                }
            }
            return StringBuffer(offsets: newOffsets, bytes: newBytes)
        }
    }
}

extension StringColumn {
    func gather(rows: UnsafeBufferPointer<Int>) -> StringColumn {
        switch storage {
        case .plain(let b):
            return StringColumn(storage: .plain(b.gather(rows: rows)), validity: validity.gather(rows: rows))
        case .dictionary(let codes, let dict):
            let out = PrimitiveColumn(values: codes, validity: Validity(allValid: codes.count)).gather(rows: rows).values
            return StringColumn(storage: .dictionary(codes: out, dictionary: dict), validity: validity.gather(rows: rows))
        }
    }
}

extension Column {
    func gather(rows: UnsafeBufferPointer<Int>) -> Column {
        switch self {
        case .int64(let c): .int64(c.gather(rows: rows))
        case .double(let c): .double(c.gather(rows: rows))
        case .bool(let c): .bool(c.gather(rows: rows))
        case .date(let c): .date(c.gather(rows: rows))
        case .timestamp(let c): .timestamp(c.gather(rows: rows))
        case .string(let c): .string(c.gather(rows: rows))
        }
    }
}

// Row numbers kept as 32-bit (scope partitions, query frames). Defined here so the conversion to
// `Int` is specialised: called from another module, the generic `gather(some Collection<Int>)`
// over a lazy map ran unspecialised, looking up generic metadata per row (about 3 s of the 1 M
// nightly run's scoped report sets).
extension Column {
    /// Rows `rows` (32-bit row numbers), in that order.
    public func gather(_ rows: [Int32]) -> Column { gather(rows.lazy.map { Int($0) }) }
}

extension Table {
    /// Rows `rows` (32-bit row numbers) of every column and of the lineage, in that order.
    public func gather(_ rows: [Int32]) -> Table { gather(rows.lazy.map { Int($0) }) }
}
