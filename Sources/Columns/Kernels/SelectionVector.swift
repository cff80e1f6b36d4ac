/// The rows a filter kept: strictly increasing row indices into one table. Filters produce it,
/// `and`/`or`/`not` combine it as sets, and every other kernel accepts one to work on a subset
/// without copying columns. Indices are stored as `Int32` (tables are capped at 2³¹ rows by the
/// 32-bit string offsets anyway), halving the memory of a selection over `Int`.
public struct SelectionVector: Sendable, Equatable, RandomAccessCollection {
    public private(set) var rows: [Int32]

    /// `rows` must be strictly increasing and non-negative.
    public init(rows: [Int32]) {
        self.rows = rows
        assert(zip(rows, rows.dropFirst()).allSatisfy { $0 < $1 }, "selection rows must be strictly increasing")
    }

    /// Every row of a table of `rowCount` rows.
    public init(all rowCount: Int) {
        precondition(rowCount <= Int(Int32.max), "table too large for a selection vector")
        rows = (0..<Int32(rowCount)).map { $0 }
    }

    public static let empty = SelectionVector(rows: [])

    public var startIndex: Int { 0 }
    public var endIndex: Int { rows.count }

    @inline(__always)
    public subscript(position: Int) -> Int { Int(rows[position]) }

    /// Rows in both selections.
    public func intersection(_ other: SelectionVector) -> SelectionVector {
        var out = [Int32]()
        out.reserveCapacity(Swift.min(rows.count, other.rows.count))
        rows.withUnsafeBufferPointer { a in
            other.rows.withUnsafeBufferPointer { b in
                var i = 0, j = 0
                while i < a.count && j < b.count {
                    let x = a[i], y = b[j]
                    if x == y {
                        out.append(x)
                        i += 1
                        j += 1
                    } else if x < y {
                        i += 1
                    } else {
                        j += 1
                    }
                }
            }
        }
        return SelectionVector(rows: out)
    }

    /// Rows in either selection.
    public func union(_ other: SelectionVector) -> SelectionVector {
        var out = [Int32]()
        out.reserveCapacity(rows.count + other.rows.count)
        rows.withUnsafeBufferPointer { a in
            other.rows.withUnsafeBufferPointer { b in
                var i = 0, j = 0
                while i < a.count && j < b.count {
                    let x = a[i], y = b[j]
                    if x == y {
                        out.append(x)
                        i += 1
                        j += 1
                    } else if x < y {
                        out.append(x)
                        i += 1
                    } else {
                        out.append(y)
                        j += 1
                    }
                }
                if i < a.count { out.append(contentsOf: a[i...]) }
                if j < b.count { out.append(contentsOf: b[j...]) }
            }
        }
        return SelectionVector(rows: out)
    }

    /// Rows of self that are not in `other`.
    public func subtracting(_ other: SelectionVector) -> SelectionVector {
        var out = [Int32]()
        out.reserveCapacity(rows.count)
        rows.withUnsafeBufferPointer { a in
            other.rows.withUnsafeBufferPointer { b in
                var j = 0
                for x in a {
                    while j < b.count && b[j] < x { j += 1 }
                    if j < b.count && b[j] == x { continue }
                    out.append(x)
                }
            }
        }
        return SelectionVector(rows: out)
    }

    /// Rows of `0..<rowCount` not in self.
    public func complement(rowCount: Int) -> SelectionVector {
        SelectionVector(all: rowCount).subtracting(self)
    }
}

extension Table {
    /// The selected rows of every column (and of the lineage), in row order.
    public func gather(_ selection: SelectionVector) -> Table {
        gatherRows(selection)
    }

    private func gatherRows<C: Collection<Int>>(_ rows: C) -> Table { gather(rows) }
}
