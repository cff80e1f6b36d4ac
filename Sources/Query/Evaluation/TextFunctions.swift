import Columns

/// String functions over a string column's bytes. A dictionary column is transformed once per
/// distinct string and keeps its codes; a plain column once per row, without making a `String`
/// unless the row has non-ASCII letters to case-map.
enum TextFunctions {
    /// `f(bytes)` per row (per distinct string on a dictionary column).
    static func map(_ s: StringColumn, _ f: (UnsafeRawBufferPointer) -> Int64) -> PrimitiveColumn<Int64> {
        switch s.storage {
        case .dictionary(let codes, let dict):
            var perCode = [Int64](repeating: 0, count: dict.count)
            for i in 0..<dict.count { perCode[i] = dict.withBytes(i, f) }
            return PrimitiveColumn(values: codes.map { perCode[Int($0)] }, validity: s.validity)
        case .plain(let b):
            var out = [Int64](repeating: 0, count: b.count)
            for r in 0..<b.count { out[r] = b.withBytes(r, f) }
            return PrimitiveColumn(values: out, validity: s.validity)
        }
    }

    static func transform(_ s: StringColumn, _ f: ScalarFunction) -> StringColumn {
        func apply(_ buffer: StringBuffer) -> StringBuffer {
            var out = StringBuffer()
            out.reserveCapacity(strings: buffer.count, bytes: buffer.bytes.count)
            for i in 0..<buffer.count { buffer.withBytes(i) { transformed($0, f, into: &out) } }
            return out
        }
        switch s.storage {
        case .dictionary(let codes, let dict):
            return StringColumn(storage: .dictionary(codes: codes, dictionary: apply(dict)), validity: s.validity)
        case .plain(let b):
            return StringColumn(storage: .plain(apply(b)), validity: s.validity)
        }
    }

    private static func transformed(_ bytes: UnsafeRawBufferPointer, _ f: ScalarFunction, into out: inout StringBuffer) {
        switch f {
        case .trim:
            var lo = 0, hi = bytes.count
            while lo < hi && bytes[lo] == 0x20 { lo += 1 }
            while hi > lo && bytes[hi - 1] == 0x20 { hi -= 1 }
            out.append(UnsafeRawBufferPointer(rebasing: bytes[lo..<hi]))
        case .lower, .upper:
            if bytes.allSatisfy({ $0 < 0x80 }) {
                var copy = [UInt8](bytes)
                for i in copy.indices {
                    let c = copy[i]
                    if f == .lower, c >= 0x41, c <= 0x5A { copy[i] = c + 32 }
                    if f == .upper, c >= 0x61, c <= 0x7A { copy[i] = c - 32 }
                }
                copy.withUnsafeBytes { out.append($0) }
            } else {
                let text = String(decoding: bytes, as: UTF8.self)
                out.append(f == .lower ? text.lowercased() : text.uppercased())
            }
        default:
            out.append(bytes)
        }
    }

    /// Unicode code points in valid UTF-8: bytes that are not continuation bytes.
    static func codePoints(_ bytes: UnsafeRawBufferPointer) -> Int {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
