/// Jaro–Winkler similarity (Winkler 1990) over Unicode scalars, so one Chinese character counts
/// as one symbol, not three UTF-8 bytes. Scratch flags live on the stack: no allocation per pair.
public enum JaroWinkler {
    /// Winkler's prefix scale; 0.1 is the value the published examples use.
    public static let prefixScale = 0.1
    /// The prefix bonus applies only above this Jaro score (Winkler's boost threshold).
    public static let boostThreshold = 0.7

    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = a.unicodeScalars.map(\.value), y = b.unicodeScalars.map(\.value)
        return x.withUnsafeBufferPointer { xa in y.withUnsafeBufferPointer { ya in similarity(xa, ya) } }
    }

    public static func jaro(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Double {
        let n = a.count, m = b.count
        if n == 0 && m == 0 { return 1 }
        if n == 0 || m == 0 { return 0 }
        let window = max(0, max(n, m) / 2 - 1)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: n + m) { flags in
            flags.initialize(repeating: false)
            var matches = 0
            for i in 0..<n {
                let lo = max(0, i - window), hi = min(m - 1, i + window)
                if lo > hi { continue }
                for j in lo...hi where !flags[n + j] && a[i] == b[j] {
                    flags[i] = true
                    flags[n + j] = true
                    matches += 1
                    break
                }
            }
            if matches == 0 { return 0 }
            var transpositions = 0
            var j = 0
            for i in 0..<n where flags[i] {
                while !flags[n + j] { j += 1 }
                if a[i] != b[j] { transpositions += 1 }
                j += 1
            }
            let mm = Double(matches)
            return (mm / Double(n) + mm / Double(m) + (mm - Double(transpositions / 2)) / mm) / 3
        }
    }

    public static func similarity(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Double {
        let j = jaro(a, b)
        guard j > boostThreshold else { return j }
        var prefix = 0
        while prefix < 4 && prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        return j + Double(prefix) * prefixScale * (1 - j)
    }
}
