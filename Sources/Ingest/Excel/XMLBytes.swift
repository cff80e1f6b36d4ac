#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only scanner over the machine-written XML inside an xlsx package. The sheet, shared
/// strings, workbook and styles parts are flat and regular, so reading tags and attributes
/// straight from the bytes avoids a SAX parser's per-element String allocations on the hot path.
/// Namespace prefixes (`x:c`) are ignored; comments, processing instructions and CDATA are skipped.
struct XMLBytes {
    let base: UnsafeRawBufferPointer
    var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { base = bytes }

    /// One start, end or empty-element tag: its local name and the raw attribute text.
    struct Tag {
        var name: Range<Int>
        var attributes: Range<Int>
        var isEnd: Bool
        var isSelfClosing: Bool
        /// Offset just past the closing `>`.
        var end: Int
    }

    @inline(__always)
    func byte(_ i: Int) -> UInt8 { base[i] }

    /// The next tag at or after `position`, leaving `position` just past it; nil at the end.
    mutating func nextTag() -> Tag? {
        let n = base.count
        while true {
            guard let lt = find(0x3C, from: position) else { position = n; return nil }
            var i = lt + 1
            guard i < n else { position = n; return nil }
            let first = byte(i)
            if first == 0x21 || first == 0x3F {  // <! comment / CDATA / doctype, <? processing instruction
                position = skipSpecial(from: lt)
                continue
            }
            let isEnd = first == 0x2F
            if isEnd { i += 1 }
            var nameStart = i
            while i < n, !isNameEnd(byte(i)) {
                if byte(i) == 0x3A { nameStart = i + 1 }  // drop a namespace prefix
                i += 1
            }
            let nameEnd = i
            // Attributes run to the next `>` outside quotes.
            var quote: UInt8 = 0
            let attrStart = i
            while i < n {
                let c = byte(i)
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == 0x22 || c == 0x27 {
                    quote = c
                } else if c == 0x3E {
                    break
                }
                i += 1
            }
            guard i < n else { position = n; return nil }
            let selfClosing = i > attrStart && byte(i - 1) == 0x2F
            position = i + 1
            return Tag(name: nameStart..<nameEnd, attributes: attrStart..<(selfClosing ? i - 1 : i), isEnd: isEnd,
                       isSelfClosing: selfClosing, end: i + 1)
        }
    }

    /// Whether the tag's local name equals `name` (ASCII).
    @inline(__always)
    func tag(_ t: Tag, is name: StaticString) -> Bool {
        guard t.name.count == name.utf8CodeUnitCount else { return false }
        let p = name.utf8Start
        for k in 0..<t.name.count where byte(t.name.lowerBound + k) != p[k] { return false }
        return true
    }

    /// The raw (still entity-encoded) value of attribute `name` in `t`, if present.
    func attribute(_ name: StaticString, in t: Tag) -> Range<Int>? {
        var i = t.attributes.lowerBound
        let end = t.attributes.upperBound
        let p = name.utf8Start, len = name.utf8CodeUnitCount
        while i < end {
            while i < end, isSpace(byte(i)) { i += 1 }
            let keyStart = i
            while i < end, byte(i) != 0x3D, !isSpace(byte(i)) { i += 1 }
            var keyLocal = keyStart
            for k in keyStart..<i where byte(k) == 0x3A { keyLocal = k + 1 }
            let keyEnd = i
            while i < end, byte(i) != 0x22, byte(i) != 0x27 { i += 1 }
            guard i < end else { return nil }
            let quote = byte(i)
            let valueStart = i + 1
            i = valueStart
            while i < end, byte(i) != quote { i += 1 }
            let valueEnd = i
            i += 1
            if keyEnd - keyLocal == len {
                var same = true
                for k in 0..<len where byte(keyLocal + k) != p[k] { same = false; break }
                // `r:id` and `id` differ only by prefix; callers asking for "id" want the r: one.
                if same { return valueStart..<valueEnd }
            }
        }
        return nil
    }

    /// Text content up to the next `<`, leaving `position` there.
    mutating func text() -> Range<Int> {
        let start = position
        position = find(0x3C, from: position) ?? base.count
        return start..<position
    }

    /// Skips to just past the end tag matching `t` (for elements whose content is not needed).
    mutating func skipElement(_ t: Tag) {
        guard !t.isSelfClosing, !t.isEnd else { return }
        var depth = 1
        while depth > 0, let next = nextTag() {
            if next.isSelfClosing { continue }
            depth += next.isEnd ? -1 : 1
        }
    }

    /// An unsigned decimal attribute value.
    func integer(_ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 18 else { return nil }
        var v = 0
        for i in r {
            let d = Int(byte(i)) - 48
            guard d >= 0 && d <= 9 else { return nil }
            v = v * 10 + d
        }
        return v
    }

