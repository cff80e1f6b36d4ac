/// A read cursor over one field's bytes, for the value parsers: no String, no allocation.
struct ByteScanner {
    let bytes: UnsafeRawBufferPointer
    var position: Int
    var end: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        position = 0
        end = bytes.count
    }

    var atEnd: Bool { position >= end }

    @inline(__always)
    func peek(_ offset: Int = 0) -> UInt8? {
        let i = position + offset
        return i < end ? bytes[i] : nil
    }

    /// Drops ASCII whitespace, NBSP (C2 A0) and the ideographic space (E3 80 80) at both ends.
    mutating func trim() {
        while position < end {
            if isSpace(bytes[position]) { position += 1 }
            else if matches(0xC2, 0xA0) { position += 2 }
            else if matches(0xE3, 0x80, 0x80) { position += 3 } else { break }
        }
        while end > position {
            if isSpace(bytes[end - 1]) { end -= 1 }
            else if endsWith(0xC2, 0xA0) { end -= 2 }
            else if endsWith(0xE3, 0x80, 0x80) { end -= 3 } else { break }
        }
    }

    @inline(__always)
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    mutating func skipSpaces() {
        while position < end, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
    }

    @inline(__always)
    func matches(_ a: UInt8, _ b: UInt8) -> Bool {
        end - position >= 2 && bytes[position] == a && bytes[position + 1] == b
    }

    @inline(__always)
    func matches(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        end - position >= 3 && bytes[position] == a && bytes[position + 1] == b && bytes[position + 2] == c
    }

    @inline(__always)
    func endsWith(_ a: UInt8, _ b: UInt8) -> Bool {
        end - position >= 2 && bytes[end - 2] == a && bytes[end - 1] == b
    }

    @inline(__always)
    func endsWith(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        end - position >= 3 && bytes[end - 3] == a && bytes[end - 2] == b && bytes[end - 1] == c
    }

    /// Consumes the two or three bytes if they are next.
    @inline(__always)
    mutating func consume(_ a: UInt8, _ b: UInt8) -> Bool {
        guard matches(a, b) else { return false }
        position += 2
        return true
    }

    @inline(__always)
    mutating func consume(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        guard matches(a, b, c) else { return false }
        position += 3
        return true
    }

    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        guard position < end, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Consumes an ASCII word, case-insensitively.
    mutating func consumeWord(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard end - position >= n else { return false }
        let w = word.utf8Start
        for k in 0..<n where bytes[position + k] | 0x20 != w[k] | 0x20 { return false }
        position += n
        return true
    }

    /// Reads up to `maxDigits` ASCII digits; nil if there is none.
    mutating func digits(max maxDigits: Int = 18) -> (value: Int, count: Int)? {
        var v = 0
        var n = 0
        while position < end, n < maxDigits {
            let d = bytes[position] &- 0x30
            if d > 9 { break }
            v = v * 10 + Int(d)
            n += 1
            position += 1
        }
        return n == 0 ? nil : (v, n)
    }
}

extension UInt8 {
    @inline(__always) var isASCIIDigit: Bool { self &- 0x30 < 10 }
}
