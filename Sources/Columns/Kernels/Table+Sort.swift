extension Table {
    /// The rows of `domain` (all rows when nil) in sorted order: by the first key, then the next…,
    /// nulls last for every key in either direction, and rows equal on every key in their original
    /// order (a stable sort). `gather` the result to get the sorted table.
    public func sortPermutation(by keys: [SortKey], within domain: SelectionVector? = nil) throws(KernelError) -> [Int] {
        let order = try sortColumns(keys)
        return order.sort(domain.map { $0.map { $0 } } ?? Array(0..<rowCount))
    }

    /// The table sorted by `keys` (see `sortPermutation`).
    public func sorted(by keys: [SortKey]) throws(KernelError) -> Table {
        gather(try sortPermutation(by: keys))
    }

    /// The first `k` rows of `sortPermutation(by: keys, within: domain)`, found with a k-element
    /// heap rather than a full sort.
    public func topK(_ k: Int, by keys: [SortKey], within domain: SelectionVector? = nil) throws(KernelError) -> [Int] {
        guard k > 0 else { return [] }
        let order = try sortColumns(keys)
        // A max-heap under `before`: the root is the worst row kept so far.
        var heap = [Int]()
        heap.reserveCapacity(k)
        func siftUp(_ i: Int) {
            var i = i
            while i > 0 {
                let parent = (i - 1) / 2
                guard order.before(heap[parent], heap[i]) else { return }
                heap.swapAt(parent, i)
                i = parent
            }
        }
        func siftDown(_ i: Int) {
            var i = i
            while true {
                let l = 2 * i + 1, r = l + 1
                var worst = i
                if l < heap.count && order.before(heap[worst], heap[l]) { worst = l }
                if r < heap.count && order.before(heap[worst], heap[r]) { worst = r }
                if worst == i { return }
                heap.swapAt(i, worst)
                i = worst
            }
        }
        func offer(_ row: Int) {
            if heap.count < k {
                heap.append(row)
                siftUp(heap.count - 1)
            } else if order.before(row, heap[0]) {
                heap[0] = row
                siftDown(0)
            }
        }
        if let domain {
            for r in domain { offer(r) }
        } else {
            for r in 0..<rowCount { offer(r) }
        }
        heap.sort { order.before($0, $1) }
        return heap
    }
}
