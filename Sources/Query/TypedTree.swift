/// The checked expression as an indented tree, each node with its type: the first half of
/// `--explain`.
enum TypedTree {
    static func lines(_ e: Expr, schema: QuerySchema) -> [String] {
        var out = [String]()
        walk(e, schema: schema, scope: .base, depth: 1, into: &out)
        return out
    }

    private static func walk(_ e: Expr, schema: QuerySchema, scope: TypeChecker.Scope, depth: Int, into out: inout [String]) {
        let checker = TypeChecker(schema: schema)
        let type = (try? checker.type(of: e, in: scope))?.rawValue ?? "?"
        out.append(String(repeating: "  ", count: depth) + label(e) + " : " + type)
        var inner = scope
        if case .aggregate(let a) = e.kind, let t = schema.relatedTable(a.table) { inner = .related(t) }
        for child in e.kind.children { walk(child, schema: schema, scope: inner, depth: depth + 1, into: &out) }
    }

    private static func label(_ e: Expr) -> String {
        switch e.kind {
        case .literal, .column, .segment: return e.description
        case .negate: return "negate"
        case .not: return "not"
        case .arithmetic(let op, _, _): return "arithmetic \(op.rawValue)"
        case .comparison(let op, _, _): return "compare \(op.rawValue)"
        case .logical(let op, _): return op.rawValue
        case .inList(_, _, let neg): return neg ? "not in" : "in"
        case .between(_, _, _, let neg): return neg ? "not between" : "between"
        case .match(let op, _, _, let neg): return (neg ? "not " : "") + op.rawValue
        case .isNull(_, let neg): return neg ? "is not null" : "is null"
        case .call(let name, _): return "call \(name)()"
        case .aggregate(let a): return "aggregate \(a.function.rawValue)(\(a.table)\(a.field.map { "." + $0 } ?? ""))\(a.filter == nil ? "" : " where")"
        }
    }
}
