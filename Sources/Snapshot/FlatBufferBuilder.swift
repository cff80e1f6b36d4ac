/// A minimal FlatBuffers encoder, enough for Arrow's Schema/Message/File metadata.
///
/// FlatBuffers are built back to front: an object is written before whoever refers to it, and
/// unsigned offsets point forward to higher addresses. So the buffer grows toward its start, and
/// every position here is measured from the buffer's *end* (`Offset`), which stays fixed while
/// bytes are prepended. Vtables are not deduplicated: Arrow metadata is small and this keeps the
/// encoder obvious.
struct FlatBufferBuilder {
    /// Distance of an object from the end of the buffer.
    struct Offset: Equatable {
        fileprivate let position: Int
    }

    /// Bytes live in `storage[head...]`.
    private var storage: [UInt8]
    private var head: Int
    private var minAlign = 1
    /// (slot, position) of fields of the table being built.
    private var fields: [(slot: Int, position: Int)] = []
    private var tableStart: Int?

    init(capacity: Int = 1024) {
        storage = [UInt8](repeating: 0, count: max(capacity, 64))
        head = storage.count
    }

    /// Bytes written so far.
    var size: Int { storage.count - head }

    // MARK: Raw writing

    private mutating func reserve(_ n: Int) {
        guard head < n else { return }
        var newCount = storage.count * 2
        while newCount - size < n { newCount *= 2 }
        var grown = [UInt8](repeating: 0, count: newCount)
        let used = size
        grown.withUnsafeMutableBytes { dst in
            storage.withUnsafeBytes { src in
                dst.baseAddress!.advanced(by: newCount - used).copyMemory(
                    from: src.baseAddress!.advanced(by: head), byteCount: used)
            }
        }
        storage = grown
        head = newCount - used
    }

    private mutating func pad(_ n: Int) {
        reserve(n)
        for _ in 0..<n {
            head -= 1
            storage[head] = 0
        }
    }

    /// Pads so that, after `additional` more bytes, an object of `alignment` lands aligned.
    private mutating func align(_ alignment: Int, additional: Int = 0) {
        minAlign = max(minAlign, alignment)
        let padding = (~(size + additional) &+ 1) & (alignment - 1)
        pad(padding)
    }

    private mutating func put<T: FixedWidthInteger>(_ value: T) {
        let n = MemoryLayout<T>.size
        reserve(n)
        head -= n
        var le = value.littleEndian
        withUnsafeBytes(of: &le) { bytes in
            for i in 0..<n { storage[head + i] = bytes[i] }
        }
    }

    private mutating func push<T: FixedWidthInteger>(_ value: T) {
        align(MemoryLayout<T>.size)
        put(value)
    }

    /// Writes a uoffset pointing at `target`, relative to where the offset itself lands.
    private mutating func pushOffset(_ target: Offset) {
        align(4)
        precondition(target.position <= size, "flatbuffer offset must point at an object already written")
        put(UInt32(size + 4 - target.position))
    }

    // MARK: Objects

    mutating func createString(_ s: String) -> Offset {
        let utf8 = Array(s.utf8)
        align(4, additional: utf8.count + 1)
        pad(1)  // NUL terminator
        reserve(utf8.count)
        head -= utf8.count
        for (i, b) in utf8.enumerated() { storage[head + i] = b }
        put(UInt32(utf8.count))
        return Offset(position: size)
    }

    mutating func createOffsetVector(_ elements: [Offset]) -> Offset {
        align(4, additional: 4 * elements.count)
        for e in elements.reversed() { pushOffset(e) }
        put(UInt32(elements.count))
        return Offset(position: size)
    }

    /// A vector of structs whose fields are all 64-bit (Arrow's Buffer, FieldNode) or that are
    /// given pre-laid-out as little-endian words; `words` per element.
    mutating func createStructVector(_ elements: [[Int64]]) -> Offset {
        let wordsPer = elements.first?.count ?? 0
        align(4, additional: 8 * wordsPer * elements.count)
        align(8, additional: 8 * wordsPer * elements.count)
        for e in elements.reversed() {
            for w in e.reversed() { put(w) }
        }
        put(UInt32(elements.count))
        return Offset(position: size)
    }

    mutating func startTable() {
        precondition(tableStart == nil, "flatbuffer tables cannot nest while being built")
        fields = []
        tableStart = size
    }

    mutating func add<T: FixedWidthInteger>(slot: Int, _ value: T) {
        push(value)
        fields.append((slot, size))
    }

    mutating func add(slot: Int, _ value: Bool) {
        add(slot: slot, UInt8(value ? 1 : 0))
    }

    mutating func add(slot: Int, _ offset: Offset) {
        pushOffset(offset)
        fields.append((slot, size))
    }

    mutating func endTable() -> Offset {
        guard let start = tableStart else { preconditionFailure("endTable without startTable") }
        push(Int32(0))  // soffset to the vtable, patched below
        let tablePosition = size
        let slotCount = (fields.map(\.slot).max() ?? -1) + 1
        var entries = [UInt16](repeating: 0, count: slotCount)
        for f in fields { entries[f.slot] = UInt16(tablePosition - f.position) }
        for e in entries.reversed() { put(e) }
        put(UInt16(tablePosition - start))
        put(UInt16(4 + 2 * slotCount))
        let vtablePosition = size
        // The table's first word is the signed distance from the table back to its vtable.
        let soffset = Int32(vtablePosition - tablePosition)
        let at = storage.count - tablePosition
        withUnsafeBytes(of: soffset.littleEndian) { bytes in
            for i in 0..<4 { storage[at + i] = bytes[i] }
        }
        tableStart = nil
        fields = []
        return Offset(position: tablePosition)
    }

    /// Writes the root offset and returns the finished buffer, its length a multiple of 8.
    mutating func finish(root: Offset) -> [UInt8] {
        align(max(minAlign, 8), additional: 4)
        pushOffset(root)
        return Array(storage[head...])
    }
}
