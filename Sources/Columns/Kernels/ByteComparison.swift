#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-string comparisons for string kernels: they work on the UTF-8 bytes in place, so no
/// `String` is made per row. Byte order equals Unicode code point order for valid UTF-8.
public enum ByteComparison {
    /// Negative, zero or positive as `a` sorts before, equal to or after `b`.
    @inline(__always)
    public static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }

    @inline(__always)
    public static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    @inline(__always)
    public static func hasPrefix(_ s: UnsafeRawBufferPointer, _ prefix: UnsafeRawBufferPointer) -> Bool {
        prefix.count <= s.count && (prefix.count == 0 || memcmp(s.baseAddress!, prefix.baseAddress!, prefix.count) == 0)
    }

    /// Whether `needle` occurs in `haystack`: scan for the first byte with `memchr`, then compare.
    /// Matching whole UTF-8 byte sequences cannot produce a match starting mid-character.
    public static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        if needle.count == 0 { return true }
        if needle.count > haystack.count { return false }
        let first = Int32(needle[0])
        let base = haystack.baseAddress!
        let lastStart = haystack.count - needle.count
        var i = 0
        while i <= lastStart {
            guard let hit = memchr(base + i, first, lastStart - i + 1) else { return false }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return true }
            i = at + 1
        }
        return false
    }
}
