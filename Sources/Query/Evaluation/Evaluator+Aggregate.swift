import Columns

extension Evaluator {
    /// `count(orders where …)`, `sum(orders.amount where …)`: one value per base row, computed
    /// once for the query. The related rows are tied to base rows through the join (`RelatedRows`),
    /// the `where` runs vectorized over all related rows at once, and one pass over the kept rows
    /// adds each into its owner's slot. As in SQL, `count` of no rows is 0 and `sum`, `avg`,
    /// `min`, `max` of no non-null values are null.
    func aggregate(_ a: Aggregate, at range: SourceRange) throws(QueryError) -> Column {
        let relation = try relatedRows(a.table, at: a.tableRange)
        let frame = relation.frame
        note("\(a.function.rawValue)(\(a.table)\(a.field.map { "." + $0 } ?? "")): per-customer column over \(frame.rowCount) \(a.table) rows")
        traceDepth += 1
        defer { traceDepth -= 1 }
        let kept: SelectionVector
        if let filter = a.filter {
            kept = try truth(of: filter, in: frame, within: relation.domain).yes
        } else {
            kept = relation.domain ?? SelectionVector(all: frame.rowCount)
        }
        note("scatter \(kept.count) kept rows into \(base.rowCount) customer slots")
        let owner = frame.owner!
        let n = base.rowCount
        guard let field = a.field else { return .int64(AggregateScatter.count(kept, owner, n, validity: nil)) }
        guard let column = frame.ownColumn(field) else { throw QueryError("\(a.table) has no column '\(field)'", at: a.fieldRange ?? range) }
        switch a.function {
        case .count: return .int64(AggregateScatter.count(kept, owner, n, validity: column.validity))
        case .sum, .avg:
            switch column {
            case .int64(let c):
                let (sums, counts) = try AggregateScatter.intSums(kept, owner, n, c, at: a.fieldRange ?? range)
                if a.function == .sum { return .int64(sums) }
                return .double(AggregateScatter.mean(sums.values.map { Double($0) }, counts))
            case .double(let c):
                let (sums, counts) = AggregateScatter.doubleSums(kept, owner, n, c)
                return .double(a.function == .sum ? sums : AggregateScatter.mean(sums.values, counts))
            default:
                throw QueryError("\(a.function.rawValue)() needs numbers", at: a.fieldRange ?? range)
            }
        case .min, .max:
            return AggregateScatter.extreme(kept, owner, n, column, max: a.function == .max)
        }
    }

    func relatedRows(_ name: String, at range: SourceRange) throws(QueryError) -> RelatedRows {
        if let r = relations[name] { return r }
        guard let table = related.first(where: { $0.name == name }) else {
            throw QueryError("'\(name)' is not a related table", at: range)
        }
        let r: RelatedRows
        if let owner = owners[name], owner.count == table.rowCount {
            r = RelatedRows(base: base, related: table, owner: owner)
            note("join \(base.name) ↔ \(name): the snapshot's precomputed owner rows (\(name).customer_rows), no hashing")
        } else {
            r = try RelatedRows(base: base, related: table, at: range)
            note("join \(base.name).\(RelatedRows.key) ↔ \(name).\(RelatedRows.key) (once per query): "
                + (r.usedKernel ? "kernel Table.joinIndices" : "unique ids interned, one lookup per \(name) row on both cores"))
        }
        relations[name] = r
        return r
    }
}
