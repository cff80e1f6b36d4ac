/// A fully parenthesised prefix form, `(and (= region '华东') (>= (count orders …) 3))`, which
/// shows exactly how the parser grouped a query (for `--explain` output and for tests).
extension Expr: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .literal(let l):
            switch l {
            case .integer(let v): return "\(v)"
            case .decimal(let v): return "\(v)"
            case .string(let s): return "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
            case .bool(let b): return b ? "true" : "false"
            case .null: return "null"
            case .duration(let n, let u): return "\(n)\(u.rawValue)"
            }
        case .column(let q, let n): return q.map { "\($0).\(n)" } ?? n
        case .segment(let n): return "@\(n)"
        case .negate(let e): return "(- \(e))"
        case .not(let e): return "(not \(e))"
        case .arithmetic(let op, let a, let b): return "(\(op.rawValue) \(a) \(b))"
        case .comparison(let op, let a, let b): return "(\(op.rawValue) \(a) \(b))"
        case .logical(let op, let es): return "(\(op.rawValue) \(es.map(\.description).joined(separator: " ")))"
        case .inList(let e, let items, let neg):
            return "(\(neg ? "not-in" : "in") \(e) \(items.map(\.description).joined(separator: " ")))"
        case .between(let e, let lo, let hi, let neg): return "(\(neg ? "not-between" : "between") \(e) \(lo) \(hi))"
        case .match(let op, let e, let p, let neg): return "(\(neg ? "not-" : "")\(op.rawValue) \(e) \(p))"
        case .isNull(let e, let neg): return "(\(neg ? "is-not-null" : "is-null") \(e))"
        case .call(let name, let args): return "(\(name)\(args.map { " \($0)" }.joined()))"
        case .aggregate(let a):
            let target = a.field.map { "\(a.table).\($0)" } ?? a.table
            return "(\(a.function.rawValue) \(target)\(a.filter.map { " where \($0)" } ?? ""))"
        }
    }
}
