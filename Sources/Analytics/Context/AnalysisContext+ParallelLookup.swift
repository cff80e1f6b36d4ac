import Dispatch
import Columns

/// Looks a string column's rows up in a finished interner, on all cores: after the customers table
/// is interned, mapping millions of order or interaction rows to customer codes is read-only
/// work that splits cleanly into row ranges. The per-row cost is a hash probe (cache misses on a
/// table of a million ids), so two cores nearly halve it.
enum ParallelLookup {
    /// Code of each row in `interner`: -1 for null or empty, `missing` when not interned.
    static func codes<Interner: KeyInterning>(_ column: StringColumn, in interner: Interner, missing: Int32 = -1) -> [Int32] {
        let n = column.count
        var out = [Int32](repeating: -1, count: n)
        guard n > 0 else { return out }
        switch column.storage {
        case .dictionary(let dictCodes, let dictionary):
            // Few distinct values: look each dictionary entry up once.
            let remap = (0..<dictionary.count).map { d in
                dictionary.withBytes(d) { $0.isEmpty ? -1 : (interner.code(of: $0) ?? missing) }
            }
            for r in 0..<n where column.validity.isValid(r) { out[r] = remap[Int(dictCodes[r])] }
        case .plain(let buffer):
            let parts = min(8, max(1, n / 65_536))
            let validity = column.validity
            buffer.offsets.withUnsafeBufferPointer { offsets in
                buffer.bytes.withUnsafeBytes { bytes in
                    out.withUnsafeMutableBufferPointer { result in
                        nonisolated(unsafe) let o = offsets, b = bytes, res = result
                        DispatchQueue.concurrentPerform(iterations: parts) { part in
                            let lo = n * part / parts, hi = n * (part + 1) / parts
                            for r in lo..<hi where validity.isValid(r) {
                                let s = Int(o[r]), e = Int(o[r + 1])
                                if s == e { continue }
                                res[r] = interner.code(of: UnsafeRawBufferPointer(rebasing: b[s..<e])) ?? missing
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
