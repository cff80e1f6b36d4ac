/// Interns byte strings to dense codes 0, 1, 2… in first-seen order (an open-addressing hash table
/// over a `StringBuffer`). It is the dictionary of dictionary-encoded columns and the key map of
/// string group-by and join, so no `String` is made per row.
public struct ByteInterner: Sendable {
    public private(set) var strings = StringBuffer()
    private var slots: [Int32]  // code + 1; 0 = empty
    private var hashes: [UInt64] = []
    private var mask: Int

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    public var count: Int { strings.count }

    /// The code of `bytes`, adding it if new.
    @inline(__always)
    public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let h = ByteHash.hash(bytes)
        if let code = find(bytes, hash: h) { return code }
        let code = Int32(strings.count)
        strings.append(bytes)
        hashes.append(h)
        if strings.count * 2 > slots.count { grow() }
        insertSlot(code: code, hash: h)
        return code
    }

    public mutating func intern(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The code of `bytes` if it was interned.
    @inline(__always)
    public func code(of bytes: UnsafeRawBufferPointer) -> Int32? {
        find(bytes, hash: ByteHash.hash(bytes))
    }

    public func code(of s: String) -> Int32? {
        var s = s
        return s.withUTF8 { code(of: UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    private func find(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> Int32? {
        var i = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { s in
            while true {
                let entry = s[i]
                if entry == 0 { return nil }
                let code = Int(entry - 1)
                if hashes[code] == h && strings.withBytes(code, { equal($0, bytes) }) { return Int32(code) }
                i = (i + 1) & mask
            }
        }
    }

    @inline(__always)
    private func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.count == 0 || memcmpBytes(a, b))
    }

    private mutating func insertSlot(code: Int32, hash h: UInt64) {
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = code + 1
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for code in 0..<strings.count { insertSlot(code: Int32(code), hash: hashes[code]) }
    }
}

@inline(__always)
func memcmpBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    var i = 0
    let n = a.count
    while i + 8 <= n {
        if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
            return false
        }
        i += 8
    }
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
