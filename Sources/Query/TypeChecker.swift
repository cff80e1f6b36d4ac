import Columns

/// Checks a parsed segment expression against a schema: every column, table, function and
/// `@segment` exists, operands have types their operators accept, text literals compared with
/// dates are valid dates, and the whole expression is a condition. Errors point at the exact
/// span and name the nearest valid name.
public struct TypeChecker {
    public let schema: QuerySchema

    /// The name that means the run's as-of date wherever no column shadows it.
    public static let asOfName = "as_of"

    public init(schema: QuerySchema) { self.schema = schema }

    /// Checks a whole segment: it must be a condition.
    public static func check(_ e: Expr, against schema: QuerySchema) throws(QueryError) -> ValueType {
        let t = try TypeChecker(schema: schema).type(of: e, in: .base)
        guard t == .bool else {
            throw QueryError("a segment must be a condition (true/false), but this is \(t.phrase)", at: e.range)
        }
        return t
    }

    /// Parses and checks `source`.
    public static func check(_ source: String, against schema: QuerySchema) throws(QueryError) -> Expr {
        let e = try Parser.parse(source)
        _ = try check(e, against: schema)
        return e
    }

    /// Where names resolve: the base table, or inside an aggregate's `where`, the related table.
    enum Scope {
        case base
        case related(QuerySchema.TableSchema)
    }

    func type(of e: Expr, in scope: Scope) throws(QueryError) -> ValueType {
        switch e.kind {
        case .literal(let l):
            switch l {
            case .integer: return .int
            case .decimal: return .double
            case .string: return .string
            case .bool: return .bool
            case .null: return .null
            case .duration: return .duration
            }
        case .column(let qualifier, let name):
            return try column(qualifier, name, e.range, scope)
        case .segment(let name):
            guard schema.segments.contains(name) else {
                throw QueryError("unknown segment @\(name)\(Self.hint(name, in: schema.segments.map { "@" + $0 }, prefix: "@"))", at: e.range)
            }
            return .bool
        case .negate(let x):
            let t = try type(of: x, in: scope)
            guard t.isNumeric else { throw QueryError("'-' needs a number, but this is \(t.phrase)", at: x.range) }
            return t
        case .not(let x):
            try expectCondition(x, scope, "'not'")
            return .bool
        case .logical(let op, let xs):
            for x in xs { try expectCondition(x, scope, "'\(op.rawValue)'") }
            return .bool
        case .arithmetic(let op, let a, let b):
            return try arithmetic(op, a, b, e.range, scope)
        case .comparison(_, let a, let b):
            try comparable(a, b, scope)
            return .bool
        case .inList(let x, let items, _):
            for item in items { try comparable(x, item, scope) }
            return .bool
        case .between(let x, let low, let high, _):
            try comparable(x, low, scope)
            try comparable(x, high, scope)
            return .bool
        case .match(let op, let x, let pattern, _):
            for operand in [x, pattern] {
                let t = try type(of: operand, in: scope)
                guard t == .string else {
                    throw QueryError("'\(op.rawValue)' works on text, but this is \(t.phrase)", at: operand.range)
                }
            }
            return .bool
        case .isNull(let x, _):
            _ = try type(of: x, in: scope)
            return .bool
        case .call(let name, let arguments):
            return try call(name, arguments, e.range, scope)
        case .aggregate(let a):
            return try aggregate(a, e.range, scope)
        }
    }

    private func expectCondition(_ x: Expr, _ scope: Scope, _ what: String) throws(QueryError) {
        let t = try type(of: x, in: scope)
        guard t == .bool else { throw QueryError("\(what) needs a condition, but this is \(t.phrase)", at: x.range) }
    }

    // MARK: Names

