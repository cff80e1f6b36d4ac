import Columns

/// Parses the date and date-time forms CRM exports use, straight from field bytes:
/// ISO `2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日`, compact `20240305`, `03/05/2024` read by
/// a declared `DateOrder`, Excel serial day numbers (`45356`, `45356.5`), Unix seconds (10 digits) and
/// milliseconds (13 digits), and any of these followed by a time `HH:MM[:SS[.fff]]` (after a space or
/// `T`), optional `AM`/`PM`, and a zone `Z`, `UTC`, `+08:00`, `+0800` or `+08`. Timestamps are UTC.
public enum DateParser {
    /// A parsed value: the calendar day as written, and the UTC instant.
    public struct Value: Sendable, Equatable {
        /// Days since 1970-01-01 of the date as written (before any zone shift).
        public var days: Int32
        /// Seconds since the epoch, UTC (zone offsets applied).
        public var timestamp: Int64
        /// Whether the text carried a time of day (or was an instant such as Unix seconds).
        public var hasTime: Bool
    }

    /// Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for.
    static let excelEpochDays = -25569
    /// 9999-12-31 in Excel serial days: larger numbers are not dates.
    static let excelMaxSerial = 2_958_465

    public static func parse(_ bytes: UnsafeRawBufferPointer, order: DateOrder = .auto) -> Value? {
        if let v = parseFixedISO(bytes) { return v }
        var s = ByteScanner(bytes)
        s.trim()
        if s.atEnd { return nil }
        if let numeric = parseNumeric(&s) { return numeric }
        guard let (days, _) = parseCalendarDate(&s, order: order) else { return nil }
        if s.atEnd { return Value(days: Int32(days), timestamp: Int64(days) * 86400, hasTime: false) }
        // A time must be separated from the date.
        let separated = s.consume(UInt8(ascii: "T")) || s.peek() == 0x20
        guard separated else { return nil }
        s.skipSpaces()
        guard let seconds = parseTimeOfDay(&s) else { return nil }
        return Value(days: Int32(days), timestamp: Int64(days) * 86400 + seconds, hasTime: true)
    }

