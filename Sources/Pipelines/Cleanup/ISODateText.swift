import Columns

/// `YYYY-MM-DD` and `YYYY-MM-DD HH:MM:SS` (UTC) written into one reused buffer, the same text as
/// `CivilDate.iso` / `isoTimestamp` without building a String per value.
struct ISODateText {
    private var buffer = [UInt8](repeating: 0, count: 32)

    mutating func date<R, E: Error>(_ days: Int, _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let n = writeDate(days, at: 0)
        return try use(n, body)
    }

    mutating func timestamp<R, E: Error>(_ seconds: Int64, _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        // Floor division so times before 1970 land on the right day.
        let s = Int(seconds)
        var days = s / 86400, rem = s % 86400
        if rem < 0 { days -= 1; rem += 86400 }
        var n = writeDate(days, at: 0)
        buffer[n] = 0x20
        n += 1
        n = digits(rem / 3600, 2, at: n); buffer[n] = 0x3A; n += 1
        n = digits(rem / 60 % 60, 2, at: n); buffer[n] = 0x3A; n += 1
        n = digits(rem % 60, 2, at: n)
        return try use(n, body)
    }

    private func use<R, E: Error>(_ n: Int, _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = buffer.withUnsafeBytes { all in
            do throws(E) { return .success(try body(UnsafeRawBufferPointer(rebasing: all[0..<n]))) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private mutating func writeDate(_ days: Int, at start: Int) -> Int {
        let (y, m, d) = CivilDate.civil(fromDays: days)
        // Years outside 0…9999 (a corrupt cell) fall back to the general formatter's text.
        guard (0...9999).contains(y) else {
            let text = Array(CivilDate.iso(days).utf8.prefix(20))
            for (k, b) in text.enumerated() { buffer[start + k] = b }
            return start + text.count
        }
        var n = digits(y, 4, at: start)
        buffer[n] = 0x2D; n += 1
        n = digits(m, 2, at: n)
        buffer[n] = 0x2D; n += 1
        return digits(d, 2, at: n)
    }

    private mutating func digits(_ value: Int, _ width: Int, at start: Int) -> Int {
        var v = value
        for k in stride(from: width - 1, through: 0, by: -1) {
            buffer[start + k] = UInt8(48 + v % 10)
            v /= 10
        }
        return start + width
    }
}
