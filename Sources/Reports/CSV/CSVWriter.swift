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
