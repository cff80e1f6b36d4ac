import Columns

/// A condition evaluated over a domain of rows, with SQL's three values: the rows where it is
/// true, and those where it is unknown (null); the rest of the domain is false. A query keeps
/// the true rows. Tracking unknown separately is what makes `not` and `or` agree with SQL:
/// `not (region = '华东')` does not select rows whose region is null.
struct Truth: Equatable {
    var yes: SelectionVector
    var unknown: SelectionVector

    static let none = Truth(yes: .empty, unknown: .empty)

    /// Every row of `domain` (all `rowCount` rows when nil).
    static func all(_ domain: SelectionVector?, rowCount: Int) -> SelectionVector {
        domain ?? SelectionVector(all: rowCount)
    }

    /// A constant condition over a domain: true, false or null everywhere.
    static func constant(_ value: Bool?, _ domain: SelectionVector?, rowCount: Int) -> Truth {
        switch value {
        case true?: Truth(yes: all(domain, rowCount: rowCount), unknown: .empty)
        case false?: .none
        case nil: Truth(yes: .empty, unknown: all(domain, rowCount: rowCount))
        }
    }

    /// Rows where the condition is true or unknown: the only rows a conjunction still needs to look at.
    var undecided: SelectionVector { unknown.isEmpty ? yes : yes.union(unknown) }

    /// SQL `not`: false ↔ true, unknown stays unknown.
    func negated(within domain: SelectionVector?, rowCount: Int) -> Truth {
        let all = Truth.all(domain, rowCount: rowCount)
        return Truth(yes: all.subtracting(undecided), unknown: unknown)
    }

    /// SQL `and` of self with `next`, where `next` was evaluated within `self.undecided`.
    func and(_ next: Truth) -> Truth {
        let yes = self.yes.intersection(next.yes)
        var unknown = next.unknown
        if !self.unknown.isEmpty { unknown = unknown.union(next.yes.intersection(self.unknown)) }
        return Truth(yes: yes, unknown: unknown)
    }

    /// SQL `or` of self with `next`, where `next` was evaluated within the rows self left not true.
    func or(_ next: Truth) -> Truth {
        let yes = self.yes.union(next.yes)
        var unknown = self.unknown.isEmpty ? next.unknown : self.unknown.union(next.unknown)
        if !next.yes.isEmpty && !unknown.isEmpty { unknown = unknown.subtracting(next.yes) }
        return Truth(yes: yes, unknown: unknown)
    }

    /// As a boolean column of `rowCount` rows (unknown → null; rows outside the domain → false).
    func column(rowCount: Int) -> Column {
        var values = [Bool](repeating: false, count: rowCount)
        for r in yes.rows { values[Int(r)] = true }
        var validity = Validity(allValid: rowCount)
        for r in unknown.rows { validity.set(Int(r), valid: false) }
        return .bool(PrimitiveColumn(values: values, validity: validity))
    }
}
