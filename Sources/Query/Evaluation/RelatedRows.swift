import Columns
import Foundation

/// A related table's rows tied to the base rows they belong to by `customer_id`, computed once
/// per query with the hash-join kernel. Usually every related row belongs to at most one base
/// row and the frame is the related table itself; when the base table repeats a key, a related
/// row belongs to each of those base rows (as in SQL) and the frame lists the joined pairs.
///
/// String keys with unique base values (the usual customer_id) take a direct path: the base ids
/// are interned once, and each related row's id is looked up in that table (both cores, each
/// on its half of the rows), giving its owner without materialising join pairs. Other keys use
/// the hash-join kernel.
struct RelatedRows {
    static let key = "customer_id"

    let frame: Frame
    /// Frame rows that belong to some base row; nil when all do.
    let domain: SelectionVector?
    /// Whether the hash-join kernel made the pairs (else the unique-string-key path did).
    let usedKernel: Bool

    /// From a precomputed join: `owner[r]` is related row r's base row, -1 for none (checked
    /// to lie in the base table when it was read).
    init(base: Table, related: Table, owner: [Int32]) {
        frame = Frame(table: related, relatedName: related.name, rows: nil, owner: owner, rowCount: related.rowCount)
        domain = Self.ownedRows(owner)
        usedKernel = false
    }

    /// The rows with an owner; nil when all have one.
    static func ownedRows(_ owner: [Int32]) -> SelectionVector? {
        var orphans = 0
        owner.withUnsafeBufferPointer { o in
            for x in o where x < 0 { orphans += 1 }
        }
        if orphans == 0 { return nil }
        var rows = [Int32]()
        rows.reserveCapacity(owner.count - orphans)
        owner.withUnsafeBufferPointer { o in
            for i in 0..<o.count where o[i] >= 0 { rows.append(Int32(i)) }
        }
        return SelectionVector(rows: rows)
    }

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
        if case .string(let b) = baseKey, case .string(let r) = relatedKey, let owner = Self.uniqueStringOwners(b, r) {
            frame = Frame(table: related, relatedName: related.name, rows: nil, owner: owner, rowCount: related.rowCount)
            domain = Self.ownedRows(owner)
            usedKernel = false
            return
        }
        usedKernel = true
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

    /// Each related row's base row (-1 for none or a null key), when every non-null base key is
    /// distinct; nil when some base key repeats.
    static func uniqueStringOwners(_ base: StringColumn, _ related: StringColumn) -> [Int32]? {
        guard let index = UniqueKeyIndex(base) else { return nil }
        let n = related.count
        var owner = [Int32](repeating: -1, count: n)
        let validity = related.validity
        switch related.storage {
        case .dictionary(let codes, let dict):
            var ownerOfCode = [Int32](repeating: -1, count: dict.count)
            ownerOfCode.withUnsafeMutableBufferPointer { index.lookUp(dict, validity: Validity(allValid: dict.count), range: 0..<dict.count, into: $0) }
            for r in 0..<n where validity.isValid(r) { owner[r] = ownerOfCode[Int(codes[r])] }
        case .plain(let buffer):
            let chunks = n >= 1 << 16 ? 2 : 1
            let size = (n + chunks - 1) / chunks
            owner.withUnsafeMutableBufferPointer { out in
                let out = UncheckedBuffer(out)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    index.lookUp(buffer, validity: validity, range: (c * size)..<min(n, (c + 1) * size), into: out.base)
                }
            }
        }
        return owner
    }
}

/// A buffer each parallel chunk writes a disjoint range of.
private struct UncheckedBuffer: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Int32>
    init(_ base: UnsafeMutableBufferPointer<Int32>) { self.base = base }
}
