#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Columns

/// Parsers for PostgreSQL's own text output of a session set to DateStyle ISO and TimeZone UTC
/// (`PostgresDB.Connection` pins both): `2025-02-20`, `2025-02-20 06:00:00.25`, `… 06:00:00+00`,
/// `0044-03-15 BC`, `t`/`f`. The shape is fixed by the server, so these are strict: anything else
/// (`infinity`, a date outside the column's range) is nil and the row is quarantined with the text.
enum PostgresText {
    /// `t` / `f`, the only spellings the server writes.
    static func bool(_ b: UnsafeRawBufferPointer) -> Bool? {
        guard b.count == 1 else { return nil }
        switch b[0] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: return nil
        }
    }

    /// float4/float8/numeric text, including exponents. libpq guarantees a NUL after the value, so
    /// strtod reads it in place; it must consume every byte. NaN and ±Infinity are refused: they are
    /// not amounts and would poison every sum downstream.
    static func double(_ b: UnsafeRawBufferPointer) -> Double? {
        // strtod would skip leading blanks; the server never writes them.
        guard let base = b.baseAddress, let first = b.first, first != 0x20, first < 0x09 || first > 0x0D else { return nil }
        let start = base.assumingMemoryBound(to: CChar.self)
        var end: UnsafeMutablePointer<CChar>?
        let v = strtod(start, &end)
        guard let end, UnsafeRawPointer(end) == base + b.count, v.isFinite else { return nil }
        return v
    }

    /// `YYYY-MM-DD[ BC]` → days since 1970-01-01.
    static func date(_ b: UnsafeRawBufferPointer) -> Int32? {
        var i = 0
        guard let c = civil(b, &i) else { return nil }
        let bc = suffixBC(b, &i)
        guard i == b.count, let d = days(c, bc: bc) else { return nil }
        return Int32(exactly: d)
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff][±HH[:MM[:SS]]][ BC]` → seconds since the epoch, UTC. Fractions are
    /// dropped (timestamps are whole seconds in the store); an offset is subtracted.
    static func timestamp(_ b: UnsafeRawBufferPointer) -> Int64? {
        var i = 0
        guard let c = civil(b, &i), i < b.count, b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let h = digits(b, &i, exactly: 2), expect(b, &i, ":"), let m = digits(b, &i, exactly: 2),
              expect(b, &i, ":"), let s = digits(b, &i, exactly: 2), h < 24, m < 60, s < 61 else { return nil }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > fractionStart else { return nil }
        }
        var offset = 0
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = digits(b, &i, exactly: 2) else { return nil }
            var seconds = oh * 3600
            if expect(b, &i, ":") {
                guard let om = digits(b, &i, exactly: 2) else { return nil }
                seconds += om * 60
                if expect(b, &i, ":") {
                    guard let os = digits(b, &i, exactly: 2) else { return nil }
                    seconds += os
                }
            }
            offset = sign * seconds
        }
        let bc = suffixBC(b, &i)
        guard i == b.count, let day = days(c, bc: bc) else { return nil }
        return Int64(day) * 86_400 + Int64(h * 3600 + m * 60 + s - offset)
    }

    /// A leading `Y…Y-MM-DD` (4–7 year digits) as written.
    private static func civil(_ b: UnsafeRawBufferPointer, _ i: inout Int) -> (year: Int, month: Int, day: Int)? {
        let yearStart = i
        var year = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39, i - yearStart < 7 {
            year = year * 10 + Int(b[i] - 0x30)
            i += 1
        }
        guard i - yearStart >= 4, expect(b, &i, "-"), let month = digits(b, &i, exactly: 2), expect(b, &i, "-"),
              let day = digits(b, &i, exactly: 2) else { return nil }
        return (year, month, day)
    }

    /// Days since 1970-01-01 of a civil date; a BC year n is proleptic year 1 − n (1 BC is the leap year 0).
    private static func days(_ c: (year: Int, month: Int, day: Int), bc: Bool) -> Int? {
        let year = bc ? 1 - c.year : c.year
        guard CivilDate.isValid(year: year, month: c.month, day: c.day) else { return nil }
        return CivilDate.days(year: year, month: c.month, day: c.day)
    }

    private static func suffixBC(_ b: UnsafeRawBufferPointer, _ i: inout Int) -> Bool {
        guard b.count - i == 3, b[i] == UInt8(ascii: " "), b[i + 1] == UInt8(ascii: "B"), b[i + 2] == UInt8(ascii: "C")
        else { return false }
        i += 3
        return true
    }

    private static func digits(_ b: UnsafeRawBufferPointer, _ i: inout Int, exactly n: Int) -> Int? {
        guard i + n <= b.count else { return nil }
        var v = 0
        for k in i..<(i + n) {
            guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
            v = v * 10 + Int(b[k] - 0x30)
        }
        i += n
        return v
    }

    private static func expect(_ b: UnsafeRawBufferPointer, _ i: inout Int, _ c: Unicode.Scalar) -> Bool {
        guard i < b.count, b[i] == UInt8(ascii: c) else { return false }
        i += 1
        return true
    }
}
