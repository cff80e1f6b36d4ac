import Columns

extension Validity {
    /// Nulls among rows `rows`; whole words are counted with popcount.
    func nullCount(in rows: Range<Int>) -> Int {
        guard let words, !rows.isEmpty else { return 0 }
        var valid = 0
        var r = rows.lowerBound
        words.withUnsafeBufferPointer { w in
            while r < rows.upperBound && r & 63 != 0 {
                if w[r >> 6] & (1 << UInt64(r & 63)) != 0 { valid += 1 }
                r += 1
            }
            while r + 64 <= rows.upperBound {
                valid += w[r >> 6].nonzeroBitCount
                r += 64
            }
            while r < rows.upperBound {
                if w[r >> 6] & (1 << UInt64(r & 63)) != 0 { valid += 1 }
                r += 1
            }
        }
        return rows.count - valid
    }

    /// Rows `rows` as an Arrow validity bitmap: bit i of byte i/8 (LSB first) is row
    /// `rows.lowerBound + i`, bits past the end zero. Our words are LSB-first too, so a slice that
    /// starts on a word boundary is a plain byte copy.
    func packedBits(_ rows: Range<Int>) -> [UInt8] {
        let byteCount = (rows.count + 7) / 8
        var out = [UInt8](repeating: 0, count: byteCount)
        guard let words else {
            for i in 0..<byteCount { out[i] = 0xFF }
            if rows.count & 7 != 0 { out[byteCount - 1] = UInt8((1 << (rows.count & 7)) - 1) }
            return out
        }
        if rows.lowerBound & 63 == 0 {
            words.withUnsafeBytes { w in
                let start = rows.lowerBound / 8
                for i in 0..<byteCount { out[i] = w[start + i] }
            }
            if rows.count & 7 != 0 { out[byteCount - 1] &= UInt8((1 << (rows.count & 7)) - 1) }
        } else {
            for (i, r) in rows.enumerated() where isValid(r) { out[i >> 3] |= 1 << UInt8(i & 7) }
        }
        return out
    }
}
