/// A parsed segment expression. Every node keeps the span of text it came from, so the type
/// checker (and later the evaluator) can point at it, and its depth, which the parser bounds so
/// that walking the tree recursively can never exhaust the stack.
public struct Expr: Equatable, Sendable {
    public var kind: Kind
    public var range: SourceRange
    /// 1 for a leaf; 1 + the deepest child otherwise.
    public var depth: Int

    public indirect enum Kind: Equatable, Sendable {
        case literal(Literal)
        /// `region`, or `orders.amount` (qualifier = table).
        case column(qualifier: String?, name: String)
        /// `@vip`: the named segment's condition.
        case segment(String)
        case negate(Expr)
        case not(Expr)
        case arithmetic(ArithmeticOperator, Expr, Expr)
        case comparison(ComparisonOperator, Expr, Expr)
        /// `and` / `or` chains are kept flat: `a or b or c` is one node of three operands.
        case logical(LogicalOperator, [Expr])
        case inList(Expr, [Expr], negated: Bool)
        case between(Expr, low: Expr, high: Expr, negated: Bool)
        case match(MatchOperator, Expr, pattern: Expr, negated: Bool)
        case isNull(Expr, negated: Bool)
        /// A scalar function: `year(first_order)`, `lower(email)`.
        case call(name: String, arguments: [Expr])
        case aggregate(Aggregate)
    }

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        self.depth = 1 + (kind.children.map(\.depth).max() ?? 0)
    }
}

public enum Literal: Equatable, Sendable {
    case integer(Int64)
    case decimal(Double)
    case string(String)
    case bool(Bool)
    case null
    case duration(Int64, DurationUnit)
}

public enum ArithmeticOperator: String, Sendable { case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%" }
public enum ComparisonOperator: String, Sendable {
    case equal = "=", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}
public enum LogicalOperator: String, Sendable { case and, or }
public enum MatchOperator: String, Sendable { case contains, startsWith = "starts_with", endsWith = "ends_with", like }

/// `count(orders where amount > 1000)`, `sum(orders.amount where order_date >= '2025-01-01')`:
/// an aggregate over the rows of a related table that belong to the current customer.
public struct Aggregate: Equatable, Sendable {
    public enum Function: String, Sendable, CaseIterable { case count, sum, avg, min, max }

    public var function: Function
    public var table: String
    public var tableRange: SourceRange
    /// The aggregated column; nil for `count(orders)` (counts rows).
    public var field: String?
    public var fieldRange: SourceRange?
    public var filter: Expr?
}

extension Expr.Kind {
    /// Direct sub-expressions, in source order.
    public var children: [Expr] {
        switch self {
        case .literal, .column, .segment: []
        case .negate(let e), .not(let e), .isNull(let e, _): [e]
        case .arithmetic(_, let a, let b), .comparison(_, let a, let b): [a, b]
        case .logical(_, let es): es
        case .inList(let e, let es, _): [e] + es
        case .between(let e, let lo, let hi, _): [e, lo, hi]
        case .match(_, let e, let p, _): [e, p]
        case .call(_, let args): args
        case .aggregate(let a): a.filter.map { [$0] } ?? []
        }
    }
}