    private func column(_ qualifier: String?, _ name: String, _ range: SourceRange, _ scope: Scope) throws(QueryError) -> ValueType {
        let base = schema.base
        if let qualifier {
            if qualifier == base.name, let t = base.type(of: name) { return ValueType(t) }
            if case .related(let r) = scope, qualifier == r.name {
                if let t = r.type(of: name) { return ValueType(t) }
                throw QueryError("\(r.name) has no column '\(name)'\(Self.hint(name, in: r.columns.map(\.name)))", at: range)
            }
            if let r = schema.relatedTable(qualifier) {
                guard r.type(of: name) != nil else {
                    throw QueryError("\(r.name) has no column '\(name)'\(Self.hint(name, in: r.columns.map(\.name)))", at: range)
                }
                throw QueryError(
                    "\(qualifier).\(name) has many values per \(base.name) row; aggregate it, as in max(\(qualifier).\(name))", at: range)
            }
            if qualifier == base.name {
                throw QueryError("\(base.name) has no column '\(name)'\(Self.hint(name, in: base.columns.map(\.name)))", at: range)
            }
            let tables = [base.name] + schema.related.map(\.name)
            throw QueryError("unknown table '\(qualifier)'\(Self.hint(qualifier, in: tables))", at: range)
        }
        var candidates = base.columns.map(\.name)
        if case .related(let r) = scope {
            if let t = r.type(of: name) { return ValueType(t) }
            candidates = r.columns.map(\.name) + candidates
        }
        if let t = base.type(of: name) { return ValueType(t) }
        if name == Self.asOfName { return .date }
        let table: String
        if case .related(let r) = scope { table = r.name } else { table = base.name }
        throw QueryError("unknown column '\(name)' in \(table)\(Self.hint(name, in: candidates))", at: range)
    }

    /// " (did you mean 'region'?)" for a near miss; otherwise the valid names themselves (the
    /// first dozen), so an error always names what could have been written.
    static func hint(_ name: String, in candidates: [String], prefix: String = "") -> String {
        if let near = NameSuggestion.nearest(to: prefix + name, in: candidates) { return " (did you mean '\(near)'?)" }
        if candidates.isEmpty { return " (there are none)" }
        let shown = candidates.prefix(12).joined(separator: ", ")
        return " (valid: \(shown)\(candidates.count > 12 ? ", …" : ""))"
    }

    // MARK: Operators

    private func arithmetic(
        _ op: ArithmeticOperator, _ a: Expr, _ b: Expr, _ range: SourceRange, _ scope: Scope
    ) throws(QueryError) -> ValueType {
        let ta = try type(of: a, in: scope)
        let tb = try type(of: b, in: scope)
        switch (ta, tb) {
        case _ where ta.isNumeric && tb.isNumeric:
            if op == .divide { return .double }
            return ta == .int && tb == .int ? .int : .double
        case (.date, .duration), (.timestamp, .duration):
            if op == .add || op == .subtract { return ta }
        case (.duration, .date), (.duration, .timestamp):
            if op == .add { return tb }
        case (.date, .date):
            if op == .subtract { return .int }
        default:
            break
        }
        var hint = ""
        if ta.isTemporal && tb.isNumeric { hint = "; write a duration such as 90d" }
        if ta == .duration && tb == .duration { hint = "; subtract a duration from a date, as in as_of - 90d" }
        throw QueryError("cannot apply '\(op.rawValue)' to \(ta.phrase) and \(tb.phrase)\(hint)", at: range)
    }

    /// Operands of =, <, in, between: numbers with numbers, dates with dates or timestamps,
    /// and date/timestamp with a text literal that is a valid ISO date (or date-time).
    private func comparable(_ a: Expr, _ b: Expr, _ scope: Scope) throws(QueryError) {
        let ta = try type(of: a, in: scope)
        let tb = try type(of: b, in: scope)
        if ta == .null || tb == .null {
            throw QueryError("nothing equals null; use 'is null' or 'is not null'", at: ta == .null ? a.range : b.range)
        }
        if ta == tb && ta != .duration { return }
        if ta.isNumeric && tb.isNumeric { return }
        if ta.isTemporal && tb.isTemporal { return }
        if ta.isTemporal && tb == .string { return try temporalLiteral(b, as: ta) }
        if tb.isTemporal && ta == .string { return try temporalLiteral(a, as: tb) }
        var hint = ""
        if ta.isTemporal && tb == .duration || tb.isTemporal && ta == .duration {
            hint = "; compare with a date, as in as_of - 90d"
        }
        throw QueryError("cannot compare \(ta.phrase) with \(tb.phrase)\(hint)", at: a.range.union(b.range))
    }

