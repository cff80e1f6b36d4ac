import Columns

/// Excel's date serials as ISO text, so date cells reach the same `DateParser` as CSV text.
/// 1900 system: serial 1 is 1900-01-01 and Excel's phantom 1900-02-29 (serial 60) shifts later
/// serials by one; 1904 system (old Mac workbooks): serial 0 is 1904-01-01.
enum ExcelSerial {
    /// Days from 1970-01-01 and seconds into the day; nil when out of Excel's range (0 … 9999-12-31).
    static func split(_ serial: Double, uses1904: Bool) -> (days: Int, seconds: Int)? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var whole = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(whole)) * 86400).rounded())
        if seconds >= 86400 { whole += 1; seconds -= 86400 }
        let days: Int
        if uses1904 {
            days = whole - 24107
        } else {
            days = whole < 61 ? whole - 25568 : whole - 25569
        }
        return (days, seconds)
    }

    /// Appends `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` or (`timeOnly`, below one day) `HH:MM:SS`.
    static func appendISO(days: Int, seconds: Int, withTime: Bool, timeOnly: Bool, to out: inout [UInt8]) {
        if !timeOnly {
            let (y, m, d) = CivilDate.civil(fromDays: days)
            digits(y, 4, &out)
            out.append(0x2D)
            digits(m, 2, &out)
            out.append(0x2D)
            digits(d, 2, &out)
            guard withTime else { return }
            out.append(0x20)
        }
        digits(seconds / 3600, 2, &out)
        out.append(0x3A)
        digits(seconds / 60 % 60, 2, &out)
        out.append(0x3A)
        digits(seconds % 60, 2, &out)
    }

    private static func digits(_ v: Int, _ width: Int, _ out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = v
        if v >= divisor * 10 {  // wider than the field: write it all
            var d = divisor
            while v / (d * 10) > 0 { d *= 10 }
            divisor = d
        }
        while divisor > 0 {
            out.append(UInt8(48 + v / divisor % 10))
            v %= divisor
            divisor /= 10
        }
    }
}
