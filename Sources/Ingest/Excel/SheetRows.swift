#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Iterates the rows of a worksheet part (`<sheetData><row r="5"><c r="B5" t="s"><v>3</v></c>…`)
/// straight from its bytes. Each row's cell values are rendered as text into one reusable buffer
/// (shared and inline strings resolved, booleans as true/false, date-styled numbers as ISO text,
/// formulas as their cached value), so callers see what a CSV export of the sheet would contain.
struct SheetRows {
    private var x: XMLBytes
    private let shared: SharedStrings
    private let styles: CellStyles
    private let uses1904: Bool

    /// The current row: its 1-based sheet row number and, per column, the value's byte range in `values`.
    private(set) var rowNumber = 0
    private(set) var values: [UInt8] = []
    private var starts: [Int] = []
    private var ends: [Int] = []
    /// Columns up to the last one holding a non-empty value.
    private(set) var width = 0
    /// Shared-string indices that point past the table, per row; reported, not fatal.
    private(set) var badSharedIndex = false

    init(xml: UnsafeRawBufferPointer, shared: SharedStrings, styles: CellStyles, uses1904: Bool) {
        x = XMLBytes(xml)
        self.shared = shared
        self.styles = styles
        self.uses1904 = uses1904
        values.reserveCapacity(4096)
    }

