import Columns

/// A related table's rows tied to the base rows they belong to by `customer_id`, computed once
/// per query with the hash-join kernel. Usually every related row belongs to at most one base
/// row and the frame is the related table itself; when the base table repeats a key, a related
/// row belongs to each of those base rows (as in SQL) and the frame lists the joined pairs.
struct RelatedRows {
    static let key = "customer_id"

    let frame: Frame
    /// Frame rows that belong to some base row; nil when all do.
    let domain: SelectionVector?

    init(base: Table, related: Table, at range: SourceRange) throws(QueryError) {
        guard let baseKey = base[Self.key] else {
            throw QueryError("\(base.name) has no \(Self.key) column, so \(related.name) cannot be related to it", at: range)
        }
        guard let relatedKey = related[Self.key] else {
            throw QueryError("\(related.name) has no \(Self.key) column, so its rows cannot be matched to \(base.name)", at: range)
        }
        guard baseKey.type == relatedKey.type else {
            throw QueryError(
                "\(base.name).\(Self.key) is \(baseKey.type.rawValue) but \(related.name).\(Self.key) is \(relatedKey.type.rawValue)", at: range)
        }
        let pairs: JoinIndices
        do {
            pairs = try base.joinIndices(related, on: [Self.key])
        } catch {
            throw QueryError("cannot join \(related.name) to \(base.name): \(error)", at: range)
        }
        var owner = [Int32](repeating: -1, count: related.rowCount)
        var repeated = false
        pairs.left.withUnsafeBufferPointer { l in
            pairs.right.withUnsafeBufferPointer { r in
                owner.withUnsafeMutableBufferPointer { o in
                    for i in 0..<l.count {
                        let row = Int(r[i])
                        if o[row] >= 0 { repeated = true }
                        o[row] = l[i]
                    }
                }
            }
        }
        if repeated {
            frame = Frame(table: related, relatedName: related.name, rows: pairs.right, owner: pairs.left, rowCount: pairs.count)
            domain = nil
            return
        }
        frame = Frame(table: related, relatedName: related.name, rows: nil, owner: owner, rowCount: related.rowCount)
        if pairs.count == related.rowCount {
            domain = nil
        } else {
            var rows = [Int32]()
            rows.reserveCapacity(pairs.count)
            for (i, o) in owner.enumerated() where o >= 0 { rows.append(Int32(i)) }
            domain = SelectionVector(rows: rows)
        }
    }
}
