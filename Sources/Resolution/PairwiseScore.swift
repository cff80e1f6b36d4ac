/// Pairwise precision and recall of a clustering against known truth: a pair of rows counts when
/// both put them together. The standard yardstick for entity resolution, computed by sorting
/// (no per-pair work), so it runs on a million rows.
public struct PairwiseScore: Sendable, Equatable {
    /// Pairs the truth puts together, the clustering puts together, and both.
    public var truePairs = 0, predictedPairs = 0, correctPairs = 0

    public var precision: Double { predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs) }
    public var recall: Double { truePairs == 0 ? 1 : Double(correctPairs) / Double(truePairs) }

    /// - Parameters:
    ///   - predicted: cluster label per row (e.g. `ResolutionResult.goldenIndex`).
    ///   - truth: true entity per row; rows with a negative entity are left out of both sides.
    public init(predicted: [Int32], truth: [Int]) {
        precondition(predicted.count == truth.count, "one label per row on both sides")
        var keys: [UInt64] = []
        keys.reserveCapacity(predicted.count)
        for (p, t) in zip(predicted, truth) where t >= 0 { keys.append(UInt64(UInt32(bitPattern: p)) << 32 | UInt64(UInt32(truncatingIfNeeded: t))) }
        keys.sort()
        correctPairs = Self.pairs(keys) { $0 }
        predictedPairs = Self.pairs(keys) { $0 >> 32 }
        var entities = keys.map { $0 & 0xFFFF_FFFF }
        entities.sort()
        truePairs = Self.pairs(entities) { $0 }
    }

    /// Sum of k(k-1)/2 over runs of equal `key` in sorted order.
    private static func pairs(_ sorted: [UInt64], key: (UInt64) -> UInt64) -> Int {
        var total = 0, run = 0
        var previous: UInt64? = nil
        for v in sorted {
            let k = key(v)
            if k == previous { run += 1 } else { total += run * (run - 1) / 2; run = 1; previous = k }
        }
        return total + run * (run - 1) / 2
    }
}
