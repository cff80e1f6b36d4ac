/// Variable-length strings as one byte buffer plus offsets (Arrow's `utf8` layout): string i is
/// `bytes[offsets[i] ..< offsets[i+1]]`. One allocation for millions of strings, not one each.
public struct StringBuffer: Sendable, Equatable {
    public private(set) var offsets: [Int32]
    public private(set) var bytes: [UInt8]

    public init() {
        offsets = [0]
        bytes = []
    }

    public init<S: Sequence>(_ strings: S) where S.Element == String {
        self.init()
        for s in strings { append(s) }
    }

    /// Arrow-layout parts built elsewhere in this module (the gather kernel); the caller
    /// guarantees `offsets` starts at 0, never decreases and ends at `bytes.count`.
    init(offsets: [Int32], bytes: [UInt8]) {
        assert(offsets.first == 0 && offsets.last.map(Int.init) == bytes.count, "offsets do not frame the bytes")
        self.offsets = offsets
        self.bytes = bytes
    }

    public var count: Int { offsets.count - 1 }

    /// Whether both are copies of one buffer (one storage, not merely equal contents): a
    /// constant-time test for reusing work done once per entry of a shared dictionary.
    public func sharesStorage(with other: StringBuffer) -> Bool {
        offsets.count == other.offsets.count && bytes.count == other.bytes.count
            && offsets.withUnsafeBufferPointer { a in other.offsets.withUnsafeBufferPointer { $0.baseAddress == a.baseAddress } }
            && bytes.withUnsafeBufferPointer { a in other.bytes.withUnsafeBufferPointer { $0.baseAddress == a.baseAddress } }
    }

    /// The most bytes one buffer holds: offsets are 32-bit, as in Arrow's `utf8`.
    public static let byteCapacity = Int(Int32.max)

    public mutating func reserveCapacity(strings: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(strings + 1)
        bytes.reserveCapacity(byteCount)
    }

    @inline(__always)
    public mutating func append(_ raw: UnsafeRawBufferPointer) {
        precondition(bytes.count + raw.count <= Self.byteCapacity, "string buffer over 2 GiB")
        bytes.append(contentsOf: raw)
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
    }

    /// Appends every string of `other`: one copy of its bytes and its offsets shifted, instead of
    /// one append per string (joining per-chunk columns of a parallel load).
    public mutating func append(contentsOf other: StringBuffer) {
        precondition(bytes.count + other.bytes.count <= Self.byteCapacity, "string buffer over 2 GiB")
        let shift = Int32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: other.bytes)
        offsets.append(contentsOf: other.offsets.dropFirst().lazy.map { $0 &+ shift })
    }

    public mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    public func range(_ i: Int) -> Range<Int> {
        Int(offsets[i])..<Int(offsets[i + 1])
    }

    public subscript(i: Int) -> String {
        let r = range(i)
        return bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
        }
    }

    /// Calls `body` with the bytes of string i, without copying them.
    @inline(__always)
    public func withBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let r = range(i)
        return try bytes.withUnsafeBytes { b in
            try body(UnsafeRawBufferPointer(rebasing: b[r]))
        }
    }
}

extension StringBuffer {
    /// Appends `count` strings given in Arrow's utf8 layout: `count + 1` little-endian Int32
    /// offsets into `data`. One copy of the bytes and one pass over the offsets, instead of one
    /// append per string (reading a snapshot column). The offsets must not decrease and must lie
    /// within `data`; the caller checks that (the snapshot reader does, for hostile files).
    public mutating func append(arrowOffsets raw: UnsafeRawBufferPointer, count: Int, data: UnsafeRawBufferPointer) {
        precondition(raw.count >= 4 * (count + 1), "offsets buffer too short")
        let first = Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: Int32.self)))
        let last = Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * count, as: Int32.self)))
        precondition(first >= 0 && first <= last && last <= data.count, "offsets outside the data")
        precondition(bytes.count + (last - first) <= Self.byteCapacity, "string buffer over 2 GiB")
        let shift = Int32(truncatingIfNeeded: bytes.count - first)
        if last > first { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: data[first..<last])) }
        offsets.reserveCapacity(offsets.count + count)
        if shift == 0, count > 0, Int(bitPattern: raw.baseAddress) % MemoryLayout<Int32>.alignment == 0 {
            // The usual case (the first batch of a column, offsets from 0): the offsets as they are.
            offsets.append(contentsOf: UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: Int32.self) + 1, count: count))
            return
        }
        for i in 1...max(count, 1) where i <= count {
            offsets.append(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)) &+ shift)
        }
    }
}
