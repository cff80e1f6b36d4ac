import Columns

/// Dense codes for customer ids, built for the one lookup done millions of times per run (every
/// order, interaction and campaign member → its customer). Same contract as `ByteInterner`
/// (codes 0, 1, 2… in first-seen order, `strings[code]` the id), different layout: each slot holds
/// the key's length and first 24 bytes inline, so a probe for a typical id (Salesforce's 18
/// characters, `C000123`, a phone number) touches one cache line instead of four scattered arrays
/// (slots, hashes, offsets, bytes). Longer ids compare their tail against `strings`.
struct CustomerIndex: Sendable {
    private struct Slot: Sendable {
        var code: Int32 = -1
        var length: Int32 = 0
        var k0: UInt64 = 0, k1: UInt64 = 0, k2: UInt64 = 0
    }

    private(set) var strings = StringBuffer()
    private var slots: [Slot]
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
    }

    var count: Int { strings.count }

    /// Bytes `offset..<offset+8` of `p` as a little-endian word, zero-padded past the end.
    @inline(__always)
    private static func word(_ p: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        let n = p.count
        if offset + 8 <= n { return p.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        var w: UInt64 = 0
        var i = offset, shift: UInt64 = 0
        while i < n {
            w |= UInt64(p[i]) &<< shift
            shift += 8
            i += 1
        }
        return w
    }

    @inline(__always)
    private func find(_ p: UnsafeRawBufferPointer, _ h: UInt64, _ k0: UInt64, _ k1: UInt64, _ k2: UInt64) -> (found: Int32?, slot: Int) {
        var i = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { s in
            while true {
                let slot = s[i]
                if slot.code < 0 { return (nil, i) }
                if Int(slot.length) == p.count && slot.k0 == k0 && slot.k1 == k1 && slot.k2 == k2
                    && (p.count <= 24 || tailEqual(Int(slot.code), p)) {
                    return (slot.code, i)
                }
                i = (i + 1) & mask
            }
        }
    }

    private func tailEqual(_ code: Int, _ p: UnsafeRawBufferPointer) -> Bool {
        strings.withBytes(code) { stored in
            for k in 24..<p.count where stored[k] != p[k] { return false }
            return true
        }
    }

    @inline(__always)
    func code(of p: UnsafeRawBufferPointer) -> Int32? {
        find(p, ByteHash.hash(p), Self.word(p, 0), Self.word(p, 8), Self.word(p, 16)).found
    }

    @inline(__always)
    mutating func intern(_ p: UnsafeRawBufferPointer) -> Int32 {
        let h = ByteHash.hash(p)
        let k0 = Self.word(p, 0), k1 = Self.word(p, 8), k2 = Self.word(p, 16)
        let (found, at) = find(p, h, k0, k1, k2)
        if let found { return found }
        let code = Int32(strings.count)
        strings.append(p)
        slots[at] = Slot(code: code, length: Int32(p.count), k0: k0, k1: k1, k2: k2)
        if strings.count * 2 > slots.count { grow() }
        return code
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.code >= 0 {
            let h = strings.withBytes(Int(slot.code)) { ByteHash.hash($0) }
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i].code >= 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
