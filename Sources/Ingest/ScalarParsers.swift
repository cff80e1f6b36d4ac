/// Whole numbers: an optional sign and ASCII digits, nothing else (`007` is an id, not 7, to the
/// type inference — see `TypeInference` — but parses here as 7 when a column is declared int64).
public enum IntegerParser {
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var s = ByteScanner(bytes)
        s.trim()
        var negative = false
        if s.consume(UInt8(ascii: "-")) { negative = true } else { _ = s.consume(UInt8(ascii: "+")) }
        guard !s.atEnd else { return nil }
        var v: Int64 = 0
        while let b = s.peek() {
            guard b.isASCIIDigit else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(b &- 0x30))
            if o1 || o2 { return nil }
            v = a
            s.position += 1
        }
        return negative ? -v : v
    }

    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }
}

/// Booleans as exports write them: true/false, yes/no, y/n, t/f, 1/0, 是/否.
public enum BoolParser {
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        var s = ByteScanner(bytes)
        s.trim()
        let start = s
        for word: StaticString in ["true", "yes", "y", "t", "1"] {
            s = start
            if s.consumeWord(word), s.atEnd { return true }
        }
        for word: StaticString in ["false", "no", "n", "f", "0"] {
            s = start
            if s.consumeWord(word), s.atEnd { return false }
        }
        s = start
        if s.consume(0xE6, 0x98, 0xAF), s.atEnd { return true }  // 是
        s = start
        if s.consume(0xE5, 0x90, 0xA6), s.atEnd { return false }  // 否
        return nil
    }

    public static func parse(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }
}

/// The spellings of "no value": empty (after trimming), `NULL`, `null`, `\N` (MySQL/PostgreSQL dumps).
public enum NullMarker {
    @inline(__always)
    public static func isNull(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let n = bytes.count
        if n == 0 { return true }
        if n == 2 { return bytes[0] == UInt8(ascii: "\\") && bytes[1] == UInt8(ascii: "N") }
        if n == 4 {
            return (bytes[0] | 0x20) == UInt8(ascii: "n") && (bytes[1] | 0x20) == UInt8(ascii: "u")
                && (bytes[2] | 0x20) == UInt8(ascii: "l") && (bytes[3] | 0x20) == UInt8(ascii: "l")
        }
        if bytes[0] == 0x20 || bytes[n - 1] == 0x20 {
            var s = ByteScanner(bytes)
            s.trim()
            return s.atEnd
        }
        return false
    }
}
