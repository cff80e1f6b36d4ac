import Columns

/// Gathers one column across record batches, checking every Arrow buffer against the batch
/// length before reading it. One stored array per type (only `type`'s is used), not an enum with
/// payloads, so appending never copies a buffer.
struct ColumnAccumulator {
    let name: String
    let type: ColumnType
    private var int64s = [Int64]()
    private var doubles = [Double]()
    private var bools = [Bool]()
    private var days = [Int32]()
    private var strings = StringBuffer()
    private var validity = Validity(allValid: 0)

    init(name: String, type: ColumnType, capacity: Int = 0) {
        self.name = name
        self.type = type
        switch type {
        case .int64, .timestamp: int64s.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .date: days.reserveCapacity(capacity)
        case .string: break
        }
    }

    /// Appends `length` rows whose buffers (already bounds-checked against the file) are `buffers`.
    mutating func append(length: Int, nullCount: Int, buffers: [UnsafeRawBufferPointer]) throws(SnapshotError) {
        try appendValidity(length: length, nullCount: nullCount, bitmap: buffers[0])
        let values = buffers[1]
        switch type {
        case .int64, .timestamp:
            try need(values, 8 * length, "values")
            Self.appendLoaded(&int64s, values, length)
        case .double:
            try need(values, 8 * length, "values")
            Self.appendLoaded(&doubles, values, length)
        case .date:
            try need(values, 4 * length, "values")
            Self.appendLoaded(&days, values, length)
        case .bool:
            try need(values, (length + 7) / 8, "values")
            bools.reserveCapacity(bools.count + length)
            for i in 0..<length { bools.append(values[i >> 3] & (1 << UInt8(i & 7)) != 0) }
        case .string:
            try appendStrings(length: length, offsets: values, data: buffers[2])
        }
    }

    private func need(_ buffer: UnsafeRawBufferPointer, _ bytes: Int, _ what: String) throws(SnapshotError) {
        guard buffer.count >= bytes else {
            throw .corrupt("column \"\(name)\": \(what) buffer has \(buffer.count) bytes, the batch needs \(bytes)")
        }
    }

    /// One bulk copy when the buffer is aligned for `T` (the writer aligns every buffer to 64
    /// bytes); element by element otherwise (a foreign or damaged file).
    private static func appendLoaded<T: BitwiseCopyable>(_ array: inout [T], _ bytes: UnsafeRawBufferPointer, _ n: Int) {
        guard n > 0 else { return }
        if Int(bitPattern: bytes.baseAddress) % MemoryLayout<T>.alignment == 0 {
            array.append(contentsOf: UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: T.self), count: n))
            return
        }
        array.reserveCapacity(array.count + n)
        for i in 0..<n { array.append(bytes.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.stride, as: T.self)) }
    }

    private mutating func appendValidity(length: Int, nullCount: Int, bitmap: UnsafeRawBufferPointer) throws(SnapshotError) {
        guard nullCount > 0 else {
            validity.append(contentsOf: Validity(allValid: length))
            return
        }
        try need(bitmap, (length + 7) / 8, "validity")
        // Count set bits (whole bytes by popcount; bits past the last row ignored) before trusting the bitmap.
        var valid = 0
        for i in 0..<(length >> 3) { valid += bitmap[i].nonzeroBitCount }
        if length & 7 != 0 { valid += (bitmap[length >> 3] & UInt8((1 << (length & 7)) - 1)).nonzeroBitCount }
        guard length - valid == nullCount else {
            throw .corrupt("column \"\(name)\": null count \(nullCount) disagrees with the validity bitmap (\(length - valid))")
        }
        validity.append(bitmap: bitmap, count: length)
    }

    private mutating func appendStrings(length: Int, offsets: UnsafeRawBufferPointer, data: UnsafeRawBufferPointer) throws(SnapshotError) {
        try need(offsets, 4 * (length + 1), "offsets")
        func offset(_ i: Int) -> Int { Int(Int32(littleEndian: offsets.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self))) }
        var previous = offset(0)
        guard previous >= 0 else { throw .corrupt("column \"\(name)\": negative first string offset") }
        let last = offset(length)
        guard last >= previous, last <= data.count else {
            throw .corrupt("column \"\(name)\": string offsets end at \(last), past \(data.count) bytes of text")
        }
        guard strings.bytes.count + (last - previous) <= StringBuffer.byteCapacity else {
            throw .unsupported("column \"\(name)\": over 2 GiB of text in one column")
        }
        for i in 1...max(length, 1) where i <= length {
            let next = offset(i)
            guard next >= previous, next <= last else {
                throw .corrupt("column \"\(name)\": string offsets decrease or overrun at row \(i - 1)")
            }
            previous = next
        }
        strings.append(arrowOffsets: offsets, count: length, data: data)
    }

    func finish(dictionaryEncode: Bool) -> Column {
        switch type {
        case .int64: .int64(PrimitiveColumn(values: int64s, validity: validity))
        case .timestamp: .timestamp(PrimitiveColumn(values: int64s, validity: validity))
        case .double: .double(PrimitiveColumn(values: doubles, validity: validity))
        case .bool: .bool(PrimitiveColumn(values: bools, validity: validity))
        case .date: .date(PrimitiveColumn(values: days, validity: validity))
        case .string:
            dictionaryEncode
                ? .string(StringColumn(storage: .plain(strings), validity: validity).dictionaryEncoded())
                : .string(StringColumn(storage: .plain(strings), validity: validity))
        }
    }
}
