/// A validity bitmap: bit i set ⇔ row i holds a value. `nil` words mean "every row valid", so
/// tables without nulls pay neither memory nor a branch per row.
public struct Validity: Sendable, Equatable {
    public private(set) var words: [UInt64]?
    public private(set) var count: Int

    public init(allValid count: Int = 0) {
        self.words = nil
        self.count = count
    }

    /// Explicit words for `count` rows (bits past `count` clear); the gather kernel builds these.
    init(words: [UInt64], count: Int) {
        assert(words.count == (count + 63) / 64, "validity words do not fit the row count")
        self.words = words
        self.count = count
    }

    public init(bits: [Bool]) {
        self.init(allValid: 0)
        reserveCapacity(bits.count)
        for bit in bits { append(bit) }
    }

    @inline(__always)
    public func isValid(_ row: Int) -> Bool {
        guard let words else { return true }
        return words[row &>> 6] & (1 &<< UInt64(row & 63)) != 0
    }

    public var hasNulls: Bool { words != nil && nullCount > 0 }

    public var nullCount: Int {
        guard let words else { return 0 }
        var valid = 0
        for w in words { valid += w.nonzeroBitCount }
        return count - valid
    }

    public mutating func reserveCapacity(_ n: Int) {
        words?.reserveCapacity((n + 63) / 64)
    }

    @inline(__always)
    public mutating func append(_ valid: Bool) {
        if words == nil {
            if valid {
                count += 1
                return
            }
            materialize()
        }
        let bit = count & 63
        if bit == 0 { words!.append(0) }
        if valid { words![count &>> 6] |= (1 &<< UInt64(bit)) }
        count += 1
    }

    public mutating func set(_ row: Int, valid: Bool) {
        precondition(row < count)
        if words == nil {
            if valid { return }
            materialize()
        }
        if valid {
            words![row &>> 6] |= (1 &<< UInt64(row & 63))
        } else {
            words![row &>> 6] &= ~(1 &<< UInt64(row & 63))
        }
    }

    /// Rows `rows` of self, in that order.
    public func gather(_ rows: some Collection<Int>) -> Validity {
        RowIndices.withChecked(rows, count: count) { gather(rows: $0) }
    }

    public mutating func append(contentsOf other: Validity) {
        if words == nil && other.words == nil {
            count += other.count
            return
        }
        reserveCapacity(count + other.count)
        for r in 0..<other.count { append(other.isValid(r)) }
    }

    /// Turns the implicit all-valid state into explicit words, so a null can be recorded.
    private mutating func materialize() {
        var w = [UInt64](repeating: ~0, count: (count + 63) / 64)
        if count & 63 != 0 { w[w.count - 1] = (1 &<< UInt64(count & 63)) &- 1 }
        words = w
    }
}

extension Validity {
    /// Appends `count` bits of an LSB-first bitmap (Arrow's validity layout): bit i of byte i/8
    /// is row i. When the rows so far fill whole words the bytes are copied as they are.
    public mutating func append(bitmap: UnsafeRawBufferPointer, count n: Int) {
        precondition(bitmap.count >= (n + 7) / 8, "bitmap shorter than its rows")
        guard n > 0 else { return }
        guard count & 63 == 0 else {
            reserveCapacity(count + n)
            for i in 0..<n { append(bitmap[i >> 3] & (1 << UInt8(i & 7)) != 0) }
            return
        }
        if words == nil { materialize() }
        let start = count >> 6
        let added = (n + 63) / 64
        words!.append(contentsOf: repeatElement(0, count: added))
        words!.withUnsafeMutableBytes { w in
            w.baseAddress!.advanced(by: start * 8).copyMemory(from: bitmap.baseAddress!, byteCount: (n + 7) / 8)
        }
        // Bits past the last row stay zero, as `append(_:)` leaves them.
        if n & 63 != 0 { words![start + added - 1] &= (1 &<< UInt64(n & 63)) &- 1 }
        count += n
    }
}
