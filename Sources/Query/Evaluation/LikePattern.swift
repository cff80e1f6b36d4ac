import Columns

/// SQL `LIKE` over UTF-8 bytes: `%` matches any run of characters, `_` exactly one character
/// (code point); everything else matches itself, case-sensitively. There is no escape
/// character, as in DuckDB without `ESCAPE`. Matching is iterative with one backtrack point
/// (the last `%`), so it is linear-ish and cannot recurse or blow up on hostile patterns.
enum LikePattern {
    static func matches(_ s: UnsafeRawBufferPointer, _ p: UnsafeRawBufferPointer) -> Bool {
        var si = 0, pi = 0
        var starP = -1, starS = 0
        while si < s.count {
            if pi < p.count && p[pi] == 0x25 {  // %
                starP = pi
                pi += 1
                starS = si
                continue
            }
            if pi < p.count && p[pi] == 0x5F {  // _ : one whole character
                si = nextCharacter(s, si)
                pi += 1
                continue
            }
            if pi < p.count && p[pi] == s[si] {
                si += 1
                pi += 1
                continue
            }
            guard starP >= 0 else { return false }
            // Let the last % absorb one more character and retry after it.
            starS = nextCharacter(s, starS)
            si = starS
            pi = starP + 1
        }
        while pi < p.count && p[pi] == 0x25 { pi += 1 }
        return pi == p.count
    }

    @inline(__always)
    private static func nextCharacter(_ s: UnsafeRawBufferPointer, _ i: Int) -> Int {
        var j = i + 1
        while j < s.count && s[j] & 0xC0 == 0x80 { j += 1 }
        return j
    }
}
