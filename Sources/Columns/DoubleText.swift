import CNumberText

/// A double as text for CSVs and tables: integral values without ".0" (amounts look like
/// amounts), others with at most 15 significant digits — every decimal a user typed survives,
/// while the noise of binary sums (41230.100000000006) does not. Deterministic: no locale.
public func formatDouble(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v > 0 ? "Infinity" : "-Infinity" }
    if v == v.rounded(), abs(v) < 9.2e18 { return String(Int64(v)) }
    return DoubleText.shortestIfWithin15Digits(v) ?? DoubleText.printf15g(v)
}

enum DoubleText {
    /// Swift's shortest round-trip spelling when it has at most 15 significant digits and no
    /// exponent — then it is exactly what `%.15g` prints, because the 15-digit grid is coarser
    /// than a double's spacing, so rounding the value to 15 digits lands on that same decimal.
    /// It costs a fraction of `vsnprintf` (no va_list, and a small string needs no allocation),
    /// which matters when a report writes millions of model outputs. Nil when the slow path must decide.
    static func shortestIfWithin15Digits(_ v: Double) -> String? {
        // Integral values print as "3.0" here but "3" under %g; formatDouble writes those as integers.
        guard v.isFinite, v != v.rounded() else { return nil }
        let text = v.description
        var significant = 0, leadingZeros = true
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "0"):
                if !leadingZeros { significant += 1 }
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                leadingZeros = false
                significant += 1
            case UInt8(ascii: "."), UInt8(ascii: "-"):
                continue
            default:
                return nil  // an exponent: %g's choice of notation differs from Swift's there
            }
        }
        // Positional %g needs a decimal exponent ≥ -4: 0.0001 is positional, 0.00001 is not.
        return significant <= 15 && abs(v) >= 1e-4 ? text : nil
    }

    /// `%.15g`, with Swift's spelling where it would write an exponent.
    static func printf15g(_ v: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 40) { buffer -> String in
            let n = Int(crm_format_g15(v, buffer.baseAddress, 40))
            guard n > 0, n < 40 else { return "\(v)" }
            let bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: n)
            // %g may write an exponent ("1e-07"); keep Swift's spelling for those, which readers parse alike.
            if bytes.contains(UInt8(ascii: "e")) { return "\(v)" }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
