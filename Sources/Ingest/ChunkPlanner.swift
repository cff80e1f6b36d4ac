#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a file's data region into chunks that start right after a newline outside quotes, so each
/// chunk parses on its own. Quote state at a byte is the parity of quotes before it, which is only
/// trustworthy when every quote sits at a field edge; a stray quote inside an unquoted field
/// (`5" screen`, literal to libcsv) makes the planner fall back to a single chunk.
enum ChunkPlanner {
    static func plan(_ b: UnsafeRawBufferPointer, chunks wanted: Int, delimiter: UInt8, quote: UInt8 = 0x22,
                     minimumBytes: Int, quoteFree: Bool? = nil) -> [Range<Int>] {
        let n = b.count
        guard wanted > 1, n >= 2 * minimumBytes else { return [0..<n] }
        let quoteCount = quoteFree == true ? 0 : count(quote, in: b)
        if quoteCount > 0 && !quotesAtFieldEdges(b, delimiter: delimiter, quote: quote) { return [0..<n] }
        let chunks = min(wanted, n / minimumBytes)
        var bounds = [0]
        var parity = 0  // quotes seen before `scanned`
        var scanned = 0
        for k in 1..<chunks {
            let target = max(n * k / chunks, bounds.last!)
            if quoteCount > 0 {
                parity ^= count(quote, in: UnsafeRawBufferPointer(rebasing: b[scanned..<target])) & 1
            }
            scanned = target
            var i = target
            var inQuotes = parity == 1
            while i < n {
                let c = b[i]
                if c == quote { inQuotes.toggle() } else if c == 0x0A && !inQuotes { break }
                i += 1
            }
            guard i < n else { break }
            if quoteCount > 0 {
                parity ^= count(quote, in: UnsafeRawBufferPointer(rebasing: b[target..<i])) & 1
                scanned = i
            }
            if i + 1 > bounds.last! && i + 1 < n { bounds.append(i + 1) }
        }
        bounds.append(n)
        return (0..<(bounds.count - 1)).map { bounds[$0]..<bounds[$0 + 1] }
    }

    static func count(_ byte: UInt8, in b: UnsafeRawBufferPointer) -> Int {
        guard var p = b.baseAddress else { return 0 }
        var left = b.count
        var total = 0
        while left > 0, let hit = memchr(p, Int32(byte), left) {
            total += 1
            let next = UnsafeRawPointer(hit) + 1
            left -= next - p
            p = next
        }
        return total
    }

    /// The offset of the first `"`, or nil: a quote-free file can skip libcsv altogether.
    static func firstQuote(_ b: UnsafeRawBufferPointer) -> Int? {
        guard let p = b.baseAddress, let hit = memchr(p, 0x22, b.count) else { return nil }
        return UnsafeRawPointer(hit) - p
    }

    /// Newlines (`\n`) in `b`: the physical lines a chunk spans.
    static func countLines(_ b: UnsafeRawBufferPointer) -> Int {
        guard var p = b.baseAddress else { return 0 }
        var left = b.count
        var total = 0
        while left > 0, let hit = memchr(p, 0x0A, left) {
            total += 1
            let next = UnsafeRawPointer(hit) + 1
            left -= next - p
            p = next
        }
        return total
    }

    private static func quotesAtFieldEdges(_ b: UnsafeRawBufferPointer, delimiter: UInt8, quote: UInt8) -> Bool {
        let n = b.count
        // libcsv allows blanks before an opening quote; after a closing one we accept only a separator.
        func edge(_ c: UInt8) -> Bool { c == delimiter || c == 0x0A || c == 0x0D || c == quote }
        for i in 0..<n where b[i] == quote {
            let before = i == 0 ? 0x0A : b[i - 1]
            let after = i + 1 == n ? 0x0A : b[i + 1]
            if !edge(before) && before != 0x20 && before != 0x09 && !edge(after) { return false }
        }
        return true
    }
}
