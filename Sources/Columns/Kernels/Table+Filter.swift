extension Table {
    /// The rows that satisfy `predicate`, among `domain` (all rows when nil) — pass an earlier
    /// selection to refine it. `and` evaluates its right side only on the rows its left side kept,
    /// so put the most selective test first.
    public func filter(_ predicate: Predicate, within domain: SelectionVector? = nil) throws(KernelError) -> SelectionVector {
        switch predicate {
        case .column(let name, let condition):
            return try kernelColumn(name).select(condition, within: domain, name: name)
        case .and(let a, let b):
            let left = try filter(a, within: domain)
            if left.isEmpty { return left }
            return try filter(b, within: left)
        case .or(let a, let b):
            return try filter(a, within: domain).union(try filter(b, within: domain))
        case .not(let a):
            let inner = try filter(a, within: domain)
            return (domain ?? SelectionVector(all: rowCount)).subtracting(inner)
        }
    }
}
