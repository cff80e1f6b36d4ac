import Columns

/// A breakdown dimension of result tables: each row's group code, with codes numbered in output
/// order (labels in byte order, a null group last), so emitting groups in code order is deterministic.
struct Dimension: Sendable {
    var name: String
    var codes: [Int32]
    var labels: [String?]

    /// Groups by a string column; rows with a null or empty value form the last group (label nil).
    init(name: String, column: StringColumn) {
        let keys = DenseKeys(column)
        let order = keys.sortedOrder()
        var remap = [Int32](repeating: 0, count: keys.count)
        for (i, c) in order.enumerated() { remap[Int(c)] = Int32(i) }
        var labels: [String?] = order.map { keys.label($0) }
        let nullCode = Int32(labels.count)
        var hasNull = false
        codes = keys.codes.map { c in
            if c < 0 { hasNull = true; return nullCode }
            return remap[Int(c)]
        }
        if hasNull { labels.append(nil) }
        self.name = name
        self.labels = labels
    }

    /// Groups by calendar month (`YYYY-MM`) of a timestamp column; null timestamps form the last group.
    init(name: String, monthsOf seconds: PrimitiveColumn<Int64>) {
        let n = seconds.count
        var months = [Int32](repeating: 0, count: n)
        for r in 0..<n where seconds.validity.isValid(r) { months[r] = MonthIndex.of(second: seconds.values[r]) }
        // Distinct months by sorting (not a span-sized table: one corrupt year-9999 date must not
        // allocate a bucket per month in between).
        var distinct = (0..<n).filter { seconds.validity.isValid($0) }.map { months[$0] }
        distinct.sort()
        var unique: [Int32] = []
        for m in distinct where unique.last != m { unique.append(m) }
        var labels: [String?] = unique.map { MonthIndex.label($0) }
        let nullCode = Int32(labels.count)
        var hasNull = false
        codes = (0..<n).map { r in
            guard seconds.validity.isValid(r) else { hasNull = true; return nullCode }
            var lo = 0, hi = unique.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if unique[mid] < months[r] { lo = mid + 1 } else { hi = mid }
            }
            return Int32(lo)
        }
        if hasNull { labels.append(nil) }
        self.name = name
        self.labels = labels
    }

    /// Every row in one group labelled `label` (the "all" line of a breakdown).
    init(allRows n: Int, name: String = "all", label: String = "all") {
        self.name = name
        codes = [Int32](repeating: 0, count: n)
        labels = [label]
    }

    var groupCount: Int { labels.count }
}
