/// A bounds-checked view of one FlatBuffers table inside a byte buffer. Every read checks that
/// the bytes it touches lie inside the buffer and throws otherwise, so garbage or truncated
/// metadata produces an error, never an out-of-bounds read.
struct FlatBufferTable {
    let buffer: UnsafeRawBufferPointer
    /// Byte position of the table in `buffer`.
    let position: Int
    private let vtable: Int
    private let vtableSize: Int

    /// The root table of a finished flatbuffer.
    init(root buffer: UnsafeRawBufferPointer) throws(SnapshotError) {
        let rootOffset = try Self.u32(buffer, at: 0)
        try self.init(buffer, at: Int(rootOffset))
    }

    init(_ buffer: UnsafeRawBufferPointer, at position: Int) throws(SnapshotError) {
        self.buffer = buffer
        self.position = position
        let soffset = Int(try Self.i32(buffer, at: position))
        let vtable = position - soffset
        let vtableSize = Int(try Self.u16(buffer, at: vtable))
        guard vtableSize >= 4, vtableSize % 2 == 0, vtable + vtableSize <= buffer.count else {
            throw .corrupt("flatbuffer vtable at \(vtable) has bad size \(vtableSize)")
        }
        self.vtable = vtable
        self.vtableSize = vtableSize
    }

    /// Absolute position of field `slot`, or nil when the field is absent.
    private func fieldPosition(_ slot: Int) throws(SnapshotError) -> Int? {
        let entry = 4 + 2 * slot
        guard entry + 2 <= vtableSize else { return nil }
        let rel = Int(try Self.u16(buffer, at: vtable + entry))
        return rel == 0 ? nil : position + rel
    }

    func scalar<T: FixedWidthInteger>(_ slot: Int, default value: T) throws(SnapshotError) -> T {
        guard let p = try fieldPosition(slot) else { return value }
        return try Self.load(buffer, at: p)
    }

    func bool(_ slot: Int, default value: Bool) throws(SnapshotError) -> Bool {
        try scalar(slot, default: UInt8(value ? 1 : 0)) != 0
    }

    /// Position the uoffset field `slot` points at, or nil when absent.
    private func target(_ slot: Int) throws(SnapshotError) -> Int? {
        guard let p = try fieldPosition(slot) else { return nil }
        let t = p + Int(try Self.u32(buffer, at: p))
        guard t < buffer.count else { throw .corrupt("flatbuffer offset at \(p) points outside the metadata") }
        return t
    }

    func table(_ slot: Int) throws(SnapshotError) -> FlatBufferTable? {
        guard let t = try target(slot) else { return nil }
        return try FlatBufferTable(buffer, at: t)
    }

    func string(_ slot: Int) throws(SnapshotError) -> String? {
        guard let t = try target(slot) else { return nil }
        let n = Int(try Self.u32(buffer, at: t))
        guard n <= buffer.count - t - 4 else { throw .corrupt("flatbuffer string at \(t) runs past the metadata") }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[(t + 4)..<(t + 4 + n)]), as: UTF8.self)
    }

    /// Element count and position of the first element of vector field `slot`.
    private func vector(_ slot: Int, elementSize: Int) throws(SnapshotError) -> (count: Int, start: Int)? {
        guard let t = try target(slot) else { return nil }
        let n = Int(try Self.u32(buffer, at: t))
        guard n <= (buffer.count - t - 4) / elementSize else {
            throw .corrupt("flatbuffer vector at \(t) of \(n) elements runs past the metadata")
        }
        return (n, t + 4)
    }

    func tables(_ slot: Int) throws(SnapshotError) -> [FlatBufferTable]? {
        guard let (n, start) = try vector(slot, elementSize: 4) else { return nil }
        var out = [FlatBufferTable]()
        out.reserveCapacity(n)
        for i in 0..<n {
            let p = start + 4 * i
            let t = p + Int(try Self.u32(buffer, at: p))
            out.append(try FlatBufferTable(buffer, at: t))
        }
        return out
    }

    /// A vector of structs made of `wordsPer` little-endian 64-bit words each (Arrow's Block,
    /// FieldNode and Buffer are all of that shape once Block's padding is counted).
    func structs(_ slot: Int, wordsPer: Int) throws(SnapshotError) -> [[Int64]]? {
        guard let (n, start) = try vector(slot, elementSize: 8 * wordsPer) else { return nil }
        var out = [[Int64]]()
        out.reserveCapacity(n)
        for i in 0..<n {
            var element = [Int64]()
            for w in 0..<wordsPer { element.append(try Self.load(buffer, at: start + 8 * (i * wordsPer + w))) }
            out.append(element)
        }
        return out
    }

    // MARK: Checked loads

    static func load<T: FixedWidthInteger>(_ buffer: UnsafeRawBufferPointer, at p: Int) throws(SnapshotError) -> T {
        guard p >= 0, p <= buffer.count - MemoryLayout<T>.size else {
            throw .corrupt("metadata read of \(MemoryLayout<T>.size) bytes at \(p) is outside \(buffer.count) bytes")
        }
        return T(littleEndian: buffer.loadUnaligned(fromByteOffset: p, as: T.self))
    }

    static func u32(_ b: UnsafeRawBufferPointer, at p: Int) throws(SnapshotError) -> UInt32 { try load(b, at: p) }
    static func i32(_ b: UnsafeRawBufferPointer, at p: Int) throws(SnapshotError) -> Int32 { try load(b, at: p) }
    static func u16(_ b: UnsafeRawBufferPointer, at p: Int) throws(SnapshotError) -> UInt16 { try load(b, at: p) }
}