    @inline(__always)
    func withField<R>(_ column: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard column < width, starts[column] < ends[column] else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return values.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[starts[column]..<ends[column]])) }
    }

    func string(_ column: Int) -> String { withField(column) { String(decoding: $0, as: UTF8.self) } }

    func isEmpty(_ column: Int) -> Bool { column >= width || starts[column] >= ends[column] }

    /// Advances to the next `<row>`; false after `</sheetData>` or at the end of the part.
    mutating func next() -> Bool {
        while let t = x.nextTag() {
            if x.tag(t, is: "sheetData"), t.isEnd { return false }
            guard x.tag(t, is: "row"), !t.isEnd else { continue }
            let r = x.attribute("r", in: t).flatMap { x.integer($0) }
            rowNumber = r ?? rowNumber + 1
            values.removeAll(keepingCapacity: true)
            width = 0
            if !t.isSelfClosing { readCells() }
            return true
        }
        return false
    }

    private mutating func readCells() {
        var column = -1
        while let t = x.nextTag() {
            if t.isEnd {
                if x.tag(t, is: "row") { return }
                continue
            }
            guard x.tag(t, is: "c") else { continue }
            column = x.attribute("r", in: t).flatMap { columnIndex($0) } ?? column + 1
            guard column < 16_384 else { continue }  // Excel's column limit; a corrupt ref must not allocate
            var start = values.count
            if !t.isSelfClosing { readValue(t) }
            // Spaces and tabs around a value are dropped, as the CSV loader drops them around
            // unquoted fields, so one table saved as CSV and as xlsx loads the same.
            var end = values.count
            while end > start, values[end - 1] == 0x20 || values[end - 1] == 0x09 { end -= 1 }
            while start < end, values[start] == 0x20 || values[start] == 0x09 { start += 1 }
            values.removeSubrange(end...)
            guard end > start else { continue }
            while starts.count <= column {
                starts.append(0)
                ends.append(0)
            }
            // Cells skipped since the last value are empty (a cell out of order just overwrites).
            for k in min(width, column)..<column {
                starts[k] = 0
                ends[k] = 0
            }
            starts[column] = start
            ends[column] = end
            width = max(width, column + 1)
        }
    }

    /// Renders the value of cell `c` into `values`.
    private mutating func readValue(_ c: XMLBytes.Tag) {
        let type = x.attribute("t", in: c)
        let style = x.attribute("s", in: c).flatMap { x.integer($0) } ?? 0
        var kind: UInt8 = 0x6E  // n
        if let type, !type.isEmpty {
            kind = x.byte(type.lowerBound)
            if kind == 0x73, type.count > 1 { kind = 0x53 }  // "str" (formula string) vs "s"
        }
        while let t = x.nextTag() {
            if t.isEnd {
                if x.tag(t, is: "c") { return }
                continue
            }
            if x.tag(t, is: "f") {
                x.skipElement(t)  // the formula itself; its cached result is in <v>
            } else if x.tag(t, is: "v"), !t.isSelfClosing {
                let text = x.text()
                switch kind {
                case 0x73:  // s: shared string index
                    if let i = x.integer(text) {
                        if shared.withBytes(i, { values.append(contentsOf: $0) }) == nil { badSharedIndex = true }
                    }
                case 0x62:  // b
                    let yes = text.count == 1 && x.byte(text.lowerBound) == 0x31
                    values.append(contentsOf: yes ? Self.trueBytes : Self.falseBytes)
                case 0x6E:  // n
                    appendNumber(text, style: style)
                default:  // str, e (error such as #N/A), d (ISO date), inlineStr written as v
                    x.appendDecoded(text, to: &values)
                }
            } else if x.tag(t, is: "is") {
                readInline()
            }
        }
    }

    private mutating func readInline() {
        var phonetic = 0
        while let t = x.nextTag() {
            if x.tag(t, is: "is"), t.isEnd { return }
            if x.tag(t, is: "rPh") {
                if !t.isSelfClosing { phonetic += t.isEnd ? -1 : 1 }
            } else if phonetic == 0, x.tag(t, is: "t"), !t.isEnd, !t.isSelfClosing {
                x.appendDecoded(x.text(), to: &values)
            }
        }
    }

    private mutating func appendNumber(_ text: Range<Int>, style: Int) {
        let kind = styles.kind(style)
        var hasExponent = false, digits = 0
        for i in text {
            let c = x.byte(i)
            if c == 0x45 || c == 0x65 { hasExponent = true } else if c >= 0x30 && c <= 0x39 { digits += 1 }
        }
        guard kind != .number || hasExponent || digits > 15 else {
            x.appendDecoded(text, to: &values)
            return
        }
        guard let v = parseDouble(text) else {
            x.appendDecoded(text, to: &values)
            return
        }
        if kind == .number {
            // Files keep 17 significant digits (65.76000000000001) and exponents (1.5E+3); Excel
            // shows 15 digits and AmountParser reads plain decimals, so write what Excel shows.
            appendFifteenDigits(v)
            return
        }
        guard let (days, seconds) = ExcelSerial.split(v, uses1904: uses1904) else {
            x.appendDecoded(text, to: &values)
            return
        }
        let timeOnly = kind == .time && v < 1
        let withTime = kind == .dateTime || kind == .time || seconds != 0
        ExcelSerial.appendISO(days: days, seconds: seconds, withTime: withTime, timeOnly: timeOnly, to: &values)
    }

    /// The value rounded to 15 significant digits, as Excel displays it, in Swift's shortest
    /// round-trip form (a small inline String for typical amounts, so no allocation).
    private mutating func appendFifteenDigits(_ v: Double) {
        let magnitude = abs(v)
        var rounded = v
        if magnitude >= 1e-4 && magnitude < 1e15 {
            let integerDigits = magnitude < 1 ? 1 : Int(log10(magnitude)) + 1
            let scale = pow(10.0, Double(15 - integerDigits))
            rounded = (v * scale).rounded() / scale
        }
        if rounded == rounded.rounded(), abs(rounded) < 9.0e15 {
            values.append(contentsOf: Int64(rounded).description.utf8)
        } else {
            values.append(contentsOf: rounded.description.utf8)
        }
    }

    private func parseDouble(_ r: Range<Int>) -> Double? {
        guard r.count < 64 else { return nil }
        var buffer = [CChar](repeating: 0, count: r.count + 1)
        for (k, i) in r.enumerated() { buffer[k] = CChar(bitPattern: x.byte(i)) }
        return buffer.withUnsafeBufferPointer { p -> Double? in
            var end: UnsafeMutablePointer<CChar>?
            let v = strtod(p.baseAddress!, &end)
            guard let end, end - UnsafeMutablePointer(mutating: p.baseAddress!) == r.count else { return nil }
            return v
        }
    }

    /// "AB12" → 27 (0-based column); nil when the reference has no letters.
    private func columnIndex(_ r: Range<Int>) -> Int? {
        var v = 0, letters = 0
        for i in r {
            let c = x.byte(i) | 0x20
            guard c >= 0x61 && c <= 0x7A else { break }
            v = v * 26 + Int(c - 0x60)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : v - 1
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    /// The `ref` ranges of `<mergeCell>` elements, which follow `</sheetData>`.
    static func mergedRanges(_ xml: UnsafeRawBufferPointer) -> [CellRange] {
        var x = XMLBytes(xml)
        x.position = tailStart(xml)
        var ranges: [CellRange] = []
        while let t = x.nextTag() {
            guard x.tag(t, is: "mergeCell"), let ref = x.attribute("ref", in: t),
                  let range = CellRange(x.string(ref)) else { continue }
            ranges.append(range)
        }
        return ranges
    }

    /// Where `</sheetData>` ends, searched from the back so the rows are not scanned twice.
    private static func tailStart(_ xml: UnsafeRawBufferPointer) -> Int {
        let needle = Array("sheetData>".utf8)
        var i = xml.count - needle.count
        while i >= 0 {
            if xml[i] == needle[0] {
                var same = true
                for k in 1..<needle.count where xml[i + k] != needle[k] { same = false; break }
                if same { return i + needle.count }
            }
            i -= 1
        }
        return 0
    }
}

/// A rectangle of cells such as `A1:C2`, 0-based columns and 1-based rows.
struct CellRange: Equatable {
    var firstColumn: Int, lastColumn: Int
    var firstRow: Int, lastRow: Int

    init?(_ ref: String) {
        let parts = ref.split(separator: ":")
        guard let a = Self.cell(parts.first ?? ""), let b = Self.cell(parts.last ?? "") else { return nil }
        firstColumn = min(a.0, b.0)
        lastColumn = max(a.0, b.0)
        firstRow = min(a.1, b.1)
        lastRow = max(a.1, b.1)
    }

    private static func cell(_ s: Substring) -> (Int, Int)? {
        var column = 0, row = 0, letters = 0
        for u in s.utf8 {
            if u >= 0x41 && u <= 0x5A || u >= 0x61 && u <= 0x7A {
                guard row == 0 else { return nil }
                column = column * 26 + Int((u | 0x20) - 0x60)
                letters += 1
            } else if u >= 0x30 && u <= 0x39 {
                row = row * 10 + Int(u - 0x30)
                guard row < 10_000_000 else { return nil }
            } else if u != 0x24 {
                return nil
            }
        }
        guard letters > 0, letters <= 3, row > 0 else { return nil }
        return (column - 1, row)
    }
}

extension SheetRows {
    func countNonEmpty() -> Int { (0..<width).filter { !isEmpty($0) }.count }
}
