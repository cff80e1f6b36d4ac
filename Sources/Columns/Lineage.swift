/// Where each row of a table came from: a source (file or query) and its physical line or row
/// number there. Kept beside the columns so every merge, quarantine and report row can be traced.
public struct Lineage: Sendable, Equatable {
    public private(set) var sources: [String]
    public var sourceIndex: [UInt16]
    public var line: [UInt32]

    public init(sources: [String] = [], sourceIndex: [UInt16] = [], line: [UInt32] = []) {
        self.sources = sources
        self.sourceIndex = sourceIndex
        self.line = line
    }

    public var count: Int { line.count }

    /// The index of `source`, adding it if new.
    public mutating func sourceID(_ source: String) -> UInt16 {
        if let i = sources.firstIndex(of: source) { return UInt16(i) }
        precondition(sources.count < Int(UInt16.max), "too many sources")
        sources.append(source)
        return UInt16(sources.count - 1)
    }

    public mutating func append(source: UInt16, line: UInt32) {
        sourceIndex.append(source)
        self.line.append(line)
    }

    public func source(of row: Int) -> String { sources[Int(sourceIndex[row])] }

    public func gather(_ rows: some Collection<Int>) -> Lineage {
        RowIndices.withChecked(rows, count: count) { gather(rows: $0) }
    }

    func gather(rows: UnsafeBufferPointer<Int>) -> Lineage {
        Lineage(sources: sources,
                sourceIndex: PrimitiveColumn(values: sourceIndex).gather(rows: rows).values,
                line: PrimitiveColumn(values: line).gather(rows: rows).values)
    }

    /// Appends `other`'s rows, remapping its source ids into ours.
    public mutating func append(contentsOf other: Lineage) {
        let remap = other.sources.map { sourceID($0) }
        for r in 0..<other.count { append(source: remap[Int(other.sourceIndex[r])], line: other.line[r]) }
    }
}