    public static func parse(_ text: String, order: DateOrder = .auto) -> Value? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0), order: order) }
    }

    /// Days since the epoch, or nil when the text is not a date.
    @inline(__always)
    public static func parseDate(_ bytes: UnsafeRawBufferPointer, order: DateOrder = .auto) -> Int32? {
        parse(bytes, order: order)?.days
    }

    public static func parseDate(_ text: String, order: DateOrder = .auto) -> Int32? { parse(text, order: order)?.days }

    /// Seconds since the epoch (UTC); a bare date is its midnight UTC.
    @inline(__always)
    public static func parseTimestamp(_ bytes: UnsafeRawBufferPointer, order: DateOrder = .auto) -> Int64? {
        parse(bytes, order: order)?.timestamp
    }

    public static func parseTimestamp(_ text: String, order: DateOrder = .auto) -> Int64? {
        parse(text, order: order)?.timestamp
    }

    /// The most common exact forms, `YYYY-MM-DD` and `YYYY-MM-DD HH:MM:SS` (or with `T`), read at
    /// fixed offsets; anything else (or anything invalid) goes through the general parser.
    @inline(__always)
    private static func parseFixedISO(_ b: UnsafeRawBufferPointer) -> Value? {
        let n = b.count
        guard n == 10 || n == 19, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        @inline(__always) func two(_ i: Int) -> Int? {
            let x = b[i] &- 0x30, y = b[i + 1] &- 0x30
            return x < 10 && y < 10 ? Int(x) * 10 + Int(y) : nil
        }
        guard let c = two(0), let yy = two(2), let m = two(5), let d = two(8),
              CivilDate.isValid(year: c * 100 + yy, month: m, day: d) else { return nil }
        let days = CivilDate.days(year: c * 100 + yy, month: m, day: d)
        if n == 10 { return Value(days: Int32(days), timestamp: Int64(days) * 86400, hasTime: false) }
        guard b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
              b[16] == UInt8(ascii: ":"), let h = two(11), let mi = two(14), let sec = two(17),
              h < 24, mi < 60, sec <= 60 else { return nil }
        return Value(days: Int32(days), timestamp: Int64(days) * 86400 + Int64(h * 3600 + mi * 60 + sec), hasTime: true)
    }

    /// All-digit forms: `YYYYMMDD`, Unix seconds / milliseconds, Excel serials (with a day fraction).
    private static func parseNumeric(_ s: inout ByteScanner) -> Value? {
        var probe = s
        guard let (whole, count) = probe.digits(max: 18) else { return nil }
        var fraction = 0.0
        var hasFraction = false
        if probe.consume(UInt8(ascii: ".")) {
            guard let (f, fc) = probe.digits(max: 15) else { return nil }
            var scale = 1.0
            for _ in 0..<fc { scale *= 10 }
            fraction = Double(f) / scale
            hasFraction = true
        }
        guard probe.atEnd else { return nil }
        s = probe
        switch count {
        case 8 where !hasFraction:
            let y = whole / 10000, m = whole / 100 % 100, d = whole % 100
            guard y >= 1000, CivilDate.isValid(year: y, month: m, day: d) else { return nil }
            let days = CivilDate.days(year: y, month: m, day: d)
            return Value(days: Int32(days), timestamp: Int64(days) * 86400, hasTime: false)
        case 10 where !hasFraction:
            return instant(seconds: Int64(whole))
        case 13 where !hasFraction:
            return instant(seconds: Int64(whole) / 1000)
        default:
            guard count <= 7, whole >= 1, whole <= excelMaxSerial else { return nil }
            // Excel counts 1900-02-29, which never existed: serials from 61 on are one day ahead.
            let days = whole < 61 ? whole + excelEpochDays + 1 : whole + excelEpochDays
            let seconds = Int64((fraction * 86400).rounded())
            return Value(days: Int32(days), timestamp: Int64(days) * 86400 + seconds, hasTime: hasFraction)
        }
    }

    private static func instant(seconds: Int64) -> Value {
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        return Value(days: Int32(days), timestamp: seconds, hasTime: true)
    }

    /// `Y-M-D`, `Y/M/D`, `Y.M.D`, `Y年M月D日`, or `A/B/YYYY` (also with `-` or `.`) by `order`.
    private static func parseCalendarDate(_ s: inout ByteScanner, order: DateOrder) -> (Int, Bool)? {
        guard let (first, firstCount) = s.digits(max: 4) else { return nil }
        if firstCount == 4 {
            let year = first
            let chinese: Bool
            if s.consume(0xE5, 0xB9, 0xB4) {  // 年
                chinese = true
            } else if let sep = s.peek(), sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") {
                chinese = false
                s.position += 1
                guard let (month, _) = s.digits(max: 2), s.consume(sep), let (day, _) = s.digits(max: 2) else { return nil }
                return validated(year, month, day)
            } else {
                return nil
            }
            guard chinese, let (month, _) = s.digits(max: 2), s.consume(0xE6, 0x9C, 0x88),  // 月
                  let (day, _) = s.digits(max: 2) else { return nil }
            _ = s.consume(0xE6, 0x97, 0xA5) || s.consume(0xE5, 0x8F, 0xB7)  // 日 or 号
            return validated(year, month, day)
        }
        guard firstCount <= 2, let sep = s.peek(),
              sep == UInt8(ascii: "/") || sep == UInt8(ascii: "-") || sep == UInt8(ascii: ".") else { return nil }
        s.position += 1
        guard let (second, secondCount) = s.digits(max: 2), secondCount <= 2, s.consume(sep),
              let (year, yearCount) = s.digits(max: 4), yearCount == 4 else { return nil }
        switch order {
        case .mdy: return validated(year, first, second)
        case .dmy: return validated(year, second, first)
        case .auto:
            if first > 12 && second <= 12 { return validated(year, second, first) }
            if second > 12 && first <= 12 { return validated(year, first, second) }
            if first == second { return validated(year, first, second) }
            return nil  // ambiguous without a declared order
        }
    }

    private static func validated(_ y: Int, _ m: Int, _ d: Int) -> (Int, Bool)? {
        guard CivilDate.isValid(year: y, month: m, day: d) else { return nil }
        return (CivilDate.days(year: y, month: m, day: d), true)
    }

    /// `HH:MM[:SS[.fff]]`, optional AM/PM, optional zone; returns UTC seconds of the day (may leave 0..<86400).
    private static func parseTimeOfDay(_ s: inout ByteScanner) -> Int64? {
        guard let (h, hc) = s.digits(max: 2), hc >= 1 else { return nil }
        var hour = h, minute = 0, second = 0
        if s.consume(UInt8(ascii: ":")) {
            guard let (m, mc) = s.digits(max: 2), mc == 2 else { return nil }
            minute = m
            if s.consume(UInt8(ascii: ":")) {
                guard let (sec, sc) = s.digits(max: 2), sc == 2 else { return nil }
                second = sec
                if s.consume(UInt8(ascii: ".")) || s.consume(UInt8(ascii: ",")) {
                    guard s.digits(max: 9) != nil else { return nil }  // sub-second precision is dropped
                }
            }
        } else if s.consume(0xE6, 0x97, 0xB6) || s.consume(0xE7, 0x82, 0xB9) {  // 时 / 点
            if let (m, _) = s.digits(max: 2) {
                minute = m
                guard s.consume(0xE5, 0x88, 0x86) else { return nil }  // 分
                if let (sec, _) = s.digits(max: 2) {
                    second = sec
                    guard s.consume(0xE7, 0xA7, 0x92) else { return nil }  // 秒
                }
            }
        } else {
            return nil
        }
        guard minute < 60, second <= 60 else { return nil }
        s.skipSpaces()
        if s.consumeWord("AM") || s.consumeWord("a.m.") {
            guard (1...12).contains(hour) else { return nil }
            if hour == 12 { hour = 0 }
        } else if s.consumeWord("PM") || s.consumeWord("p.m.") {
            guard (1...12).contains(hour) else { return nil }
            if hour != 12 { hour += 12 }
        }
        guard hour < 24 || (hour == 24 && minute == 0 && second == 0) else { return nil }
        var seconds = Int64(hour * 3600 + minute * 60 + second)
        s.skipSpaces()
        if s.atEnd { return seconds }
        if s.consume(UInt8(ascii: "Z")) || s.consumeWord("UTC") || s.consumeWord("GMT") {
            if s.atEnd { return seconds }
        }
        guard let sign = s.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        s.position += 1
        guard let (oh, ohc) = s.digits(max: 2), ohc == 2 else { return nil }
        var om = 0
        if s.consume(UInt8(ascii: ":")) {
            guard let (m, mc) = s.digits(max: 2), mc == 2 else { return nil }
            om = m
        } else if let (m, mc) = s.digits(max: 2) {
            guard mc == 2 else { return nil }
            om = m
        }
        guard s.atEnd, oh <= 14, om < 60 else { return nil }
        let offset = Int64(oh * 3600 + om * 60)
        seconds += sign == UInt8(ascii: "+") ? -offset : offset
        return seconds
    }
}
