/// `min` or `max`, kept as the row holding the extreme value (the first such row on ties), so the
/// output is a gather of the input column and keeps its type, dictionary and all.
final class ExtremeState<Order: RowOrder>: AggregateState {
    private let order: Order
    private let input: Column
    private let wantMax: Bool
    private var best: [Int32] = []  // row, or -1 while the group has no non-null value

    init(_ order: Order, _ input: Column, max: Bool) {
        self.order = order
        self.input = input
        self.wantMax = max
    }

    /// Whether row `r` should replace the current best row `b`.
    @inline(__always)
    private func beats(_ r: Int, _ b: Int) -> Bool {
        wantMax ? order.less(b, r) : order.less(r, b)
    }

    func update(rows: UnsafeBufferPointer<Int32>, groups: UnsafeBufferPointer<Int32>, groupCount: Int) {
        best.pad(to: groupCount, with: -1)
        let validity = input.validity
        best.withUnsafeMutableBufferPointer { best in
            for i in 0..<rows.count {
                let r = Int(rows[i])
                guard validity.isValid(r) else { continue }
                let g = Int(groups[i])
                let b = best[g]
                if b < 0 || beats(r, Int(b)) { best[g] = Int32(r) }
            }
        }
    }

    func merge(_ other: any AggregateState, remap: UnsafeBufferPointer<Int32>, groupCount: Int) {
        let other = other as! ExtremeState<Order>
        best.pad(to: groupCount, with: -1)
        best.withUnsafeMutableBufferPointer { best in
            for g in 0..<other.best.count {
                let r = other.best[g]
                guard r >= 0 else { continue }
                let to = Int(remap[g])
                // Earlier chunks hold earlier rows, so keeping ours on a tie keeps the first row.
                if best[to] < 0 || beats(Int(r), Int(best[to])) { best[to] = r }
            }
        }
    }

    func finish(groupCount: Int) -> Column {
        best.pad(to: groupCount, with: -1)
        return input.gather(optionalRows: best)
    }
}
