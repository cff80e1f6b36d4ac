/// Which rows a join keeps.
public enum JoinKind: String, Sendable, Hashable {
    /// Only pairs whose keys match.
    case inner
    /// Every left row: its matches, or once with no right row (`right == -1`) when it has none.
    case left
}

/// The result of a join as matching row pairs: left row `left[i]` goes with right row `right[i]`
/// (`-1` for a left-join row without a match). Pairs are ordered by left row, then right row.
public struct JoinIndices: Sendable, Equatable {
    public var left: [Int32]
    public var right: [Int32]

    public init(left: [Int32], right: [Int32]) {
        precondition(left.count == right.count, "join index arrays differ in length")
        self.left = left
        self.right = right
    }

    public var count: Int { left.count }
}
