import CNumberText

/// A double as text for CSVs and tables: integral values without ".0" (amounts look like
/// amounts), others with at most 15 significant digits — every decimal a user typed survives,
/// while the noise of binary sums (41230.100000000006) does not. Deterministic: no locale.
public func formatDouble(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v > 0 ? "Infinity" : "-Infinity" }
    if v == v.rounded(), abs(v) < 9.2e18 { return String(Int64(v)) }
    // Swift's shortest spelling, made once for both fast paths.
    let shortest = v.description
    return DoubleText.shortestIfWithin15Digits(v, spelled: shortest) ?? DoubleText.roundedShortest(spelled: shortest)
        ?? DoubleText.printf15g(v)
}

enum DoubleText {
    /// Swift's shortest round-trip spelling when it has at most 15 significant digits and no
    /// exponent — then it is exactly what `%.15g` prints, because the 15-digit grid is coarser
    /// than a double's spacing, so rounding the value to 15 digits lands on that same decimal.
    /// It costs a fraction of `vsnprintf` (no va_list, and a small string needs no allocation),
    /// which matters when a report writes millions of model outputs. Nil when the slow path must decide.
    static func shortestIfWithin15Digits(_ v: Double) -> String? {
        shortestIfWithin15Digits(v, spelled: v.description)
    }

    /// The same, given `text == v.description`.
    static func shortestIfWithin15Digits(_ v: Double, spelled text: String) -> String? {
        // Integral values print as "3.0" here but "3" under %g; formatDouble writes those as integers.
        guard v.isFinite, v != v.rounded() else { return nil }
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
        v.isFinite ? roundedShortest(spelled: v.description) : nil
    }

    /// The same, from the shortest spelling `text` of a finite double. Digits live in one small
    /// stack buffer: a report formats millions of these.
    static func roundedShortest(spelled text: String) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer -> String? in
            // buffer[0..<32]: the spelling's digits as values 0…9; buffer[32...]: the output text.
            var count = 0, pointAt = -1, negative = false
            for b in text.utf8 {
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard count < 32 else { return nil }
                    buffer[count] = b &- 48
                    count += 1
                case UInt8(ascii: "."): pointAt = count
                case UInt8(ascii: "-") where count == 0: negative = true
                default: return nil  // an exponent, or not a number
                }
            }
            if pointAt < 0 { pointAt = count }
            var first = 0
            while first < count && buffer[first] == 0 { first += 1 }
            let significant = count - first
            guard significant > 15 && significant <= 17 else { return nil }
            var exponent = pointAt - first - 1  // of the leading significant digit
            // Exactly on a midpoint (16 digits ending in 5): only the binary value can decide.
            if significant == 16 && buffer[first + 15] == 5 { return nil }
            var keptCount = 15
            if buffer[first + 15] >= 5 {
                var i = first + 14
                while i >= first && buffer[i] == 9 { buffer[i] = 0; i -= 1 }
                if i >= first {
                    buffer[i] += 1
                } else {
                    // 9.99…9 became 10.0…0: a one and fourteen zeros, one decade up.
                    buffer[first] = 1
                    exponent += 1
                }
            }
            // %g writes an exponent outside 1e-4 ≤ |v| < 1e15.
            guard exponent >= -4 && exponent < 15 else { return nil }
            while keptCount > 1 && buffer[first + keptCount - 1] == 0 && keptCount > exponent + 1 { keptCount -= 1 }
            var n = 32
            func put(_ b: UInt8) { buffer[n] = b; n += 1 }
            if negative { put(UInt8(ascii: "-")) }
            if exponent >= 0 {
                for k in 0...exponent { put(buffer[first + k] + 48) }
                if keptCount > exponent + 1 {
                    put(UInt8(ascii: "."))
                    for k in (exponent + 1)..<keptCount { put(buffer[first + k] + 48) }
                }
            } else {
                put(UInt8(ascii: "0")); put(UInt8(ascii: "."))
                for _ in 0..<(-exponent - 1) { put(UInt8(ascii: "0")) }
                for k in 0..<keptCount { put(buffer[first + k] + 48) }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[32..<n]), as: UTF8.self)
        }
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
