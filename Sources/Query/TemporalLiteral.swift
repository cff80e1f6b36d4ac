import Columns

/// Text literals that stand for dates and timestamps where the other side of a comparison is
/// one: `'2025-01-01'`, `'2025-01-01 08:30:00'` (UTC). Only ISO forms: queries are typed by
/// people who also read the reports, which print ISO.
enum TemporalLiteral {
    /// Days since the epoch, or nil if `text` is not a valid `YYYY-MM-DD`.
    static func days(_ text: String) -> Int32? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }), CivilDate.isValid(year: y, month: m, day: d)
        else { return nil }
        return Int32(CivilDate.days(year: y, month: m, day: d))
    }

    /// Seconds since the epoch for `YYYY-MM-DD` (midnight) or `YYYY-MM-DD HH:MM:SS` / `…THH:MM:SS`.
    static func seconds(_ text: String) -> Int64? {
        if let d = days(text) { return Int64(d) * 86_400 }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 19, scalars[10] == " " || scalars[10] == "T",
            let d = days(String(String.UnicodeScalarView(scalars[0..<10])))
        else { return nil }
        let clock = String(String.UnicodeScalarView(scalars[11...])).split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let h = Int(clock[0]), let mi = Int(clock[1]), let s = Int(clock[2]), (0..<24).contains(h), (0..<60).contains(mi),
            (0..<60).contains(s)
        else { return nil }
        return Int64(d) * 86_400 + Int64(h * 3600 + mi * 60 + s)
    }
}
