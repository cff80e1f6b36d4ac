extension Table {
    /// The row pairs of an equi-join of self (left) with `right` on `keys` of self equal to
    /// `rightKeys` of `right` (the same names when nil), column by column. Keys may be of any
    /// type, the same on both sides; a null key matches nothing. The smaller table is hashed.
    /// Pairs are ordered by left row, then right row; see `JoinIndices`.
    public func joinIndices(
        _ right: Table, on keys: [String], rightKeys: [String]? = nil, kind: JoinKind = .inner
    ) throws(KernelError) -> JoinIndices {
        try joinIndices(right, on: keys, rightKeys: rightKeys, kind: kind, chunkSize: ParallelChunks.defaultSize)
    }

    /// `joinIndices` with the probe chunk size exposed, so tests can run many parallel chunks.
    func joinIndices(
        _ right: Table, on keys: [String], rightKeys: [String]?, kind: JoinKind, chunkSize: Int
    ) throws(KernelError) -> JoinIndices {
        let (l, r) = try joinKeyColumns(right, keys, rightKeys ?? keys)
        var join = HashJoin(leftKeys: l, rightKeys: r, leftRows: rowCount, rightRows: right.rowCount)
        join.chunkSize = chunkSize
        return join.run(kind)
    }

    /// The joined table: every column of self, then every column of `right` except its key
    /// columns (equal to the left keys wherever there is a match). A right column whose name is
    /// already taken gets the suffix `_right`. Right columns are null on unmatched left-join
    /// rows. The lineage is the left rows'.
    public func join(
        _ right: Table, on keys: [String], rightKeys: [String]? = nil, kind: JoinKind = .inner
    ) throws(KernelError) -> Table {
        let rightKeys = rightKeys ?? keys
        let pairs = try joinIndices(right, on: keys, rightKeys: rightKeys, kind: kind)
        // A left join on a unique right key keeps every left row once and in order (a lookup,
        // such as enriching customers with per-customer results): the left columns are shared
        // as they are instead of gathered into a copy of the whole left table.
        let keepsEveryLeftRowInOrder = pairs.left.count == rowCount && pairs.left.indices.allSatisfy { pairs.left[$0] == Int32($0) }
        var out = keepsEveryLeftRowInOrder ? self : gather(pairs.left.lazy.map { Int($0) })
        for (name, column) in zip(right.columnNames, right.columns) where !rightKeys.contains(name) {
            var outName = name
            if out.index(of: outName) != nil { outName += "_right" }
            if out.index(of: outName) != nil {
                throw .invalidArgument("join output would have two columns named \(outName)")
            }
            try? out.add(outName, column.gather(optionalRows: pairs.right))
        }
        return out
    }

    private func joinKeyColumns(
        _ right: Table, _ keys: [String], _ rightKeys: [String]
    ) throws(KernelError) -> ([Column], [Column]) {
        guard !keys.isEmpty, keys.count == rightKeys.count else {
            throw .invalidArgument("join needs the same number (at least one) of left and right keys, got \(keys.count) and \(rightKeys.count)")
        }
        var l = [Column](), r = [Column]()
        for (a, b) in zip(keys, rightKeys) {
            let x = try kernelColumn(a), y = try right.kernelColumn(b)
            guard x.type == y.type else { throw .keyTypeMismatch(left: a, leftType: x.type, right: b, rightType: y.type) }
            l.append(x)
            r.append(y)
        }
        return (l, r)
    }
}
