/// Words with a fixed meaning in the segment language, matched case-insensitively. A column that
/// happens to share a name is written in double quotes: `"like"`.
public enum Keyword: String, Sendable, CaseIterable {
    case and, or, not, `in`, between, contains
    case startsWith = "starts_with"
    case endsWith = "ends_with"
    case like, `is`, null, `true`, `false`, `where`
}

public enum Symbol: String, Sendable {
    case equal = "=", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case leftParen = "(", rightParen = ")", comma = ",", dot = "."
}

/// Calendar units a duration literal can carry: `90d`, `2w`, `6m`, `1y`.
public enum DurationUnit: String, Sendable, Equatable {
    case day = "d", week = "w", month = "m", year = "y"
}

struct Token: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case integer(Int64)
        case decimal(Double)
        case string(String)
        case duration(Int64, DurationUnit)
        /// `@name`: a reference to a named segment.
        case segment(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    var kind: Kind
    var range: SourceRange

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .identifier(let s): "'\(s)'"
        case .integer(let v): "\(v)"
        case .decimal(let v): "\(v)"
        case .string(let s): "'\(s)'"
        case .duration(let n, let u): "\(n)\(u.rawValue)"
        case .segment(let s): "@\(s)"
        case .keyword(let k): "'\(k.rawValue)'"
        case .symbol(let s): "'\(s.rawValue)'"
        case .end: "the end of the query"
        }
    }
}
