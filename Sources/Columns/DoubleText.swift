import CNumberText

/// A double as text for CSVs and tables: integral values without ".0" (amounts look like
/// amounts), others with at most 15 significant digits — every decimal a user typed survives,
/// while the noise of binary sums (41230.100000000006) does not. Deterministic: no locale.
public func formatDouble(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v > 0 ? "Infinity" : "-Infinity" }
    if v == v.rounded(), abs(v) < 9.2e18 { return String(Int64(v)) }
    return DoubleText.shortestIfWithin15Digits(v) ?? DoubleText.roundedShortest(v) ?? DoubleText.printf15g(v)
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

    /// `%.15g` for the values whose shortest spelling has 16 or 17 significant digits (model
    /// outputs such as 0.2986497743717871), by rounding those digits to 15. That equals rounding
    /// the binary value itself unless a 15-digit rounding midpoint (16 digits, ending in 5) lies
    /// between the value and its shortest spelling, or is that spelling: the shortest spelling is
    /// also the closest of its length, so a midpoint strictly between would be a shorter or closer
    /// spelling — impossible — and the one left, a spelling ending in that 5, goes to `vsnprintf`.
    /// Nil there, for exponents %g would print, and for anything unexpected.
    static func roundedShortest(_ v: Double) -> String? {
        guard v.isFinite else { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var pointAt = -1, negative = false
        for b in v.description.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(b &- 48)
            case UInt8(ascii: "."): pointAt = digits.count
            case UInt8(ascii: "-") where digits.isEmpty: negative = true
            default: return nil  // an exponent
            }
        }
        if pointAt < 0 { pointAt = digits.count }
        guard let first = digits.firstIndex(where: { $0 != 0 }) else { return nil }
        let significant = digits[first...]
        guard significant.count > 15 && significant.count <= 17 else { return nil }
        var exponent = pointAt - first - 1  // of the leading significant digit
        let tail = Array(significant.dropFirst(15))
        if tail == [5] { return nil }  // exactly on a midpoint: only the binary value can decide
        var kept = Array(significant.prefix(15))
        if tail[0] >= 5 {
            var i = kept.count - 1
            while i >= 0 && kept[i] == 9 { kept[i] = 0; i -= 1 }
            if i >= 0 {
                kept[i] += 1
            } else {
                kept.insert(1, at: 0)
                kept.removeLast()
                exponent += 1
            }
        }
        // %g writes an exponent outside 1e-4 ≤ |v| < 1e15.
        guard exponent >= -4 && exponent < 15 else { return nil }
        while kept.count > 1 && kept.last == 0 && kept.count > exponent + 1 { kept.removeLast() }
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        if exponent >= 0 {
            out += kept.prefix(exponent + 1).map { $0 + 48 }
            if kept.count > exponent + 1 { out.append(UInt8(ascii: ".")); out += kept.dropFirst(exponent + 1).map { $0 + 48 } }
        } else {
            out += Array("0.".utf8) + [UInt8](repeating: 48, count: -exponent - 1) + kept.map { $0 + 48 }
        }
        return String(decoding: out, as: UTF8.self)
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