    /// Appends the text in `r` to `out` with XML entities decoded (`&amp;`, `&#20013;`, `&#x4E2D;`, …).
    /// Unknown entities are kept as written. Excel's `_xHHHH_` escapes for control characters are decoded too.
    func appendDecoded(_ r: Range<Int>, to out: inout [UInt8]) {
        var i = r.lowerBound
        let end = r.upperBound
        while i < end {
            let c = byte(i)
            if c == 0x26, let (scalar, next) = entity(at: i, end: end) {
                appendUTF8(scalar, to: &out)
                i = next
            } else if c == 0x5F, let (scalar, next) = excelEscape(at: i, end: end) {
                appendUTF8(scalar, to: &out)
                i = next
            } else {
                out.append(c)
                i += 1
            }
        }
    }

    func string(_ r: Range<Int>) -> String {
        var out: [UInt8] = []
        appendDecoded(r, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func entity(at i: Int, end: Int) -> (UInt32, Int)? {
        var j = i + 1
        while j < end, j - i < 12, byte(j) != 0x3B { j += 1 }
        guard j < end, byte(j) == 0x3B else { return nil }
        let body = (i + 1)..<j
        func equals(_ s: StaticString) -> Bool {
            guard body.count == s.utf8CodeUnitCount else { return false }
            for k in 0..<body.count where byte(body.lowerBound + k) != s.utf8Start[k] { return false }
            return true
        }
        if equals("amp") { return (0x26, j + 1) }
        if equals("lt") { return (0x3C, j + 1) }
        if equals("gt") { return (0x3E, j + 1) }
        if equals("quot") { return (0x22, j + 1) }
        if equals("apos") { return (0x27, j + 1) }
        guard body.count >= 2, byte(body.lowerBound) == 0x23 else { return nil }
        var k = body.lowerBound + 1
        let hex = byte(k) == 0x78 || byte(k) == 0x58
        if hex { k += 1 }
        guard k < j else { return nil }
        var v: UInt32 = 0
        while k < j {
            guard let d = digit(byte(k), hex: hex), v < 0x110000 else { return nil }
            v = v * (hex ? 16 : 10) + d
            k += 1
        }
        guard Unicode.Scalar(v) != nil else { return nil }
        return (v, j + 1)
    }

    /// `_x000D_`: how Excel writes characters XML cannot carry.
    private func excelEscape(at i: Int, end: Int) -> (UInt32, Int)? {
        guard i + 7 <= end, byte(i + 1) == 0x78, byte(i + 6) == 0x5F else { return nil }
        var v: UInt32 = 0
        for k in (i + 2)..<(i + 6) {
            guard let d = digit(byte(k), hex: true) else { return nil }
            v = v * 16 + d
        }
        guard Unicode.Scalar(v) != nil else { return nil }
        return (v, i + 7)
    }

    private func digit(_ c: UInt8, hex: Bool) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x61...0x66 where hex: return UInt32(c - 0x61 + 10)
        case 0x41...0x46 where hex: return UInt32(c - 0x41 + 10)
        default: return nil
        }
    }

    private func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        guard let s = Unicode.Scalar(v) else { return }
        out.append(contentsOf: UTF8.encode(s)!)
    }

    private func skipSpecial(from lt: Int) -> Int {
        let n = base.count
        if lt + 3 < n, byte(lt + 1) == 0x21, byte(lt + 2) == 0x2D, byte(lt + 3) == 0x2D {  // <!-- … -->
            var i = lt + 4
            while i + 2 < n {
                if byte(i) == 0x2D, byte(i + 1) == 0x2D, byte(i + 2) == 0x3E { return i + 3 }
                i += 1
            }
            return n
        }
        if lt + 8 < n, byte(lt + 1) == 0x21, byte(lt + 2) == 0x5B {  // <![CDATA[ … ]]>
            var i = lt + 9
            while i + 2 < n {
                if byte(i) == 0x5D, byte(i + 1) == 0x5D, byte(i + 2) == 0x3E { return i + 3 }
                i += 1
            }
            return n
        }
        return (find(0x3E, from: lt) ?? (n - 1)) + 1
    }

    @inline(__always)
    func find(_ c: UInt8, from start: Int) -> Int? {
        guard start < base.count, let b = base.baseAddress else { return nil }
        guard let hit = memchr(b + start, Int32(c), base.count - start) else { return nil }
        return UnsafeRawPointer(hit) - b
    }

    @inline(__always)
    private func isNameEnd(_ c: UInt8) -> Bool { c == 0x20 || c == 0x3E || c == 0x2F || c == 0x09 || c == 0x0A || c == 0x0D }
    @inline(__always)
    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}
