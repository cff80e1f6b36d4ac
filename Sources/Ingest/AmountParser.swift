#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses money and plain numbers as written in CRM exports, straight from field bytes:
/// `1234.5`, `¥1,234.50`, full-width `￥`, `$1,234`, `€`, `£`, `RMB`/`CNY`/`USD` codes, `1,234.00元`,
/// Chinese magnitudes `1.2万` (×10⁴) and `3亿` (×10⁸), accounting negatives `(123.00)`, signs `-`/`+`/`−`,
/// exponents `1.5e3`. With `decimalComma`, `1 234,50` / `1.234,50` read as 1234.5; without it a comma
/// only groups thousands and grouping must be regular (`1,23,4` is rejected, not guessed at).
public enum AmountParser {
    public static func parse(_ bytes: UnsafeRawBufferPointer, decimalComma: Bool = false) -> Double? {
        var s = ByteScanner(bytes)
        s.trim()
        if s.atEnd { return nil }
        var negative = false
        // Accounting negative: (123.00) or full-width （123.00）.
        if s.peek() == UInt8(ascii: "("), s.bytes[s.end - 1] == UInt8(ascii: ")") {
            negative = true
            s.position += 1
            s.end -= 1
        } else if s.matches(0xEF, 0xBC, 0x88), s.endsWith(0xEF, 0xBC, 0x89) {
            negative = true
            s.position += 3
            s.end -= 3
        }
        s.trim()
        var signSeen = false
        if consumeSign(&s, negative: &negative) { signSeen = true; s.skipSpaces() }
        let hadCurrency = consumeCurrencyPrefix(&s)
        if hadCurrency {
            s.skipSpaces()
            if !signSeen, consumeSign(&s, negative: &negative) { s.skipSpaces() }
        }
        guard var number = parseNumber(&s, decimalComma: decimalComma) else { return nil }
        s.skipSpaces()
        if s.consume(0xE4, 0xB8, 0x87) {  // 万
            number.exponent += 4
        } else if s.consume(0xE4, 0xBA, 0xBF) {  // 亿
            number.exponent += 8
        } else if s.consume(0xE5, 0x8D, 0x83) {  // 千
            number.exponent += 3
        }
        s.skipSpaces()
        _ = s.consume(0xE5, 0x85, 0x83) || s.consume(0xE5, 0x9D, 0x97)  // 元 / 块
            || s.consumeWord("RMB") || s.consumeWord("CNY") || s.consumeWord("USD") || s.consumeWord("EUR")
        guard s.atEnd else { return nil }
        guard let magnitude = number.value() else { return nil }
        return negative ? -magnitude : magnitude
    }

    public static func parse(_ text: String, decimalComma: Bool = false) -> Double? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0), decimalComma: decimalComma) }
    }

    private static func consumeSign(_ s: inout ByteScanner, negative: inout Bool) -> Bool {
        if s.consume(UInt8(ascii: "-")) || s.consume(0xE2, 0x88, 0x92) {  // - or U+2212 minus
            negative.toggle()
            return true
        }
        return s.consume(UInt8(ascii: "+"))
    }

    private static func consumeCurrencyPrefix(_ s: inout ByteScanner) -> Bool {
        if s.consume(0xC2, 0xA5) || s.consume(0xEF, 0xBF, 0xA5) || s.consume(0xE2, 0x82, 0xAC)  // ¥ ￥ €
            || s.consume(0xC2, 0xA3) {  // £
            return true
        }
        if s.consumeWord("US$") || s.consumeWord("HK$") || s.consumeWord("RMB") || s.consumeWord("CNY")
            || s.consumeWord("USD") || s.consumeWord("EUR") {
            return true
        }
        return s.consume(UInt8(ascii: "$"))
    }

    /// A decimal number as integer digits × 10^exponent, so `1234.50` and `1.2万` stay exact until one final rounding.
    struct Decimal {
        var mantissa: UInt64
        var exponent: Int
        /// Digits beyond what a UInt64 holds were dropped; the value falls back to strtod.
        var overflowDigits: Int

        func value() -> Double? {
            let e = exponent + overflowDigits
            if mantissa < (1 << 53) && e >= -22 && e <= 22 {
                let m = Double(mantissa)
                // Exact operands, one correctly rounded operation (Clinger's fast path).
                return e >= 0 ? m * powersOfTen[e] : m / powersOfTen[-e]
            }
            let v = strtod("\(mantissa)e\(e)", nil)
            return v.isFinite ? v : nil
        }
    }

    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }

    private static func parseNumber(_ s: inout ByteScanner, decimalComma: Bool) -> Decimal? {
        var number = Decimal(mantissa: 0, exponent: 0, overflowDigits: 0)
        var integerDigits = 0
        var groupDigits = 0  // digits since the last group separator
        var grouped = false
        let decimalMark = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")

        func addDigit(_ d: UInt8) {
            if number.mantissa <= (UInt64.max - 9) / 10 {
                number.mantissa = number.mantissa * 10 + UInt64(d)
            } else {
                number.overflowDigits += 1
            }
        }

        while !s.atEnd {
            let b = s.bytes[s.position]
            if b.isASCIIDigit {
                addDigit(b &- 0x30)
                integerDigits += 1
                groupDigits += 1
                s.position += 1
                continue
            }
            let groupWidth = groupSeparatorWidth(s, decimalComma: decimalComma)
            guard groupWidth > 0 else { break }
            // A separator must follow 1–3 digits (first group) or exactly 3, and be followed by a digit.
            guard integerDigits > 0, grouped ? groupDigits == 3 : groupDigits <= 3 else { return nil }
            guard let next = s.peek(groupWidth), next.isASCIIDigit else { return nil }
            grouped = true
            groupDigits = 0
            s.position += groupWidth
        }
        if grouped && groupDigits != 3 { return nil }
        var fractionDigits = 0
        if s.consume(decimalMark) {
            while let b = s.peek(), b.isASCIIDigit {
                addDigit(b &- 0x30)
                fractionDigits += 1
                s.position += 1
            }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        number.exponent -= fractionDigits
        if let e = s.peek(), e | 0x20 == UInt8(ascii: "e"), let after = s.peek(1),
           after.isASCIIDigit || after == UInt8(ascii: "-") || after == UInt8(ascii: "+") {
            s.position += 1
            var expNegative = false
            if s.consume(UInt8(ascii: "-")) { expNegative = true } else { _ = s.consume(UInt8(ascii: "+")) }
            guard let (ev, _) = s.digits(max: 4) else { return nil }
            number.exponent += expNegative ? -ev : ev
        }
        return number
    }

    /// Width of a thousands separator at the cursor: `,` (or, with a decimal comma, `.`, space, NBSP, U+202F).
    private static func groupSeparatorWidth(_ s: ByteScanner, decimalComma: Bool) -> Int {
        guard let b = s.peek() else { return 0 }
        if !decimalComma { return b == UInt8(ascii: ",") ? 1 : 0 }
        if b == UInt8(ascii: ".") || b == UInt8(ascii: " ") || b == UInt8(ascii: "'") { return 1 }
        if s.matches(0xC2, 0xA0) { return 2 }
        if s.matches(0xE2, 0x80, 0xAF) { return 3 }
        return 0
    }
}
