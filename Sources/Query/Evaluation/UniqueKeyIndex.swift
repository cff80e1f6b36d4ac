import Columns

/// Base rows by their string key, for keys that are unique: an open-addressing table whose slot
/// holds the key's 64-bit hash beside the row and, for keys of up to 16 bytes (customer ids
/// usually are), the key itself, so a probe costs one slot read; longer keys are compared
/// against the key buffer when the full hash matches. Built once per
/// query; read-only afterwards, so probes may run on several threads. Loops work on raw
/// buffers: sharing Swift arrays between threads row by row would bounce their reference counts.
struct UniqueKeyIndex: @unchecked Sendable {
    private struct Slot {
        var hash: UInt64
        var w0: UInt64
        var w1: UInt64
        var row: Int32
        /// Key length in bytes; the key is in w0/w1 when at most 16.
        var length: Int32
    }

    /// Up to 16 bytes as two words, zero-padded.
    @inline(__always)
    private static func pack(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        let n = Swift.min(bytes.count, 16)
        if n > 0 { withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: n) } }
        return words
    }

    private var slots: [Slot]
    private let mask: Int
    /// The keys as one plain buffer (row r's key is `bytes[offsets[r]..<offsets[r+1]]`).
    private let keys: StringBuffer

    /// nil when two non-null rows hold the same key.
    init?(_ column: StringColumn) {
        let keys: StringBuffer
        switch column.storage {
        case .plain(let b): keys = b
        case .dictionary(let codes, let dict):
            var b = StringBuffer()
            for c in codes { dict.withBytes(Int(c)) { b.append($0) } }
            keys = b
        }
        self.keys = keys
        var size = 16
        while size < column.count * 2 { size <<= 1 }
        var slots = [Slot](repeating: Slot(hash: 0, w0: 0, w1: 0, row: -1, length: 0), count: size)
        let mask = size - 1
        self.mask = mask
        let validity = column.validity
        let unique = slots.withUnsafeMutableBufferPointer { s in
            keys.offsets.withUnsafeBufferPointer { off in
                keys.bytes.withUnsafeBytes { all in
                    for r in 0..<column.count where validity.isValid(r) {
                        let bytes = UnsafeRawBufferPointer(rebasing: all[Int(off[r])..<Int(off[r + 1])])
                        let h = ByteHash.hash(bytes)
                        var i = Int(truncatingIfNeeded: h) & mask
                        while s[i].row >= 0 {
                            let o = Int(s[i].row)
                            if s[i].hash == h && ByteComparison.equal(UnsafeRawBufferPointer(rebasing: all[Int(off[o])..<Int(off[o + 1])]), bytes) {
                                return false
                            }
                            i = (i + 1) & mask
                        }
                        let (w0, w1) = Self.pack(bytes)
                        s[i] = Slot(hash: h, w0: w0, w1: w1, row: Int32(r), length: Int32(bytes.count))
                    }
                    return true
                }
            }
        }
        guard unique else { return nil }
        self.slots = slots
    }

    /// For each row of `probe` in `range` that is valid, its base row (or -1) into `out`.
    func lookUp(_ probe: StringBuffer, validity: Validity, range: Range<Int>, into out: UnsafeMutableBufferPointer<Int32>) {
        let mask = self.mask
        slots.withUnsafeBufferPointer { s in
            keys.offsets.withUnsafeBufferPointer { kOff in
                keys.bytes.withUnsafeBytes { kBytes in
                    probe.offsets.withUnsafeBufferPointer { pOff in
                        probe.bytes.withUnsafeBytes { pBytes in
                            for r in range where validity.isValid(r) {
                                let bytes = UnsafeRawBufferPointer(rebasing: pBytes[Int(pOff[r])..<Int(pOff[r + 1])])
                                let h = ByteHash.hash(bytes)
                                let short = bytes.count <= 16
                                let (w0, w1) = short ? Self.pack(bytes) : (0, 0)
                                var i = Int(truncatingIfNeeded: h) & mask
                                while true {
                                    let slot = s[i]
                                    if slot.row < 0 { break }
                                    let o = Int(slot.row)
                                    let same = slot.hash == h && slot.length == Int32(bytes.count)
                                        && (short
                                            ? slot.w0 == w0 && slot.w1 == w1
                                            : ByteComparison.equal(UnsafeRawBufferPointer(rebasing: kBytes[Int(kOff[o])..<Int(kOff[o + 1])]), bytes))
                                    if same {
                                        out[r] = slot.row
                                        break
                                    }
                                    i = (i + 1) & mask
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
