#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An RFC 4180 CSV writer over one large byte buffer flushed with `write(2)`: fields are appended as
/// bytes (numbers and dates formatted in place), never built as Strings. Not thread-safe: one writer
/// per file, one file per task.
public final class CSVByteWriter {
    public let path: String
    private let fd: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private var atRowStart = true
    private let days: DayText
    public private(set) var bytesWritten = 0
    /// Data rows written (the header is not counted).
    public private(set) var rows = 0

    public init(path: String, days: DayText, bufferSize: Int = 1 << 22) throws {
        self.path = path
        self.days = days
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw GeneratorError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        capacity = max(bufferSize, 1 << 12)
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
        if fd >= 0 { _ = close(fd) }
    }

    @inline(__always)
    static func needsQuoting(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
    }

    public func header(_ names: [String]) {
        for name in names { field(EncodedText(name)) }
        endLine()
    }

    // MARK: - Rows

    @inline(__always)
    private func ensure(_ n: Int) {
        if count + n > capacity { flushBuffer() }
    }

    @inline(__always)
    private func separator() {
        if atRowStart { atRowStart = false } else { ensure(1); buffer[count] = UInt8(ascii: ","); count += 1 }
    }

    private func endLine() {
        ensure(1)
        buffer[count] = 0x0A
        count += 1
        atRowStart = true
    }

    @inline(__always)
    public func endRow() {
        endLine()
        rows += 1
    }

    /// An empty (null) field.
    @inline(__always)
    public func null() { separator() }

    @inline(__always)
    public func field(_ text: EncodedText) {
        separator()
        text.bytes.withUnsafeBufferPointer { appendEscaped($0, quote: text.needsQuotes) }
    }

    @inline(__always)
    public func field(_ bytes: UnsafeBufferPointer<UInt8>) {
        separator()
        var quote = false
        for b in bytes where CSVByteWriter.needsQuoting(b) { quote = true; break }
        appendEscaped(bytes, quote: quote)
    }

    public func field(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { field($0) }
    }

    public func field(_ string: String) {
        var s = string
        s.withUTF8 { field($0) }
    }

    private func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, quote: Bool) {
        if !quote {
            append(bytes)
            return
        }
        ensure(bytes.count * 2 + 2)
        buffer[count] = UInt8(ascii: "\"")
        count += 1
        for b in bytes {
            if b == UInt8(ascii: "\"") { buffer[count] = b; count += 1 }
            buffer[count] = b
            count += 1
        }
        buffer[count] = UInt8(ascii: "\"")
        count += 1
    }

    @inline(__always)
    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count > capacity {
            flushBuffer()
            writeAll(bytes.baseAddress!, bytes.count)
            return
        }
        ensure(bytes.count)
        (buffer + count).update(from: bytes.baseAddress!, count: bytes.count)
        count += bytes.count
    }

    /// Raw bytes inside the current field (no separator): for fields assembled from parts.
    @inline(__always)
    public func appendPart(_ text: EncodedText) {
        text.bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Starts a field whose parts follow with `appendPart`/`appendDigits`; parts must not need quoting.
    @inline(__always)
    public func beginField() { separator() }

    /// `value` in decimal, left-padded with zeros to `width`.
    @inline(__always)
    public func appendDigits(_ value: Int, width: Int = 1) {
        ensure(24)
        var v = value
        if v < 0 { buffer[count] = UInt8(ascii: "-"); count += 1; v = -v }
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let n: Int = withUnsafeMutableBytes(of: &tmp) { raw in
            var n = 0
            repeat {
                raw[n] = UInt8(truncatingIfNeeded: v % 10) &+ 48
                v /= 10
                n += 1
            } while v > 0
            while n < width && n < 20 { raw[n] = 48; n += 1 }
            for i in 0..<n { buffer[count + i] = raw[n - 1 - i] }
            return n
        }
        count += n
    }

    @inline(__always)
    public func int(_ value: Int) {
        separator()
        appendDigits(value)
    }

    /// A decimal with two places from an integer number of cents (no floating-point formatting).
    public func money(cents: Int64) {
        separator()
        var c = cents
        if c < 0 { ensure(1); buffer[count] = UInt8(ascii: "-"); count += 1; c = -c }
        appendDigits(Int(c / 100))
        ensure(3)
        buffer[count] = UInt8(ascii: ".")
        count += 1
        appendDigits(Int(c % 100), width: 2)
    }

    /// A decimal with two places, rounded half away from zero.
    public func decimal2(_ value: Double) {
        money(cents: Int64((value * 100).rounded()))
    }

    /// `YYYY-MM-DD`.
    @inline(__always)
    public func date(days day: Int) {
        separator()
        days.withText(day) { append($0) }
    }

    /// `YYYY-MM-DD HH:MM:SS` (UTC).
    @inline(__always)
    public func timestamp(seconds: Int64) {
        separator()
        let s = Int(seconds)
        let day = s >= 0 ? s / 86400 : (s - 86399) / 86400
        let rem = s - day * 86400
        days.withText(day) { append($0) }
        ensure(9)
        buffer[count] = UInt8(ascii: " ")
        put2(rem / 3600, at: count + 1)
        buffer[count + 3] = UInt8(ascii: ":")
        put2(rem / 60 % 60, at: count + 4)
        buffer[count + 6] = UInt8(ascii: ":")
        put2(rem % 60, at: count + 7)
        count += 9
    }

    @inline(__always)
    private func put2(_ v: Int, at i: Int) {
        buffer[i] = UInt8(truncatingIfNeeded: v / 10) &+ 48
        buffer[i + 1] = UInt8(truncatingIfNeeded: v % 10) &+ 48
    }

    // MARK: - Output

    private var failure: String?

    private func flushBuffer() {
        if count > 0 { writeAll(buffer, count) }
        count = 0
    }

    private func writeAll(_ p: UnsafePointer<UInt8>, _ n: Int) {
        var done = 0
        while done < n && failure == nil {
            let r = write(fd, p + done, n - done)
            if r < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
            } else {
                done += r
            }
        }
        bytesWritten += done
    }

    /// Flushes and closes; reports the first write error, which the row methods cannot throw.
    public func finish() throws {
        flushBuffer()
        if let failure { throw GeneratorError.cannotWrite(path: path, reason: failure) }
    }
}
