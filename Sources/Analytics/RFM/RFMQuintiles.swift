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
        let n = values.count
        var keys = [(Int64, Int32)]()
        keys.reserveCapacity(n)
        for i in 0..<n { keys.append((values[i], tieRank[i])) }
        var order = Array(0..<Int32(n))
        keys.withUnsafeBufferPointer { k in
            order.sort { a, b in
                let ka = k[Int(a)], kb = k[Int(b)]
                return ka.0 != kb.0 ? ka.0 < kb.0 : ka.1 < kb.1
            }
        }
        return assign(order)
    }

    /// Scores for double values where a larger value is better.
    static func scores(ascending values: [Double], tieRank: [Int32]) -> [UInt8] {
        let n = values.count
        var order = Array(0..<Int32(n))
        values.withUnsafeBufferPointer { v in
            tieRank.withUnsafeBufferPointer { t in
                order.sort { a, b in
                    let va = v[Int(a)], vb = v[Int(b)]
                    return va != vb ? va < vb : t[Int(a)] < t[Int(b)]
                }
            }
        }
        return assign(order)
    }

    private static func assign(_ order: [Int32]) -> [UInt8] {
        let n = order.count
        var score = [UInt8](repeating: 0, count: n)
        for (p, i) in order.enumerated() { score[Int(i)] = UInt8(1 + (5 * p) / n) }
        return score
    }
}
