/// Distinct fixed-width keys — `width` 64-bit words each — numbered 0, 1, 2… in first-seen order,
/// in an open-addressing hash table over one flat word buffer. Group-by and join encode every key
/// (any column types, any number of columns) into words first, so this one table serves them all
/// and no per-row key object exists.
struct KeyTable: @unchecked Sendable {
    let width: Int
    /// Key i is `keys[i*width ..< (i+1)*width]`.
    private(set) var keys: [UInt64] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32]  // key id + 1; 0 = empty
    private var mask: Int
    private(set) var count = 0

    init(width: Int, capacity: Int = 16) {
        precondition(width > 0)
        self.width = width
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        keys.reserveCapacity(capacity * width)
    }

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt64>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        for w in key { h = ByteHash.hash(h ^ w) &+ 0x9E37_79B9 }
        return h
    }

    /// The id of `key`, adding it if new; `inserted` says which.
    @inline(__always)
    mutating func findOrInsert(_ key: UnsafeBufferPointer<UInt64>) -> (id: Int32, inserted: Bool) {
        let h = Self.hash(key)
        if let id = find(key, hash: h) { return (id, false) }
        let id = Int32(count)
        keys.append(contentsOf: key)
        hashes.append(h)
        count += 1
        if count * 2 > slots.count { grow() }
        insertSlot(id: id, hash: h)
        return (id, true)
    }

    /// The id of `key`, or nil when it was never inserted.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt64>) -> Int32? {
        find(key, hash: Self.hash(key))
    }

    @inline(__always)
    private func find(_ key: UnsafeBufferPointer<UInt64>, hash h: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { s in
            keys.withUnsafeBufferPointer { k in
                hashes.withUnsafeBufferPointer { hs in
                    var i = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let entry = s[i]
                        if entry == 0 { return nil }
                        let id = Int(entry - 1)
                        if hs[id] == h {
                            var same = true
                            let base = id * width
                            for j in 0..<width where k[base + j] != key[j] {
                                same = false
                                break
                            }
                            if same { return Int32(id) }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    /// Calls `body` with the words of key `id`.
    @inline(__always)
    func withKey<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt64>) -> R) -> R {
        keys.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[id * width..<(id + 1) * width])) }
    }

    private mutating func insertSlot(id: Int32, hash h: UInt64) {
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = id + 1
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for id in 0..<count { insertSlot(id: Int32(id), hash: hashes[id]) }
    }
}
