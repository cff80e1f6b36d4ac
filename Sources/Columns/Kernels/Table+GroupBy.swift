extension Table {
    /// Hash group-by: one output row per distinct combination of the `keys` columns among `domain`
    /// (all rows when nil), with the key columns first (same names and types as the input) and
    /// then one column per aggregate, named `Aggregate.name`.
    ///
    /// - Groups appear in **first-seen order**: the order of each group's first row in the input.
    /// - Null is a key value of its own: rows whose key is null form one group (per combination).
    /// - Doubles group by value: 0.0 and -0.0 are one group, all NaNs are one group.
    /// - With no keys the result has exactly one row, even over no rows (`count` 0, `sum` null).
    /// - Large inputs run on all cores as fixed-size chunks aggregated separately and merged in
    ///   chunk order; the result, floating-point sums included, is the same as on one core. When
    ///   the first chunk shows about one group per few rows, the rest runs as one chunk instead.
    public func groupBy(
        _ keys: [String], aggregates: [Aggregate], within domain: SelectionVector? = nil
    ) throws(KernelError) -> Table {
        try groupBy(keys, aggregates: aggregates, within: domain, chunkSize: ParallelChunks.defaultSize, parallel: true)
    }

    /// `groupBy` with the chunking exposed, so tests can compare many small chunks run in parallel
    /// with the same chunks run one after another.
    func groupBy(
        _ keys: [String], aggregates: [Aggregate], within domain: SelectionVector?, chunkSize: Int, parallel: Bool
    ) throws(KernelError) -> Table {
        let outputNames = keys + aggregates.map(\.name)
        if let dup = firstDuplicate(outputNames) {
            throw .invalidArgument("group-by output would have two columns named \(dup)")
        }
        guard keys.count < 64 else { throw .invalidArgument("group-by on \(keys.count) keys; at most 63") }
        var keyColumns = [Column]()
        for k in keys { keyColumns.append(try kernelColumn(k)) }
        var factories = [() -> any AggregateState]()
        for a in aggregates { factories.append(try a.stateFactory(over: self)) }

        let matrix = GroupKeyMatrix(keyColumns, rowCount: rowCount)
        let n = domain?.count ?? rowCount
        let chunks = ParallelChunks.ranges(count: n, size: chunkSize)
        var partials = [PartialGroups]()
        if let head = chunks.first {
            let first = PartialGroups(chunk: head, domain: domain, matrix: matrix, factories: factories)
            partials.append(first)
            if chunks.count > 1 && first.keys.count * 4 > head.count {
                // Many groups per row (customer ids): every chunk would hold most of its rows as
                // groups, and merging them would cost as much as grouping, so the rest is one chunk.
                // The choice depends only on the data, never on the core count.
                partials.append(PartialGroups(chunk: head.upperBound..<n, domain: domain, matrix: matrix, factories: factories))
            } else {
                let rest = Array(chunks.dropFirst())
                partials += ParallelChunks.map(rest.count, parallel: parallel) { i in
                    PartialGroups(chunk: rest[i], domain: domain, matrix: matrix, factories: factories)
                }
            }
        }

        var global = partials.first ?? PartialGroups(width: matrix.width, factories: factories)
        for p in partials.dropFirst() { global.absorb(p) }
        let groupCount = keys.isEmpty ? 1 : global.keys.count

        var columns = [(String, Column)]()
        for (k, c) in zip(keys, keyColumns) {
            columns.append((k, c.gather(global.firstRow.lazy.map { Int($0) })))
        }
        for (a, state) in zip(aggregates, global.states) {
            columns.append((a.name, try state.finish(groupCount: groupCount)))
        }
        // Every column has `groupCount` rows and the names were checked unique above.
        var out = Table(name: name, rowCount: groupCount)
        for (n, c) in columns { try! out.add(n, c) }
        return out
    }
}

private func firstDuplicate(_ names: [String]) -> String? {
    var seen = Set<String>()
    for n in names where !seen.insert(n).inserted { return n }
    return nil
}

/// Every row's group key as `width` words: a null mask (bit j = key j is null) then one
/// `KeyEncoder` word per key column, row-major so a row's key is one contiguous run.
struct GroupKeyMatrix: @unchecked Sendable {
    let width: Int
    let words: [UInt64]
    /// Set for a single key whose words, less `denseBase`, all fall below this count: a string
    /// or bool key, or an integer/date key of narrow range. Group ids are then found by direct
    /// indexing instead of hashing (the common "group by stage", "by customer_id", "by month").
    let denseCardinality: Int?
    let denseBase: UInt64

