extension Table {
    /// 1-based position of each row in `sortPermutation(by: keys, within: domain)`: ties on every
    /// key are ranked by row order (the earlier row gets the smaller rank), so ranks are 1…n with
    /// no gaps or repeats. Rows outside `domain` are null.
    public func ordinalRank(by keys: [SortKey], within domain: SelectionVector? = nil) throws(KernelError) -> PrimitiveColumn<Int64> {
        let order = try sortPermutation(by: keys, within: domain)
        return rankColumn(order) { position, _ in Int64(position + 1) }
    }

    /// Dense rank: rows equal on every key (nulls equal to nulls) share a rank, and the ranks are
    /// 1, 2, 3… without gaps. Rows outside `domain` are null.
    public func denseRank(by keys: [SortKey], within domain: SelectionVector? = nil) throws(KernelError) -> PrimitiveColumn<Int64> {
        let columns = try sortColumns(keys)
        let order = columns.sort(domain.map { $0.map { $0 } } ?? Array(0..<rowCount))
        var rank: Int64 = 0
        return rankColumn(order) { position, row in
            if position == 0 || columns.compareKeys(order[position - 1], row) != 0 { rank += 1 }
            return rank
        }
    }

    /// Buckets 1…`buckets` of equal size over the sorted rows, as SQL's `NTILE`: with m rows, the
    /// first m mod `buckets` buckets hold one row more than the others, and bucket 1 holds the rows
    /// that sort first. Rows tied on every key are split by row order, so a bucket boundary can
    /// fall inside a tie — add a secondary key (e.g. the customer id) to decide such ties by a rule
    /// of yours. Quintile scores are `ntile(5, …)`; sort descending to give the best rows bucket 1.
    /// Null keys sort last, so their rows land in the last buckets; pass a `domain` without them
    /// if they should get no bucket. Rows outside `domain` are null.
    public func ntile(_ buckets: Int, by keys: [SortKey], within domain: SelectionVector? = nil) throws(KernelError) -> PrimitiveColumn<Int64> {
        guard buckets > 0 else { throw .invalidArgument("ntile needs at least one bucket, got \(buckets)") }
        let order = try sortPermutation(by: keys, within: domain)
        let m = order.count
        let small = m / buckets, large = small + 1
        let largeRows = (m % buckets) * large
        return rankColumn(order) { p, _ in
            Int64(p < largeRows ? p / large + 1 : m % buckets + (p - largeRows) / Swift.max(small, 1) + 1)
        }
    }

    /// A column of this table's length holding `value(position, row)` at each row of `order`
    /// and null elsewhere.
    private func rankColumn(_ order: [Int], _ value: (Int, Int) -> Int64) -> PrimitiveColumn<Int64> {
        var values = [Int64](repeating: 0, count: rowCount)
        var validity = Validity(allValid: rowCount)
        if order.count < rowCount {
            validity = Validity(bits: [Bool](repeating: false, count: rowCount))
        }
        for (p, row) in order.enumerated() {
            values[row] = value(p, row)
            if order.count < rowCount { validity.set(row, valid: true) }
        }
        return PrimitiveColumn(values: values, validity: validity)
    }
}
