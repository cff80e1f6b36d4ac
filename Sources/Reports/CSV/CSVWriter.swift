import Columns

/// RFC 4180 CSV into a byte buffer: fields separated by commas, records by CRLF, a field quoted
/// when it holds a comma, quote, CR or LF, quotes doubled. UTF-8, with an optional BOM so Excel on
/// Chinese Windows does not read the file as GBK.
///
/// Text fields are made inert (`InertText` rules, applied to bytes) and formula-neutralised: a
/// field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a spreadsheet shows it
/// rather than evaluating it (a plain negative number such as `-12.5` is left alone).
public struct CSVWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var scratch: [UInt8] = []
    private var fieldsInRecord = 0

    public static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(bom: Bool, reserve: Int = 0) {
        bytes.reserveCapacity(reserve)
        if bom { bytes += Self.bom }
    }

    /// Ends the current record.
    public mutating func endRecord() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        fieldsInRecord = 0
    }

    /// A text field (nil = empty field).
    public mutating func writeText(_ s: String?) {
        guard var s else { return writeEmpty() }
        s.withUTF8 { writeText(UnsafeRawBufferPointer($0)) }
    }

    /// A text field from UTF-8 bytes (invalid sequences become U+FFFD).
    public mutating func writeText(_ utf8: UnsafeRawBufferPointer) {
        separate()
        // Most fields (ids, names, cities, Chinese text) need no quoting, no neutralising and no
        // character replaced: one scan proves that and one copy writes them.
        if Self.isPlainField(utf8) {
            bytes.append(contentsOf: utf8)
            return
        }
        writeFieldScalarByScalar(utf8)
    }

    /// The general path of `writeText` (after the separator): sanitised, neutralised, quoted.
    mutating func writeFieldScalarByScalar(_ utf8: UnsafeRawBufferPointer) {
        sanitise(utf8)
        let neutralise = Self.needsNeutralising(scratch)
        let quote = scratch.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        if quote { bytes.append(0x22) }
        if neutralise { bytes.append(0x27) }
        for b in scratch {
            if b == 0x22 { bytes.append(0x22) }
            bytes.append(b)
        }
        if quote { bytes.append(0x22) }
    }

    /// A value that is not free text (number, date): written as is, never neutralised.
    public mutating func writeRaw(_ s: String) {
        separate()
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// An integer, written digit by digit without building a String.
    public mutating func writeInteger(_ v: Int64) {
        separate()
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        } while m > 0
        bytes[start...].reverse()
    }

    public mutating func writeEmpty() { separate() }

    /// A date as `YYYY-MM-DD` (`CivilDate.iso`), written digit by digit for years 0…9999.
    public mutating func writeDate(days: Int) {
        let (y, m, d) = CivilDate.civil(fromDays: days)
        guard (0...9999).contains(y) else { return writeRaw(CivilDate.iso(days)) }
        separate()
        appendDigits(y, 4); bytes.append(UInt8(ascii: "-"))
        appendDigits(m, 2); bytes.append(UInt8(ascii: "-"))
        appendDigits(d, 2)
    }

    /// A timestamp as `YYYY-MM-DD HH:MM:SS` UTC (`CivilDate.isoTimestamp`), digit by digit from
    /// 1970 to 9999; other instants take the general path.
    public mutating func writeTimestamp(seconds: Int64) {
        guard seconds >= 0, seconds < 253_402_300_800 else { return writeRaw(CivilDate.isoTimestamp(seconds)) }
        let s = Int(seconds)
        writeDate(days: s / 86400)
        let rem = s % 86400
        bytes.append(UInt8(ascii: " "))
        appendDigits(rem / 3600, 2); bytes.append(UInt8(ascii: ":"))
        appendDigits(rem / 60 % 60, 2); bytes.append(UInt8(ascii: ":"))
        appendDigits(rem % 60, 2)
    }

    /// `v` (non-negative) zero-padded to `width` digits.
    private mutating func appendDigits(_ v: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = v
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A whole record of text fields.
    public mutating func writeRecord(_ fields: [String?]) {
        for f in fields { writeText(f) }
        endRecord()
    }

    private mutating func separate() {
        if fieldsInRecord > 0 { bytes.append(0x2C) }
        fieldsInRecord += 1
    }

    /// Copies `utf8` into `scratch` scalar by scalar under `InertText`'s rules. Pure printable
    /// ASCII, the common case, is copied without decoding.
    private mutating func sanitise(_ utf8: UnsafeRawBufferPointer) {
        scratch.removeAll(keepingCapacity: true)
        if !utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) {
            scratch.append(contentsOf: utf8)
            return
        }
        var it = utf8.makeIterator()
        var decoder = UTF8()
        loop: while true {
            let scalar: Unicode.Scalar
            switch decoder.decode(&it) {
            case .scalarValue(let s): scalar = s
            case .error: scalar = InertText.replacement
            case .emptyInput: break loop
            }
            switch InertText.classify(scalar) {
            case .keep: UTF8.encode(scalar) { scratch.append($0) }
            case .drop: continue
            case .replace: UTF8.encode(InertText.replacement) { scratch.append($0) }
            }
        }
    }

    /// True when `utf8` is valid UTF-8 that `writeText` would copy unchanged: no comma, quote,
    /// control character, bidi control or noncharacter, and a first byte that cannot start a
    /// formula. False sends a field down the general path, which decides it scalar by scalar.
    /// Four-byte sequences (emoji) and `-` at the start always take the general path.
    static func isPlainField(_ utf8: UnsafeRawBufferPointer) -> Bool {
        let n = utf8.count
        if n == 0 { return true }
        switch utf8[0] {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), UInt8(ascii: "-"): return false
        default: break
        }
        var i = 0
        while i < n {
            let b = utf8[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F || b == 0x2C || b == 0x22 { return false }
                i += 1
            } else if b >= 0xC2 && b <= 0xDF {
                // U+0080–U+07FF; C1 controls (U+0080–U+009F) are replaced.
                guard i + 1 < n, utf8[i + 1] & 0xC0 == 0x80, !(b == 0xC2 && utf8[i + 1] < 0xA0) else { return false }
                i += 2
            } else if b >= 0xE0 && b <= 0xEF {
                guard i + 2 < n, utf8[i + 1] & 0xC0 == 0x80, utf8[i + 2] & 0xC0 == 0x80 else { return false }
                let b1 = utf8[i + 1], b2 = utf8[i + 2]
                if b == 0xE0 && b1 < 0xA0 { return false }            // overlong
                if b == 0xED && b1 >= 0xA0 { return false }           // surrogates
                if b == 0xE2 && b1 == 0x80 && (0xAA...0xAE).contains(b2) { return false }  // U+202A–U+202E
                if b == 0xE2 && b1 == 0x81 && (0xA6...0xA9).contains(b2) { return false }  // U+2066–U+2069
                if b == 0xEF && b1 == 0xB7 && (0x90...0xAF).contains(b2) { return false }  // U+FDD0–U+FDEF
                if b == 0xEF && b1 == 0xBF && b2 >= 0xBE { return false }                  // U+FFFE, U+FFFF
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    static func needsNeutralising(_ field: [UInt8]) -> Bool {
        guard let first = field.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "-"): return !isPlainNegativeNumber(field)
        default: return false
        }
    }

    /// `-` digits [`.` digits]: a number a spreadsheet reads as a number, not a formula.
    static func isPlainNegativeNumber(_ f: [UInt8]) -> Bool {
        var i = 1, digits = 0, sawPoint = false, digitsAfterPoint = 0
        while i < f.count {
            let b = f[i]
            if b >= 0x30 && b <= 0x39 {
                if sawPoint { digitsAfterPoint += 1 } else { digits += 1 }
            } else if b == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                return false
            }
            i += 1
        }
        return digits > 0 && (!sawPoint || digitsAfterPoint > 0)
    }
}
