/// Levenshtein edit distance (insertions, deletions, substitutions) over Unicode scalars, with two
/// stack-allocated rows and an optional cut-off so that clearly different strings stop early.
public enum Levenshtein {
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = a.unicodeScalars.map(\.value), y = b.unicodeScalars.map(\.value)
        return x.withUnsafeBufferPointer { xa in y.withUnsafeBufferPointer { ya in distance(xa, ya) } }
    }

    /// - Parameter limit: once every cell of a row exceeds it, returns `limit + 1`.
    public static func distance(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, limit: Int = .max) -> Int {
        let n = a.count, m = b.count
        if n == 0 { return m }
        if m == 0 { return n }
        if limit != .max && abs(n - m) > limit { return limit + 1 }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (m + 1)) { rows in
            var prev = 0, cur = m + 1
            for j in 0...m { rows[j] = j }
            for i in 1...n {
                rows[cur] = i
                var rowMin = i
                for j in 1...m {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    let v = min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + cost)
                    rows[cur + j] = v
                    rowMin = min(rowMin, v)
                }
                if rowMin > limit { return limit + 1 }
                swap(&prev, &cur)
            }
            return rows[prev + m]
        }
    }

    /// 1 - distance / longer length: 1 for equal strings, 0 for nothing in common.
    public static func similarity(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Double {
        let longer = max(a.count, b.count)
        if longer == 0 { return 1 }
        return 1 - Double(distance(a, b)) / Double(longer)
    }
}
