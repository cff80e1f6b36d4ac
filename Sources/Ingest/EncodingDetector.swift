/// Decides a file's encoding from its first bytes: a BOM (UTF-8, UTF-16 LE/BE) decides outright;
/// otherwise valid UTF-8 is UTF-8, NUL-heavy alternation is BOM-less UTF-16, and anything else is
/// tried as GB18030 (the superset of GBK, Excel's code page 936).
public enum EncodingDetector {
    public struct Detection: Sendable, Equatable {
        public var encoding: TextEncoding
        /// Bytes of BOM to skip.
        public var bomLength: Int
    }

    /// How much of the file the UTF-8 check looks at; rows further on with bad bytes are quarantined.
    public static let sniffBytes = 1 << 20

    public static func detect(_ bytes: UnsafeRawBufferPointer) -> Detection {
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return Detection(encoding: .utf8BOM, bomLength: 3) }
        if n >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return Detection(encoding: .utf16LE, bomLength: 2) }
        if n >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return Detection(encoding: .utf16BE, bomLength: 2) }
        let sample = UnsafeRawBufferPointer(rebasing: bytes[0..<min(n, sniffBytes)])
        if let utf16 = bomlessUTF16(sample) { return Detection(encoding: utf16, bomLength: 0) }
        let invalid = UTF8Validation.firstInvalid(sample, allowTruncatedEnd: n > sniffBytes)
        return Detection(encoding: invalid == nil ? .utf8 : .gb18030, bomLength: 0)
    }

    /// Text that is mostly ASCII in UTF-16 has a NUL in every other byte.
    private static func bomlessUTF16(_ b: UnsafeRawBufferPointer) -> TextEncoding? {
        let n = min(b.count, 4096) & ~1
        guard n >= 8 else { return nil }
        var evenZero = 0, oddZero = 0
        for i in stride(from: 0, to: n, by: 2) {
            if b[i] == 0 { evenZero += 1 }
            if b[i + 1] == 0 { oddZero += 1 }
        }
        let pairs = n / 2
        if oddZero * 10 >= pairs * 7 && evenZero * 10 < pairs { return .utf16LE }
        if evenZero * 10 >= pairs * 7 && oddZero * 10 < pairs { return .utf16BE }
        return nil
    }
}

/// UTF-8 validity, with an 8-bytes-at-a-time ASCII fast path (most CRM data is ASCII).
public enum UTF8Validation {
    /// The offset of the first byte that is not valid UTF-8, or nil. With `allowTruncatedEnd`, a
    /// sequence cut off by the end of the buffer (a sample of a larger file) is not an error.
    public static func firstInvalid(_ b: UnsafeRawBufferPointer, allowTruncatedEnd: Bool = false) -> Int? {
        let n = b.count
        var i = 0
        while i < n {
            if i + 8 <= n, b.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch c {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(c & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(c & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(c & 0x07)
            default: return i
            }
            if i + length > n { return allowTruncatedEnd ? nil : i }
            for k in 1..<length {
                let cc = b[i + k]
                if cc & 0xC0 != 0x80 { return i }
                scalar = scalar << 6 | UInt32(cc & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            minimum = 0
            i += length
        }
        return nil
    }

    /// True when `b` is valid UTF-8 and holds no NUL byte — what a string cell must satisfy.
    @inline(__always)
    public static func isCleanText(_ b: UnsafeRawBufferPointer) -> Bool {
        let n = b.count
        var i = 0
        var ascii = true
        while i + 8 <= n {
            let w = b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // High bit set anywhere, or a zero byte anywhere (the classic has-zero-byte trick).
            if w & 0x8080_8080_8080_8080 != 0 { ascii = false; break }
            if (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        if ascii {
            while i < n {
                let c = b[i]
                if c == 0 { return false }
                if c >= 0x80 { ascii = false; break }
                i += 1
            }
            if ascii { return true }
        }
        if firstInvalid(b) != nil { return false }
        while i < n { if b[i] == 0 { return false }; i += 1 }
        return true
    }
}
