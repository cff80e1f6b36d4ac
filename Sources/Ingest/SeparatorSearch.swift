/// Finds the next delimiter, CR or LF eight bytes at a time (SWAR "has byte" masks): the lowest
/// flagged byte of a word is always a true match, so the first hit is exact.
enum SeparatorSearch {
    @inline(__always)
    static func next(_ base: UnsafeRawPointer, from start: Int, count n: Int, delimiter: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let d = UInt64(delimiter) &* ones
        let lf = 0x0A &* ones
        let cr = 0x0D &* ones
        var i = start
        while i + 8 <= n {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let a = w ^ d, b = w ^ lf, c = w ^ cr
            let m = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
            if m != 0 { return i + m.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n {
            let c = base.load(fromByteOffset: i, as: UInt8.self)
            if c == delimiter || c == 0x0A || c == 0x0D { return i }
            i += 1
        }
        return n
    }
}
