/// One series of a long-format file, equally spaced and in period order.
public struct LongFormatSeries: Sendable, Equatable {
    public var id: String
    public var kind: SeriesPeriodKind
    /// Key of the first value (see `SeriesPeriodKind`); value i is at key `first + i`.
    public var first: Int
    public var values: [Double]
}

/// A row the reader refuses, with where it is: the whole file is rejected, since a silently dropped row would
/// shift a series.
public struct LongFormatError: Error, Equatable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var reason: String
    public var description: String { "\(source):\(line): \(reason)" }
}

/// What a long-format file holds: the usable series in first-appearance order, and the series left out (a series
/// whose periods repeat, mix forms or leave a gap cannot be forecast as it is) with the reason each.
public struct LongFormatInput: Sendable, Equatable {
    public var series: [LongFormatSeries]
    public var skipped: [String]
}

/// Reads `series_id, period, value` rows (header required, columns in any order, names case-insensitive, extra
/// columns ignored; delimiter comma, tab or semicolon, detected from the header; double-quoted fields; UTF-8 with or
/// without BOM; CRLF or LF; blank lines skipped). Periods are `YYYY-MM`, `YYYY-MM-DD` or integers; values plain
/// decimal numbers. Many series may share a file, their rows interleaved in any order.
public enum LongFormatReader {
    public static func read(_ bytes: [UInt8], source: String) throws(LongFormatError) -> LongFormatInput {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if let last = lines.last, last.isEmpty { lines.removeLast() }
        var header: (id: Int, period: Int, value: Int, width: Int)?
        var delimiter = Character(",")
        struct Row { var period: Int; var kind: SeriesPeriodKind; var value: Double; var line: Int }
        var order: [String] = []
        var rows: [String: [Row]] = [:]
        for (index, raw) in lines.enumerated() {
            let lineNumber = index + 1
            var slice = raw[...]
            if index == 0, slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
            if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
            guard let text = String(validating: slice, as: UTF8.self) else {
                throw LongFormatError(source: source, line: lineNumber, reason: "not UTF-8 text (a GBK export? convert it to UTF-8 first)")
            }
            if text.allSatisfy(\.isWhitespace) { continue }
            guard let columns = header else {
                delimiter = [",", "\t", ";"].max { a, b in text.filter { $0 == a }.count < text.filter { $0 == b }.count }!
                let names = try fields(text, delimiter, source, lineNumber).map { $0.lowercased() }
                func position(_ name: String) throws(LongFormatError) -> Int {
                    guard let i = names.firstIndex(of: name) else {
                        throw LongFormatError(source: source, line: lineNumber,
                                              reason: "header has no \(name) column (expected series_id, period, value; found \(names.joined(separator: ", ")))")
                    }
                    return i
                }
                header = (try position("series_id"), try position("period"), try position("value"), names.count)
                continue
            }
            let f = try fields(text, delimiter, source, lineNumber)
            guard f.count == columns.width else {
                throw LongFormatError(source: source, line: lineNumber, reason: "\(f.count) fields, the header has \(columns.width)")
            }
            let id = f[columns.id]
            guard !id.isEmpty else { throw LongFormatError(source: source, line: lineNumber, reason: "empty series_id") }
            guard let (kind, key) = SeriesPeriodKey.parse(Substring(f[columns.period])) else {
                throw LongFormatError(source: source, line: lineNumber,
                                      reason: "period '\(f[columns.period])' is not YYYY-MM, YYYY-MM-DD or an integer")
            }
            let valueText = f[columns.value]
            guard !valueText.isEmpty else { throw LongFormatError(source: source, line: lineNumber, reason: "missing value") }
            guard valueText.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69 }),
                  let value = Double(valueText), value.isFinite else {
                throw LongFormatError(source: source, line: lineNumber, reason: "value '\(valueText)' is not a finite number")
            }
            if rows[id] == nil { order.append(id); rows[id] = [] }
            rows[id]!.append(Row(period: key, kind: kind, value: value, line: lineNumber))
        }
        guard header != nil else { throw LongFormatError(source: source, line: 1, reason: "empty file: expected a header series_id, period, value") }

        var out = LongFormatInput(series: [], skipped: [])
        series: for id in order {
            let r = rows[id]!.sorted { ($0.period, $0.line) < ($1.period, $1.line) }
            let kind = r[0].kind
            if let other = r.first(where: { $0.kind != kind }) {
                out.skipped.append("series \(id): periods mix \(kind.rawValue) and \(other.kind.rawValue) forms (line \(other.line))")
                continue
            }
            for i in 1..<max(r.count, 1) {
                if r[i].period == r[i - 1].period {
                    out.skipped.append("series \(id): period \(kind.label(r[i].period)) appears on lines \(r[i - 1].line) and \(r[i].line)")
                    continue series
                }
                if r[i].period != r[i - 1].period + 1 {
                    out.skipped.append("series \(id): no value for \(kind.label(r[i - 1].period + 1)) (between lines \(r[i - 1].line) and \(r[i].line)); periods must be consecutive")
                    continue series
                }
            }
            out.series.append(LongFormatSeries(id: id, kind: kind, first: r[0].period, values: r.map(\.value)))
        }
        return out
    }

    /// Splits one line on `delimiter`, honouring double quotes ("" inside quotes is a quote); fields are trimmed.
    static func fields(_ line: String, _ delimiter: Character, _ source: String, _ lineNumber: Int) throws(LongFormatError) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false, wasQuoted = false
        var iterator = line.makeIterator()
        while let c = iterator.next() {
            if quoted {
                if c == "\"" {
                    var lookahead = iterator
                    if lookahead.next() == "\"" { current.append("\""); iterator = lookahead } else { quoted = false }
                } else {
                    current.append(c)
                }
            } else if c == "\"" && current.allSatisfy(\.isWhitespace) && !wasQuoted {
                current = ""
                quoted = true
                wasQuoted = true
            } else if c == delimiter {
                out.append(wasQuoted ? current : current.trimmedSpaces)
                current = ""
                wasQuoted = false
            } else {
                current.append(c)
            }
        }
        if quoted { throw LongFormatError(source: source, line: lineNumber, reason: "unterminated quoted field") }
        out.append(wasQuoted ? current : current.trimmedSpaces)
        return out
    }
}

extension String {
    fileprivate var trimmedSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