    private func temporalLiteral(_ e: Expr, as type: ValueType) throws(QueryError) {
        guard case .literal(.string(let text)) = e.kind else {
            throw QueryError("text compared with \(type.phrase) must be a literal like '2025-01-01'", at: e.range)
        }
        let ok = type == .date ? TemporalLiteral.days(text) != nil : TemporalLiteral.seconds(text) != nil
        guard ok else {
            let form = type == .date ? "YYYY-MM-DD" : "YYYY-MM-DD or YYYY-MM-DD HH:MM:SS"
            throw QueryError("'\(text)' is not a valid \(type == .date ? "date" : "timestamp") (\(form))", at: e.range)
        }
    }

    // MARK: Calls and aggregates

    private func call(_ name: String, _ arguments: [Expr], _ range: SourceRange, _ scope: Scope) throws(QueryError) -> ValueType {
        guard let f = ScalarFunction(rawValue: name) else {
            let all = ScalarFunction.allCases.map(\.rawValue) + Aggregate.Function.allCases.map(\.rawValue)
            throw QueryError("unknown function \(name)()\(Self.hint(name, in: all))", at: range)
        }
        var types = [ValueType]()
        for a in arguments { types.append(try type(of: a, in: scope)) }
        guard let t = f.result(for: types) else {
            let given = types.map(\.phrase).joined(separator: ", ")
            throw QueryError("\(f.signature) cannot take \(given.isEmpty ? "no arguments" : given)", at: range)
        }
        return t
    }

    private func aggregate(_ a: Aggregate, _ range: SourceRange, _ scope: Scope) throws(QueryError) -> ValueType {
        if case .related(let outer) = scope {
            throw QueryError("aggregates cannot nest (already inside one over \(outer.name))", at: range)
        }
        guard let table = schema.relatedTable(a.table) else {
            let names = schema.related.map(\.name)
            let hint = Self.hint(a.table, in: names)
            throw QueryError("\(a.function.rawValue)() ranges over a related table; '\(a.table)' is not one\(hint)", at: a.tableRange)
        }
        var fieldType: ValueType?
        if let field = a.field {
            guard let t = table.type(of: field) else {
                throw QueryError(
                    "\(table.name) has no column '\(field)'\(Self.hint(field, in: table.columns.map(\.name)))",
                    at: a.fieldRange ?? a.tableRange)
            }
            fieldType = ValueType(t)
        }
        if let filter = a.filter {
            let t = try type(of: filter, in: .related(table))
            guard t == .bool else { throw QueryError("'where' needs a condition, but this is \(t.phrase)", at: filter.range) }
        }
        switch a.function {
        case .count:
            return .int
        case .sum, .avg:
            guard let ft = fieldType else {
                throw QueryError("\(a.function.rawValue)() needs a column, as in \(a.function.rawValue)(\(table.name).amount)", at: range)
            }
            guard ft.isNumeric else {
                throw QueryError("\(a.function.rawValue)() needs numbers, but \(table.name).\(a.field!) is \(ft.phrase)", at: a.fieldRange ?? range)
            }
            return a.function == .avg ? .double : ft
        case .min, .max:
            guard let ft = fieldType else {
                throw QueryError("\(a.function.rawValue)() needs a column, as in \(a.function.rawValue)(\(table.name).order_date)", at: range)
            }
            guard ft != .bool else {
                throw QueryError("\(a.function.rawValue)() cannot order true/false values", at: a.fieldRange ?? range)
            }
            return ft
        }
    }
}
