/// `count` (every row) or `countNonNull` (rows whose `validity` bit is set).
final class CountState: AggregateState {
    private let validity: Validity?
    private var counts: [Int64] = []

    init(validity: Validity?) {
        self.validity = validity?.words == nil ? nil : validity
    }

    func update(rows: UnsafeBufferPointer<Int32>, groups: UnsafeBufferPointer<Int32>, groupCount: Int) {
        counts.pad(to: groupCount, with: 0)
        counts.withUnsafeMutableBufferPointer { c in
            if let validity {
                for i in 0..<rows.count where validity.isValid(Int(rows[i])) { c[Int(groups[i])] += 1 }
            } else {
                for g in groups { c[Int(g)] += 1 }
            }
        }
    }

    func merge(_ other: any AggregateState, remap: UnsafeBufferPointer<Int32>, groupCount: Int) {
        let other = other as! CountState
        counts.pad(to: groupCount, with: 0)
        // Through buffers: element access to a class's array property pays a runtime exclusivity check.
        counts.withUnsafeMutableBufferPointer { c in
            other.counts.withUnsafeBufferPointer { o in
                for g in 0..<o.count { c[Int(remap[g])] += o[g] }
            }
        }
    }

    func finish(groupCount: Int) -> Column {
        counts.pad(to: groupCount, with: 0)
        return .int64(PrimitiveColumn(values: counts))
    }
}
