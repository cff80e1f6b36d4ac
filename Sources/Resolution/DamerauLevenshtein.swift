/// Optimal-string-alignment distance: Levenshtein plus the transposition of two adjacent symbols
/// as one edit (`13812345678` vs `13812345687`), the commonest typing slip in phone numbers and
/// ids. Three stack rows; a substring is never edited twice (the OSA restriction).
public enum DamerauLevenshtein {
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = a.unicodeScalars.map(\.value), y = b.unicodeScalars.map(\.value)
        return x.withUnsafeBufferPointer { xa in y.withUnsafeBufferPointer { ya in distance(xa, ya) } }
    }

    public static func distance(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, limit: Int = .max) -> Int {
        let n = a.count, m = b.count
        if n == 0 { return m }
        if m == 0 { return n }
        if limit != .max && abs(n - m) > limit { return limit + 1 }
        let w = m + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * w) { rows in
            var before = 0, prev = w, cur = 2 * w
            for j in 0...m { rows[prev + j] = j; rows[before + j] = 0 }
            var previousRowMin = 0
            for i in 1...n {
                rows[cur] = i
                var rowMin = i
                for j in 1...m {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var v = min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        v = min(v, rows[before + j - 2] + 1)
                    }
                    rows[cur + j] = v
                    rowMin = min(rowMin, v)
                }
                // A transposition reaches back two rows, so stop only when both exceed the limit.
                if rowMin > limit && previousRowMin > limit { return limit + 1 }
                previousRowMin = rowMin
                (before, prev, cur) = (prev, cur, before)
            }
            return rows[prev + m]
        }
    }

    /// Whether the distance is at most 1 — one substitution, insertion, deletion or adjacent
    /// swap — in one linear pass; the common question for phones and ids.
    public static func isWithinOne(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Bool {
        let n = a.count, m = b.count
        if abs(n - m) > 1 { return false }
        var i = 0
        while i < n && i < m && a[i] == b[i] { i += 1 }
        if i == n && i == m { return true }
        if n == m {
            // One substitution: the rest is equal. One swap: the next two are crossed, the rest equal.
            if tailEqual(a, i + 1, b, i + 1) { return true }
            return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] && tailEqual(a, i + 2, b, i + 2)
        }
        return n > m ? tailEqual(a, i + 1, b, i) : tailEqual(a, i, b, i + 1)
    }

    @inline(__always)
    private static func tailEqual(_ a: UnsafeBufferPointer<UInt32>, _ i: Int, _ b: UnsafeBufferPointer<UInt32>, _ j: Int) -> Bool {
        if a.count - i != b.count - j { return false }
        var i = i, j = j
        while i < a.count {
            if a[i] != b[j] { return false }
            i += 1; j += 1
        }
        return true
    }
}
