/// Monge–Elkan similarity of multi-word strings: each word is matched to its most similar word
/// in the other string (Jaro-Winkler), the best scores averaged, and the two directions averaged
/// so the measure is symmetric. Word order does not matter; every word has to find a partner.
public enum MongeElkan {
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = a.unicodeScalars.map(\.value), y = b.unicodeScalars.map(\.value)
        return x.withUnsafeBufferPointer { xa in y.withUnsafeBufferPointer { ya in similarity(xa, ya) } }
    }

    public static func similarity(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        return (directed(a, b) + directed(b, a)) / 2
    }

    private static func directed(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Double {
        var total = 0.0, words = 0
        forEachWord(a) { wa in
            var best = 0.0
            forEachWord(b) { wb in best = max(best, JaroWinkler.similarity(wa, wb)) }
            total += best
            words += 1
        }
        return words == 0 ? 0 : total / Double(words)
    }

    @inline(__always)
    private static func forEachWord(_ s: UnsafeBufferPointer<UInt32>, _ body: (UnsafeBufferPointer<UInt32>) -> Void) {
        var i = 0
        while i < s.count {
            while i < s.count && s[i] == 32 { i += 1 }
            var j = i
            while j < s.count && s[j] != 32 { j += 1 }
            if j > i { body(UnsafeBufferPointer(rebasing: s[i..<j])) }
            i = j
        }
    }
}
