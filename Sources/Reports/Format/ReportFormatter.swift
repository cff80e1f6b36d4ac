import Columns

/// Numbers, amounts, percentages and dates as a report in `language` shows them. Written by hand
/// (see `DecimalText`) so output is identical on every machine.
///
/// Amounts: zh reads large figures in 万 (10⁴) and 亿 (10⁸) — `¥1,234.5万`, `¥3.21亿`; en in
/// K/M/B — `$12.3K`, `$1.2M`. Full amounts keep two decimals: `¥1,234.50`.
public struct ReportFormatter: Sendable {
    public let language: ReportLanguage
    /// Written before amounts: "¥", "$", "€", or an ISO code followed by a space.
    public let currencySymbol: String

    public init(language: ReportLanguage, currency: String) {
        self.language = language
        self.currencySymbol = Self.symbol(forCurrency: currency)
    }

    /// The sign for an ISO 4217 code; unknown codes are written as the code itself ("CHF 12.00").
    public static func symbol(forCurrency code: String) -> String {
        switch code.uppercased() {
        case "CNY", "RMB", "JPY": "¥"
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        case "HKD": "HK$"
        case "": ""
        default: code.uppercased() + " "
        }
    }

    /// Whole count with thousands separators: `1,234,567`.
    public func count(_ n: Int) -> String { (n < 0 ? "-" : "") + DecimalText.group(UInt64(n.magnitude)) }

    /// A plain decimal: `1,234.57`.
    public func decimal(_ v: Double, digits: Int = 2) -> String { DecimalText.format(v, digits: digits) }

    /// A full amount with two decimals: `¥1,234.50`, `-$12.00`.
    public func money(_ v: Double) -> String { signed(v) { DecimalText.format($0, digits: 2) } }

    /// A compact amount for tiles and axes (see the type's comment).
    public func moneyCompact(_ v: Double) -> String { signed(v) { compact($0, smallDigits: 0) } }

    /// A compact amount for axis ticks, where ticks are round numbers: `¥1,500万`, `$2M`.
    public func moneyTick(_ v: Double) -> String { Self.trimmingZeroDecimals(moneyCompact(v)) }

    /// A compact count for axis ticks: `1.5万`, `5,000`, `10K`. A tick between whole numbers
    /// (a fractional scale, e.g. a forecast of small counts) keeps up to two decimals, `0.25`,
    /// so neighbouring ticks never read the same after rounding.
    public func countTick(_ v: Double) -> String {
        guard v.isFinite, v != v.rounded(), abs(v) < 1000 else { return Self.trimmingZeroDecimals(countCompact(v)) }
        return Self.trimmingTrailingZeros(DecimalText.format(v, digits: 2))
    }

    /// `0.50` → `0.5`, `2.00` → `2`.
    static func trimmingTrailingZeros(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = Substring(s)
        while t.last == "0" { t = t.dropLast() }
        if t.last == "." { t = t.dropLast() }
        return t == "-0" ? "0" : String(t)
    }

    /// `1,500.0万` → `1,500万`, `2.50亿` → `2.50亿` (only all-zero decimals go).
    static func trimmingZeroDecimals(_ s: String) -> String {
        guard let dot = s.firstIndex(of: ".") else { return s }
        var end = s.index(after: dot)
        while end < s.endIndex, s[end] == "0" { end = s.index(after: end) }
        // Not `isNumber`: 万 and 亿 are Unicode numerals.
        if end < s.endIndex, ("0"..."9").contains(s[end]) { return s }
        return String(s[..<dot]) + String(s[end...])
    }

    /// A compact count: zh `12.3万`, en `12.3K`; below the first unit, the grouped integer.
    public func countCompact(_ v: Double) -> String {
        guard v.isFinite else { return "–" }
        return (v < 0 ? "-" : "") + compactMagnitude(abs(v), smallDigits: 0)
    }

    /// A share as a percentage: `0.1234` → `12.3%`.
    public func percent(_ share: Double, digits: Int = 1) -> String {
        guard share.isFinite else { return "–" }
        return DecimalText.format(share * 100, digits: digits) + "%"
    }

    /// A relative change with its sign: `+12.3%`, `-4.0%`, `0.0%`.
    public func signedPercent(_ change: Double, digits: Int = 1) -> String {
        guard change.isFinite else { return "–" }
        let body = DecimalText.format(change * 100, digits: digits)
        let isZero = body.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        return (body.hasPrefix("-") || isZero ? body : "+" + body) + "%"
    }

    /// A change between two shares, in percentage points: `+2.1 pp` / `+2.1个百分点`.
    public func percentagePoints(_ delta: Double) -> String {
        guard delta.isFinite else { return "–" }
        let body = DecimalText.format(delta * 100, digits: 1)
        let signed = body.hasPrefix("-") || body == "0.0" ? body : "+" + body
        return language == .zh ? signed + "个百分点" : signed + " pp"
    }

    private func signed(_ v: Double, _ body: (Double) -> String) -> String {
        guard v.isFinite else { return "–" }
        let text = body(abs(v))
        let isZero = text.allSatisfy { "0.,".contains($0) }
        return (v < 0 && !isZero ? "-" : "") + currencySymbol + text
    }

    private func compact(_ magnitude: Double, smallDigits: Int) -> String {
        compactMagnitude(magnitude, smallDigits: smallDigits)
    }

    /// Picks the unit after rounding: a unit is used when the value reaches it, or when writing it
    /// in the unit below would round up to it — so 99,999,999 reads `1.00亿`, not `10,000.0万`,
    /// and 9,999.6 reads `1.0万`, not `10,000`.
    private func compactMagnitude(_ m: Double, smallDigits: Int) -> String {
        let units: [(threshold: Double, suffix: String, digits: Int)] =
            language == .zh
            ? [(1e8, "亿", 2), (1e4, "万", 1)]
            : [(1e9, "B", 1), (1e6, "M", 1), (1e3, "K", 1)]
        for (i, u) in units.enumerated() {
            let below =
                i + 1 < units.count
                ? Self.rounded(m / units[i + 1].threshold, units[i + 1].digits) * units[i + 1].threshold
                : Self.rounded(m, smallDigits)
            if m >= u.threshold || below >= u.threshold {
                return DecimalText.format(m / u.threshold, digits: u.digits) + u.suffix
            }
        }
        return DecimalText.format(m, digits: smallDigits)
    }

    private static func rounded(_ v: Double, _ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (v * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}

extension ReportFormatter {
    /// A fitted parameter: four significant digits, switching to `1.234e-7` style outside
    /// 10⁻⁴…10⁹ so tiny and huge values stay readable.
    public func parameter(_ v: Double) -> String {
        guard v.isFinite else { return "–" }
        if v == 0 { return "0" }
        var exponent = 0
        var m = abs(v)
        while m >= 10 { m /= 10; exponent += 1 }
        while m < 1 { m *= 10; exponent -= 1 }
        if exponent < -4 || exponent >= 9 {
            var mantissa = DecimalText.format(m, digits: 3, grouped: false)
            if mantissa == "10.000" { mantissa = "1.000"; exponent += 1 }
            return (v < 0 ? "-" : "") + mantissa + "e" + String(exponent)
        }
        return DecimalText.format(v, digits: max(0, 3 - exponent), grouped: true)
    }
}
