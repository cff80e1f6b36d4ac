/// A problem in a query, with where it is. `description` is one line; `rendered(in:)` adds the
/// query line and a caret under the offending span, the way the CLI prints it.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var range: SourceRange

    public init(_ message: String, at range: SourceRange) {
        self.message = message
        self.range = range
    }

    public var description: String { "column \(range.start + 1): \(message)" }

    /// Three lines: `line:column: message`, the query line, and carets under the span. Wide
    /// (CJK) characters take two terminal columns, so the caret line counts them twice.
    public func rendered(in source: String) -> String {
        let scalars = Array(source.unicodeScalars)
        let start = min(max(range.start, 0), scalars.count)
        var lineStart = start
        while lineStart > 0 && scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
        let lineNumber = scalars[0..<lineStart].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        var line = String.UnicodeScalarView()
        for s in scalars[lineStart..<lineEnd] { line.append(s == "\t" ? " " : s) }
        let lead = scalars[lineStart..<start].reduce(0) { $0 + Self.width($1) }
        let spanEnd = min(max(range.end, start + 1), lineEnd)
        let span = max(1, scalars[start..<max(start, spanEnd)].reduce(0) { $0 + Self.width($1) })
        return "\(lineNumber):\(start - lineStart + 1): \(message)\n  \(String(line))\n  "
            + String(repeating: " ", count: lead) + String(repeating: "^", count: span)
    }

    /// Terminal columns of a scalar: two for East Asian wide and full-width ranges.
    static func width(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF,
            0x20000...0x3FFFD:
            2
        default:
            1
        }
    }
}
