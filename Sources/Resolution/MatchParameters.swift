import Foundation

/// The fitted Fellegi–Sunter model: per field and agreement level, m = P(level | match) and
/// u = P(level | non-match), and the prior share of matches among candidate pairs. Written to
/// models.json by the pipeline, so every weight in a merge log can be recomputed.
public struct MatchParameters: Sendable, Equatable, Codable {
    public struct Field: Sendable, Equatable, Codable {
        public var column: String
        public var method: ComparisonMethod
        public var termFrequencyAdjusted: Bool
        /// Indexed by level: 0 = disagree … last = exact.
        public var m: [Double]
        public var u: [Double]

        /// log2(m/u) per level: the evidence each level adds, in bits.
        public var weights: [Double] { zip(m, u).map { log2($0 / $1) } }
    }

    public var fields: [Field]
    /// Prior probability that two records drawn at random are a match: EM's expected number of
    /// matches among candidate pairs over all n(n-1)/2 pairs.
    public var matchShare: Double
    /// Share of candidate pairs that EM judged matches (its λ).
    public var candidateMatchShare: Double
    public var emIterations: Int
    public var converged: Bool
    public var candidatePairs: Int
    public var randomPairs: Int
    /// Distinct comparison patterns EM ran over.
    public var patterns: Int

    /// log2 of the prior odds that a pair is a match.
    public var priorWeight: Double { log2(matchShare / (1 - matchShare)) }

    public static func probability(weight: Double) -> Double { 1 / (1 + exp2(-weight)) }
}
