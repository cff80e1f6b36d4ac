/// A span of a query's text, in Unicode scalars from its start: `start..<end`. Scalars rather
/// than bytes so that a caret under '华东' lands under the characters, not inside them.
public struct SourceRange: Equatable, Hashable, Sendable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }
}