    init(_ columns: [Column], rowCount: Int) {
        let width = columns.count + 1
        self.width = width
        var words = [UInt64](repeating: 0, count: rowCount * width)
        var dense: Int? = nil
        var base: UInt64 = 0
        for (j, column) in columns.enumerated() {
            var interner = ByteInterner()
            let encoded = KeyEncoder.words(column, interner: &interner)
            if columns.count == 1 {
                switch column.type {
                case .string: dense = interner.count
                case .bool: dense = 2
                case .int64, .timestamp, .date:
                    if let (lo, span) = Self.narrowRange(encoded, column.validity, limit: Swift.max(rowCount, 1024)) {
                        dense = span
                        base = lo
                    }
                case .double: break
                }
            }
            let validity = column.validity
            let bit = UInt64(1) << UInt64(j)
            words.withUnsafeMutableBufferPointer { w in
                for r in 0..<rowCount {
                    if validity.isValid(r) {
                        w[r * width + 1 + j] = encoded[r]
                    } else {
                        w[r * width] |= bit
                    }
                }
            }
        }
        self.words = words
        denseCardinality = dense
        denseBase = base
    }

    /// The smallest valid value's word and the number of values from it to the largest, when
    /// that is at most `limit` (words are two's-complement integers).
    private static func narrowRange(_ words: [UInt64], _ validity: Validity, limit: Int) -> (UInt64, Int)? {
        var lo = Int64.max, hi = Int64.min
        for (r, w) in words.enumerated() where validity.isValid(r) {
            let v = Int64(bitPattern: w)
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
        }
        guard lo <= hi else { return (0, 0) }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, span < limit else { return nil }
        return (UInt64(bitPattern: lo), Int(span) + 1)
    }
}

/// The groups of one chunk of rows: their keys in first-seen order, each group's first row, and
/// one aggregate state per aggregate.
struct PartialGroups: @unchecked Sendable {
    var keys: KeyTable
    var firstRow: [Int32] = []
    let states: [any AggregateState]

    init(width: Int, factories: [() -> any AggregateState]) {
        keys = KeyTable(width: width)
        states = factories.map { $0() }
    }

    init(chunk: Range<Int>, domain: SelectionVector?, matrix: GroupKeyMatrix, factories: [() -> any AggregateState]) {
        self.init(width: matrix.width, factories: factories)
        let rows: [Int32] = domain.map { Array($0.rows[chunk]) } ?? chunk.map { Int32($0) }
        var groups = [Int32](repeating: 0, count: rows.count)
        let width = matrix.width
        matrix.words.withUnsafeBufferPointer { w in
            if let dense = matrix.denseCardinality {
                // Slot = the key's word, or `dense` for null; the key table is touched once per group.
                var idOf = [Int32](repeating: -1, count: dense + 1)
                idOf.withUnsafeMutableBufferPointer { idOf in
                    for (i, r) in rows.enumerated() {
                        let base = Int(r) * width
                        let slot = w[base] != 0 ? dense : Int(truncatingIfNeeded: w[base + 1] &- matrix.denseBase)
                        var id = idOf[slot]
                        if id < 0 {
                            id = keys.findOrInsert(UnsafeBufferPointer(rebasing: w[base..<base + width])).id
                            idOf[slot] = id
                            firstRow.append(r)
                        }
                        groups[i] = id
                    }
                }
            } else {
                for (i, r) in rows.enumerated() {
                    let key = UnsafeBufferPointer(rebasing: w[Int(r) * width..<(Int(r) + 1) * width])
                    let (id, inserted) = keys.findOrInsert(key)
                    if inserted { firstRow.append(r) }
                    groups[i] = id
                }
            }
        }
        rows.withUnsafeBufferPointer { r in
            groups.withUnsafeBufferPointer { g in
                for s in states { s.update(rows: r, groups: g, groupCount: keys.count) }
            }
        }
    }

    /// Folds in the groups of a later chunk.
    mutating func absorb(_ other: PartialGroups) {
        var remap = [Int32](repeating: 0, count: other.keys.count)
        for g in 0..<other.keys.count {
            let (id, inserted) = other.keys.withKey(g) { keys.findOrInsert($0) }
            if inserted { firstRow.append(other.firstRow[g]) }
            remap[g] = id
        }
        remap.withUnsafeBufferPointer { m in
            for (mine, theirs) in zip(states, other.states) { mine.merge(theirs, remap: m, groupCount: keys.count) }
        }
    }
}
