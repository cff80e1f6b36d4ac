/// Recursive-descent parser for segment expressions. Precedence, loosest first:
///
///     or  →  and  →  not  →  predicate (= != < <= > >=, in, between, contains, starts_with,
///     ends_with, like, is null)  →  + -  →  * / %  →  unary -  →  primary
///
/// Primaries: literals (numbers, 'strings', durations like 90d, true/false/null), columns
/// (`region`, `orders.amount`, `"quoted name"`), `@segment`, function calls (`year(d)`),
/// aggregates over related rows (`count(orders where amount > 1000)`), and parentheses.
///
/// Nesting is bounded (`maxNesting`, `maxDepth`): each parse step consumes a token or fails, and
/// recursion cannot run away, so any input ends in a tree or a `QueryError`, never a crash.
public struct Parser {
    /// Deepest nesting of parentheses, `not` and unary minus.
    public static let maxNesting = 64
    /// Deepest expression tree (long `+` chains count one level per operator).
    public static let maxDepth = 256

    private let tokens: [Token]
    private var p = 0
    private var nesting = 0

    public static func parse(_ source: String) throws(QueryError) -> Expr {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        let e = try parser.expression()
        guard case .end = parser.current.kind else {
            throw QueryError("unexpected \(parser.current.display) after a complete expression", at: parser.current.range)
        }
        return e
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    // MARK: Token helpers

    private var current: Token { tokens[p] }

    private mutating func advance() -> Token {
        let t = tokens[p]
        if p < tokens.count - 1 { p += 1 }
        return t
    }

    private mutating func accept(_ k: Keyword) -> Token? {
        if case .keyword(k) = current.kind { return advance() }
        return nil
    }

    private mutating func accept(_ s: Symbol) -> Token? {
        if case .symbol(s) = current.kind { return advance() }
        return nil
    }

    private func isKeyword(_ k: Keyword, at offset: Int = 0) -> Bool {
        guard p + offset < tokens.count, case .keyword(k) = tokens[p + offset].kind else { return false }
        return true
    }

    private mutating func expect(_ s: Symbol, _ context: String) throws(QueryError) -> Token {
        if let t = accept(s) { return t }
        throw QueryError("expected '\(s.rawValue)' \(context), found \(current.display)", at: current.range)
    }

    private func node(_ kind: Expr.Kind, _ range: SourceRange) throws(QueryError) -> Expr {
        let e = Expr(kind, range)
        guard e.depth <= Self.maxDepth else {
            throw QueryError("expression is too deeply nested (over \(Self.maxDepth) levels)", at: range)
        }
        return e
    }

    private mutating func nested<T>(_ at: SourceRange, _ body: (inout Parser) throws(QueryError) -> T) throws(QueryError) -> T {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maxNesting else {
            throw QueryError("expression nests too deeply (over \(Self.maxNesting) levels)", at: at)
        }
        return try body(&self)
    }

    // MARK: Grammar

    private mutating func expression() throws(QueryError) -> Expr { try logical(.or) }

    private mutating func logical(_ op: LogicalOperator) throws(QueryError) -> Expr {
        let keyword: Keyword = op == .or ? .or : .and
        var operands = [op == .or ? try logical(.and) : try negation()]
        while accept(keyword) != nil {
            operands.append(op == .or ? try logical(.and) : try negation())
        }
        if operands.count == 1 { return operands[0] }
        return try node(.logical(op, operands), operands[0].range.union(operands[operands.count - 1].range))
    }

    private mutating func negation() throws(QueryError) -> Expr {
        guard let not = accept(.not) else { return try predicate() }
        let operand = try nested(not.range) { (parser) throws(QueryError) in try parser.negation() }
        return try node(.not(operand), not.range.union(operand.range))
    }

    private mutating func predicate() throws(QueryError) -> Expr {
        let lhs = try additive()
        if let op = comparisonOperator() {
            _ = advance()
            let rhs = try additive()
            if comparisonOperator() != nil {
                throw QueryError("comparisons cannot be chained; join them with 'and'", at: current.range)
            }
            return try node(.comparison(op, lhs, rhs), lhs.range.union(rhs.range))
        }
        if accept(.is) != nil {
            let negated = accept(.not) != nil
            guard let null = accept(.null) else {
                throw QueryError("expected 'null' after '\(negated ? "is not" : "is")', found \(current.display)", at: current.range)
            }
            return try node(.isNull(lhs, negated: negated), lhs.range.union(null.range))
        }
        // `not` here belongs to in/between/like/…: `region not in ('华东')`.
        let negated = isKeyword(.not)
        if negated {
            guard isPredicateKeyword(at: 1) else {
                throw QueryError("expected in, between, contains, starts_with, ends_with or like after 'not'", at: current.range)
            }
            _ = advance()
        }
        if accept(.in) != nil {
            let open = try expect(.leftParen, "after 'in'")
            return try nested(open.range) { (parser) throws(QueryError) in
                var items = [try parser.expression()]
                while parser.accept(.comma) != nil { items.append(try parser.expression()) }
                let close = try parser.expect(.rightParen, "to close the 'in' list")
                return try parser.node(.inList(lhs, items, negated: negated), lhs.range.union(close.range))
            }
        }
        if accept(.between) != nil {
            let low = try additive()
            guard accept(.and) != nil else {
                throw QueryError("expected 'and' in 'between … and …', found \(current.display)", at: current.range)
            }
            let high = try additive()
            return try node(.between(lhs, low: low, high: high, negated: negated), lhs.range.union(high.range))
        }
        if let op = matchOperator() {
            _ = advance()
            let pattern = try additive()
            return try node(.match(op, lhs, pattern: pattern, negated: negated), lhs.range.union(pattern.range))
        }
        return lhs
    }

    private func isPredicateKeyword(at offset: Int) -> Bool {
        [.in, .between, .contains, .startsWith, .endsWith, .like].contains { isKeyword($0, at: offset) }
    }

    private func comparisonOperator() -> ComparisonOperator? {
        guard case .symbol(let s) = current.kind else { return nil }
        switch s {
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    private func matchOperator() -> MatchOperator? {
        guard case .keyword(let k) = current.kind else { return nil }
        switch k {
        case .contains: return .contains
        case .startsWith: return .startsWith
        case .endsWith: return .endsWith
        case .like: return .like
        default: return nil
        }
    }

    private mutating func additive() throws(QueryError) -> Expr {
        var lhs = try multiplicative()
        while true {
            let op: ArithmeticOperator
            if accept(.plus) != nil { op = .add } else if accept(.minus) != nil { op = .subtract } else { return lhs }
            let rhs = try multiplicative()
            lhs = try node(.arithmetic(op, lhs, rhs), lhs.range.union(rhs.range))
        }
    }

    private mutating func multiplicative() throws(QueryError) -> Expr {
        var lhs = try unary()
        while true {
            let op: ArithmeticOperator
            if accept(.star) != nil {
                op = .multiply
            } else if accept(.slash) != nil {
                op = .divide
            } else if accept(.percent) != nil {
                op = .remainder
            } else {
                return lhs
            }
            let rhs = try unary()
            lhs = try node(.arithmetic(op, lhs, rhs), lhs.range.union(rhs.range))
        }
    }

    private mutating func unary() throws(QueryError) -> Expr {
        guard let minus = accept(.minus) else { return try primary() }
        let operand = try nested(minus.range) { (parser) throws(QueryError) in try parser.unary() }
        // Fold `-5` into a literal so that Int64.min style bounds read naturally.
        if case .literal(.integer(let v)) = operand.kind { return try node(.literal(.integer(0 &- v)), minus.range.union(operand.range)) }
        if case .literal(.decimal(let v)) = operand.kind { return try node(.literal(.decimal(-v)), minus.range.union(operand.range)) }
        return try node(.negate(operand), minus.range.union(operand.range))
    }

    private mutating func primary() throws(QueryError) -> Expr {
        let t = current
        switch t.kind {
        case .integer(let v):
            _ = advance()
            return try node(.literal(.integer(v)), t.range)
        case .decimal(let v):
            _ = advance()
            return try node(.literal(.decimal(v)), t.range)
        case .string(let s):
            _ = advance()
            return try node(.literal(.string(s)), t.range)
        case .duration(let n, let u):
            _ = advance()
            return try node(.literal(.duration(n, u)), t.range)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return try node(.literal(.bool(t.kind == .keyword(.true))), t.range)
        case .keyword(.null):
            _ = advance()
            return try node(.literal(.null), t.range)
        case .segment(let name):
            _ = advance()
            return try node(.segment(name), t.range)
        case .symbol(.leftParen):
            _ = advance()
            let inner = try nested(t.range) { (parser) throws(QueryError) in try parser.expression() }
            let close = try expect(.rightParen, "to close the '(' at column \(t.range.start + 1)")
            var e = inner
            e.range = t.range.union(close.range)
            return e
        case .identifier(let name):
            _ = advance()
            if accept(.leftParen) != nil {
                return try nested(t.range) { (parser) throws(QueryError) in try parser.call(name, t.range) }
            }
            if accept(.dot) != nil {
                guard case .identifier(let field) = current.kind else {
                    throw QueryError("expected a column name after '\(name).', found \(current.display)", at: current.range)
                }
                let f = advance()
                return try node(.column(qualifier: name, name: field), t.range.union(f.range))
            }
            return try node(.column(qualifier: nil, name: name), t.range)
        case .end:
            throw QueryError("the query ends where a value or column was expected", at: t.range)
        default:
            throw QueryError("expected a value, column or '(', found \(t.display)", at: t.range)
        }
    }

    /// After `name(`: an aggregate when `name` is one, else a scalar function call.
    private mutating func call(_ name: String, _ nameRange: SourceRange) throws(QueryError) -> Expr {
        if let function = Aggregate.Function(rawValue: name.lowercased()) {
            return try aggregate(function, nameRange)
        }
        var arguments = [Expr]()
        if accept(.rightParen) == nil {
            arguments.append(try expression())
            while accept(.comma) != nil { arguments.append(try expression()) }
            _ = try expect(.rightParen, "to close the arguments of \(name)(")
        }
        return try node(.call(name: name.lowercased(), arguments: arguments), nameRange.union(tokens[max(0, p - 1)].range))
    }

    /// `count(orders)`, `count(orders where …)`, `sum(orders.amount where …)`.
    private mutating func aggregate(_ function: Aggregate.Function, _ nameRange: SourceRange) throws(QueryError) -> Expr {
        guard case .identifier(let table) = current.kind else {
            throw QueryError("\(function.rawValue)( needs a related table, as in \(function.rawValue)(orders…), found \(current.display)", at: current.range)
        }
        let tableToken = advance()
        var field: String?
        var fieldRange: SourceRange?
        if accept(.dot) != nil {
            guard case .identifier(let f) = current.kind else {
                throw QueryError("expected a column of \(table) after '\(table).', found \(current.display)", at: current.range)
            }
            field = f
            fieldRange = advance().range
        }
        var filter: Expr?
        if accept(.where) != nil { filter = try expression() }
        let close = try expect(.rightParen, "to close \(function.rawValue)(")
        let aggregate = Aggregate(
            function: function, table: table, tableRange: tableToken.range, field: field, fieldRange: fieldRange, filter: filter)
        return try node(.aggregate(aggregate), nameRange.union(close.range))
    }
}
