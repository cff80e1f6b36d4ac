/// Splits a query into tokens. Works on Unicode scalars so identifiers and string literals may be
/// in any script ('华东', 客户名称); every error carries the span it is about. The lexer always
/// advances at least one scalar per step, so it ends on any input.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var i = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    static func tokenize(_ source: String) throws(QueryError) -> [Token] {
        var lexer = Lexer(source)
        var tokens = [Token]()
        while true {
            let t = try lexer.next()
            tokens.append(t)
            if t.kind == .end { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        i + offset < scalars.count ? scalars[i + offset] : nil
    }

    mutating func next() throws(QueryError) -> Token {
        while let c = peek(), c.properties.isWhitespace { i += 1 }
        let start = i
        guard let c = peek() else { return Token(kind: .end, range: SourceRange(i, i)) }

        if Self.isIdentifierStart(c) {
            let word = identifier()
            let kind: Token.Kind = Keyword(rawValue: word.lowercased()).map { .keyword($0) } ?? .identifier(word)
            return Token(kind: kind, range: SourceRange(start, i))
        }
        if c.properties.numericType != nil && c.isASCII { return try number() }
        switch c {
        case "'":
            return Token(kind: .string(try quoted("'", what: "string")), range: SourceRange(start, i))
        case "\"":
            let name = try quoted("\"", what: "quoted name")
            guard !name.isEmpty else { throw QueryError("empty quoted name", at: SourceRange(start, i)) }
            return Token(kind: .identifier(name), range: SourceRange(start, i))
        case "@":
            i += 1
            guard let n = peek(), Self.isIdentifierStart(n) else {
                throw QueryError("'@' must be followed by a segment name, as in @vip", at: SourceRange(start, i))
            }
            return Token(kind: .segment(identifier()), range: SourceRange(start, i))
        default:
            break
        }
        if let symbol = symbol() { return Token(kind: .symbol(symbol), range: SourceRange(start, i)) }
        i += 1
        if let ascii = Self.fullWidthHints[c] {
            throw QueryError("full-width '\(Character(c))' — write '\(ascii)'", at: SourceRange(start, i))
        }
        throw QueryError("unexpected character '\(Character(c))'", at: SourceRange(start, i))
    }

    /// Letters of any script, or '_'. Digits may follow.
    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || (c.isASCII ? (c.properties.isAlphabetic) : (c.properties.isAlphabetic && !fullWidthHints.keys.contains(c)))
    }

    private mutating func identifier() -> String {
        var s = String.UnicodeScalarView()
        while let c = peek(), Self.isIdentifierStart(c) || (c.isASCII && c.properties.numericType != nil) {
            s.append(c)
            i += 1
        }
        return String(s)
    }

    /// Integer, decimal, or duration (`90d`): digits, an optional fraction, an optional unit.
    private mutating func number() throws(QueryError) -> Token {
        let start = i
        var text = ""
        while let c = peek(), c.isASCII, c.properties.numericType != nil || c == "_" {
            if c != "_" { text.unicodeScalars.append(c) }
            i += 1
        }
        var isDecimal = false
        if peek() == ".", let d = peek(1), d.isASCII, d.properties.numericType != nil {
            isDecimal = true
            text.append(".")
            i += 1
            while let c = peek(), c.isASCII, c.properties.numericType != nil {
                text.unicodeScalars.append(c)
                i += 1
            }
        }
        if let c = peek(), c.isASCII, c.properties.isAlphabetic {
            let unitStart = i
            var unitText = ""
            while let u = peek(), u.isASCII, u.properties.isAlphabetic || u.properties.numericType != nil {
                unitText.unicodeScalars.append(u)
                i += 1
            }
            guard let unit = DurationUnit(rawValue: unitText.lowercased()) else {
                throw QueryError("unknown duration unit '\(unitText)' (use d, w, m or y, as in 90d)", at: SourceRange(unitStart, i))
            }
            guard !isDecimal else {
                throw QueryError("durations are whole numbers: write \(text.split(separator: ".")[0])\(unit.rawValue)", at: SourceRange(start, i))
            }
            guard let n = Int64(text), n <= 1_000_000 else {
                throw QueryError("duration \(text)\(unitText) is too long", at: SourceRange(start, i))
            }
            return Token(kind: .duration(n, unit), range: SourceRange(start, i))
        }
        if isDecimal {
            guard let v = Double(text), v.isFinite else { throw QueryError("number \(text) is out of range", at: SourceRange(start, i)) }
            return Token(kind: .decimal(v), range: SourceRange(start, i))
        }
        guard let v = Int64(text) else {
            throw QueryError("integer \(text) is out of range", at: SourceRange(start, i))
        }
        return Token(kind: .integer(v), range: SourceRange(start, i))
    }

    /// A literal between `quote`s; a doubled quote stands for one.
    private mutating func quoted(_ quote: Unicode.Scalar, what: String) throws(QueryError) -> String {
        let start = i
        i += 1
        var s = String.UnicodeScalarView()
        while let c = peek() {
            i += 1
            if c == quote {
                if peek() == quote {
                    s.append(quote)
                    i += 1
                    continue
                }
                return String(s)
            }
            s.append(c)
        }
        throw QueryError("unterminated \(what): add the closing \(Character(quote))", at: SourceRange(start, start + 1))
    }

    private mutating func symbol() -> Symbol? {
        guard let c = peek() else { return nil }
        let two = peek(1)
        func take(_ n: Int, _ s: Symbol) -> Symbol {
            i += n
            return s
        }
        switch c {
        case "=": return take(two == "=" ? 2 : 1, .equal)
        case "!": return two == "=" ? take(2, .notEqual) : nil
        case "<":
            if two == "=" { return take(2, .lessEqual) }
            if two == ">" { return take(2, .notEqual) }
            return take(1, .less)
        case ">": return take(two == "=" ? 2 : 1, two == "=" ? .greaterEqual : .greater)
        case "+": return take(1, .plus)
        case "-": return take(1, .minus)
        case "*": return take(1, .star)
        case "/": return take(1, .slash)
        case "%": return take(1, .percent)
        case "(": return take(1, .leftParen)
        case ")": return take(1, .rightParen)
        case ",": return take(1, .comma)
        case ".": return take(1, .dot)
        default: return nil
        }
    }

    /// Punctuation a Chinese input method produces in place of the ASCII the language uses.
    static let fullWidthHints: [Unicode.Scalar: String] = [
        "（": "(", "）": ")", "，": ",", "‘": "'", "’": "'", "“": "\"", "”": "\"", "＝": "=", "＞": ">", "＜": "<",
        "！": "!", "＋": "+", "－": "-", "＊": "*", "／": "/", "％": "%", "＠": "@", "。": ".", "．": ".", "　": " ",
    ]
}
