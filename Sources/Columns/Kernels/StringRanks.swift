extension SortColumns {
    /// Each row's rank among the distinct strings, in byte order (equal strings, equal rank).
    /// A dictionary column sorts its dictionary once; a plain column sorts its rows.
    static func stringRanks(_ column: StringColumn) -> [UInt64] {
        switch column.storage {
        case .dictionary(let codes, let dict):
            let byCode = denseRanks(dict)
            return codes.map { byCode[Int($0)] }
        case .plain(let buffer):
            return denseRanks(buffer)
        }
    }

    /// Dense ranks 0, 1, 2… of the strings of `buffer` in byte order. Strings are sorted as
    /// (first eight bytes as a big-endian integer, index) pairs, whose integer order is the byte
    /// order of those prefixes; only equal prefixes compare the rest of the bytes.
    private static func denseRanks(_ buffer: StringBuffer) -> [UInt64] {
        let n = buffer.count
        var pairs = [(UInt64, Int32)]()
        pairs.reserveCapacity(n)
        for i in 0..<n { pairs.append((buffer.withBytes(i, prefixWord), Int32(i))) }
        func rest(_ a: Int32, _ b: Int32) -> Int {
            buffer.withBytes(Int(a)) { x in buffer.withBytes(Int(b)) { y in ByteComparison.compare(x, y) } }
        }
        pairs.sort { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            let c = rest(a.1, b.1)
            return c != 0 ? c < 0 : a.1 < b.1
        }
        var ranks = [UInt64](repeating: 0, count: n)
        var rank: UInt64 = 0
        for i in 0..<pairs.count {
            if i > 0 && (pairs[i - 1].0 != pairs[i].0 || rest(pairs[i - 1].1, pairs[i].1) != 0) { rank += 1 }
            ranks[Int(pairs[i].1)] = rank
        }
        return ranks
    }

    /// The first eight bytes, zero-padded, most significant first.
    @inline(__always)
    private static func prefixWord(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var w: UInt64 = 0
        for i in 0..<8 { w = w << 8 | (i < bytes.count ? UInt64(bytes[i]) : 0) }
        return w
    }
}
