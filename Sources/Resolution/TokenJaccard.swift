/// Jaccard overlap of token sets: |A ∩ B| / |A ∪ B|. Latin text splits at spaces and
/// punctuation; Chinese text has no spaces, so each run of Han characters yields its character
/// bigrams (`星辰科技` → 星辰, 辰科, 科技), which keeps word order loosely and survives one typo.
public enum TokenJaccard {
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = a.unicodeScalars.map(\.value), y = b.unicodeScalars.map(\.value)
        return x.withUnsafeBufferPointer { xa in y.withUnsafeBufferPointer { ya in similarity(xa, ya) } }
    }

    public static func similarity(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: a.count + 1) { ta in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: b.count + 1) { tb in
                let na = tokenHashes(a, into: ta), nb = tokenHashes(b, into: tb)
                if na == 0 && nb == 0 { return 1 }
                var i = 0, j = 0, common = 0
                while i < na && j < nb {
                    if ta[i] == tb[j] { common += 1; i += 1; j += 1 } else if ta[i] < tb[j] { i += 1 } else { j += 1 }
                }
                return Double(common) / Double(na + nb - common)
            }
        }
    }

    /// Writes the sorted, distinct token hashes of `s` into `out`; returns how many. A string of
    /// n scalars has at most n tokens (n-1 bigrams, or n one-letter words), so `out` of n+1 fits.
    static func tokenHashes(_ s: UnsafeBufferPointer<UInt32>, into out: UnsafeMutableBufferPointer<UInt64>) -> Int {
        var n = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if isHan(c) {
                var j = i
                while j < s.count && isHan(s[j]) { j += 1 }
                if j - i == 1 {
                    out[n] = hash(s[i], 0); n += 1
                } else {
                    for k in i..<(j - 1) { out[n] = hash(s[k], s[k + 1]); n += 1 }
                }
                i = j
            } else if isWordScalar(c) {
                var h: UInt64 = 0xCBF2_9CE4_8422_2325
                var j = i
                while j < s.count && isWordScalar(s[j]) && !isHan(s[j]) {
                    h = (h ^ UInt64(s[j])) &* 0x0000_0100_0000_01B3
                    j += 1
                }
                out[n] = h; n += 1
                i = j
            } else {
                i += 1
            }
        }
        var tokens = UnsafeMutableBufferPointer(rebasing: out[0..<n])
        tokens.sort()
        var distinct = 0
        for k in 0..<n where k == 0 || tokens[k] != tokens[k - 1] {
            tokens[distinct] = tokens[k]
            distinct += 1
        }
        return distinct
    }

    @inline(__always) static func isHan(_ c: UInt32) -> Bool { (0x4E00...0x9FFF).contains(c) || (0x3400...0x4DBF).contains(c) }

    @inline(__always) static func isWordScalar(_ c: UInt32) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 38 || (c > 0x7F && c != 0x3000 && c != 0xB7)
    }

    @inline(__always) static func hash(_ a: UInt32, _ b: UInt32) -> UInt64 {
        (UInt64(a) << 32 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15 ^ 0xA5A5_0000_0000_0001
    }
}
