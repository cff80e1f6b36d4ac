/// Rank-based quintile scores 1–5.
///
/// Customers are ranked by value ascending (best last) with ties broken by customer id in byte
/// order; the customer at 0-based rank p of n gets score 1 + ⌊5p / n⌋. This is the "rank, then cut
/// into five equal-count groups" construction of Hughes' RFM scoring (A. M. Hughes, *Strategic
/// Database Marketing*, 1994) as usually implemented (`pd.qcut(x.rank(method="first"), 5)`),
/// with the arbitrary "first occurrence" tie rule replaced by the customer id so the result does
/// not depend on row order. Consequence, by design: equal values may get different scores when a
/// tie straddles a quintile boundary; the analysis notes when a whole dimension is tied.
enum RFMQuintiles {
    /// Scores for integer values where a larger value is better, `tieRank[i]` the id order of item i.
    static func scores(ascending values: [Int64], tieRank: [Int32]) -> [UInt8] {
        scores(keys: values.map { UInt64(bitPattern: $0) ^ (1 << 63) }, tieRank: tieRank)
    }

    /// Scores for double values where a larger value is better.
    static func scores(ascending values: [Double], tieRank: [Int32]) -> [UInt8] {
        scores(keys: values.map(orderedBits), tieRank: tieRank)
    }

    /// The bits of `v` as an unsigned integer that sorts like the double (−0 taken as +0).
    @inline(__always)
    static func orderedBits(_ v: Double) -> UInt64 {
        let b = (v == 0 ? 0.0 : v).bitPattern
        return b & (1 << 63) != 0 ? ~b : b | (1 << 63)
    }

    /// (key, tie) pairs sorted as plain integers: no comparison closure per step.
    private struct Ranked: Comparable {
        var key: UInt64
        var tie: Int32
        var item: Int32
        static func < (a: Ranked, b: Ranked) -> Bool { a.key != b.key ? a.key < b.key : a.tie < b.tie }
    }

    private static func scores(keys: [UInt64], tieRank: [Int32]) -> [UInt8] {
        let n = keys.count
        var ranked = [Ranked]()
        ranked.reserveCapacity(n)
        for i in 0..<n { ranked.append(Ranked(key: keys[i], tie: tieRank[i], item: Int32(i))) }
        ranked.sort()
        var score = [UInt8](repeating: 0, count: n)
        for (p, r) in ranked.enumerated() { score[Int(r.item)] = UInt8(1 + (5 * p) / n) }
        return score
    }
}
