import Columns

/// What entity resolution produced.
public struct ResolutionResult: Sendable {
    /// For every input row, the row of its golden record in `golden` (= its golden_id).
    public var goldenIndex: [Int32]
    /// One row per real-world customer: golden_id, member_count, then the input columns with
    /// survived values (typed as in the input). Its lineage is that of each cluster's core row.
    public var golden: Table
    /// golden_id and, per input column, the input row the golden value came from.
    public var goldenProvenance: Table
    /// One row per input row that was merged with others: golden_id, row, the record id, source,
    /// line, role (core/member), core_row, match_probability and match_weight against the core,
    /// matched_on, and `w_<field>`: each compared field's contribution in bits (null = missing).
    public var mergeLog: Table
    public var parameters: MatchParameters
    /// What the run had to decide or leave out: skipped rules and fields, refined and dropped
    /// blocks, detached members, EM convergence.
    public var notes: [String]
    public var candidatePairCount: Int
    /// Candidate pairs at or above the match threshold.
    public var linkedPairCount: Int
    public var threshold: Double
    /// Wall-clock seconds per phase (prepare, block, compare, estimate, score, cluster, golden).
    public var timings: [PhaseTiming]

    let scorer: PairScorer?

    /// The match probability of any two input rows under the fitted model.
    public func matchProbability(_ rowA: Int, _ rowB: Int) -> Double {
        scorer?.probability(rowA, rowB) ?? 0
    }

    /// Field by field, why two input rows do or do not match.
    public func explain(_ rowA: Int, _ rowB: Int) -> String {
        guard let scorer else {
            return "rows \(rowA) and \(rowB) cannot be explained: no fields were compared, or the run did not keep its model (keepsExplanations)"
        }
        return Explanation(scorer: scorer, threshold: threshold, sameCluster: goldenIndex[rowA] == goldenIndex[rowB]).text(rowA, rowB)
    }
}

public struct PhaseTiming: Sendable, Equatable, Codable {
    public var phase: String
    public var seconds: Double
}

public enum ResolutionError: Error, Equatable, CustomStringConvertible {
    case noComparableColumns(available: [String])
    case tooManyRows(Int)

    public var description: String {
        switch self {
        case .noComparableColumns(let a):
            "entity resolution: none of the compared columns is in the table (columns: \(a.joined(separator: ", ")))"
        case .tooManyRows(let n): "entity resolution: \(n) rows is more than 2^31-1"
        }
    }
}
