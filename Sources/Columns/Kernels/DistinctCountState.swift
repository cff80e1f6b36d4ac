/// `countDistinct`: the set of (group, value word) pairs seen, counted per group at the end.
/// Values are compared by their `KeyEncoder` words, so strings compare by interned code.
final class DistinctCountState: AggregateState {
    private let words: [UInt64]
    private let validity: Validity
    private var pairs = KeyTable(width: 2)

    init(words: [UInt64], validity: Validity) {
        self.words = words
        self.validity = validity
    }

    func update(rows: UnsafeBufferPointer<Int32>, groups: UnsafeBufferPointer<Int32>, groupCount: Int) {
        var pair: (UInt64, UInt64) = (0, 0)
        withPairs { pairs in
            words.withUnsafeBufferPointer { w in
                for i in 0..<rows.count {
                    let r = Int(rows[i])
                    guard validity.isValid(r) else { continue }
                    pair = (UInt64(groups[i]), w[r])
                    withUnsafeBytes(of: &pair) { _ = pairs.findOrInsert($0.bindMemory(to: UInt64.self)) }
                }
            }
        }
    }

    func merge(_ other: any AggregateState, remap: UnsafeBufferPointer<Int32>, groupCount: Int) {
        let other = other as! DistinctCountState
        var pair: (UInt64, UInt64) = (0, 0)
        let theirs = other.pairs
        withPairs { pairs in
            for id in 0..<theirs.count {
                let (g, w) = theirs.withKey(id) { ($0[0], $0[1]) }
                pair = (UInt64(remap[Int(g)]), w)
                withUnsafeBytes(of: &pair) { _ = pairs.findOrInsert($0.bindMemory(to: UInt64.self)) }
            }
        }
    }

    /// Mutates the pair table as a local value: a class property would pay a runtime
    /// exclusivity check on every insert.
    private func withPairs(_ body: (inout KeyTable) -> Void) {
        var local = pairs
        pairs = KeyTable(width: 2, capacity: 0)
        body(&local)
        pairs = local
    }

    func finish(groupCount: Int) -> Column {
        var counts = [Int64](repeating: 0, count: groupCount)
        for id in 0..<pairs.count { counts[Int(pairs.withKey(id) { $0[0] })] += 1 }
        return .int64(PrimitiveColumn(values: counts))
    }
}
