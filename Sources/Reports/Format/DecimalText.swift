/// Fixed-point decimal text written by hand, so that the same double gives the same digits on every
/// machine and locale (no `NumberFormatter`, no `String(format:)`). Rounds half away from zero.
enum DecimalText {
    /// `value` with `digits` decimals and `,` every three integer digits when `grouped`.
    /// Non-finite values give "–", as no report number should ever read "NaN".
    static func format(_ value: Double, digits: Int, grouped: Bool = true) -> String {
        guard value.isFinite else { return "–" }
        let digits = max(0, min(digits, 6))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^63 the value is no longer a report amount; print its magnitude rather than trap.
        guard scaled < 9.2e18 else { return value < 0 ? "-∞" : "∞" }
        let units = UInt64(scaled)
        let p = UInt64(scale)
        let intPart = units / p
        let frac = units % p
        var s = grouped ? group(intPart) : String(intPart)
        if digits > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return (value < 0 && units != 0 ? "-" : "") + s
    }

    /// `1234567` → `1,234,567`.
    static func group(_ n: UInt64) -> String {
        let raw = Array(String(n).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + raw.count / 3)
        for (i, c) in raw.enumerated() {
            if i > 0 && (raw.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
