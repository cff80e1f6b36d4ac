import Columns

/// The Arrow buffers of rows `rows` of one column, in the order a record batch lists them:
/// validity, then values (or offsets and data for utf8). Lengths are known before any byte is
/// written, so the batch metadata can precede the body without materialising the body first.
struct ColumnSliceBuffers {
    let column: Column
    let rows: Range<Int>
    let nullCount: Int
    /// Unpadded byte length of each buffer.
    let lengths: [Int]

    init(_ column: Column, rows: Range<Int>) {
        self.column = column
        self.rows = rows
        let n = rows.count
        let nulls = column.validity.nullCount(in: rows)
        self.nullCount = nulls
        let validityLength = nulls > 0 ? (n + 7) / 8 : 0
        switch column {
        case .int64, .double, .timestamp: lengths = [validityLength, 8 * n]
        case .date: lengths = [validityLength, 4 * n]
        case .bool: lengths = [validityLength, (n + 7) / 8]
        case .string(let s): lengths = [validityLength, 4 * (n + 1), Self.dataLength(s, rows: rows)]
        }
    }

    private static func dataLength(_ s: StringColumn, rows: Range<Int>) -> Int {
        switch s.storage {
        case .plain(let b):
            return rows.isEmpty ? 0 : Int(b.offsets[rows.upperBound]) - Int(b.offsets[rows.lowerBound])
        case .dictionary(let codes, let dict):
            var total = 0
            codes.withUnsafeBufferPointer { c in
                dict.offsets.withUnsafeBufferPointer { o in
                    for r in rows where s.validity.isValid(r) {
                        let code = Int(c[r])
                        total += Int(o[code + 1]) - Int(o[code])
                    }
                }
            }
            return total
        }
    }

    /// Writes every buffer, each followed by zeros up to the next 64-byte boundary.
    func write(to out: FileOutput) throws {
        if lengths[0] > 0 { try out.write(column.validity.packedBits(rows)) }
        try out.writeZeros(ArrowFormat.padding(lengths[0], to: ArrowFormat.bufferAlignment))
        let align = ArrowFormat.bufferAlignment
        switch column {
        case .int64(let c), .timestamp(let c): try Self.writeSlice(c.values, rows, to: out)
        case .double(let c): try Self.writeSlice(c.values, rows, to: out)
        case .date(let c): try Self.writeSlice(c.values, rows, to: out)
        case .bool(let c): try out.write(Self.packBools(c.values, rows))
        case .string(let s):
            try writeStrings(s, to: out)
            try out.writeZeros(ArrowFormat.padding(lengths[2], to: align))
            return
        }
        try out.writeZeros(ArrowFormat.padding(lengths[1], to: align))
    }

    private static func writeSlice<T>(_ values: [T], _ rows: Range<Int>, to out: FileOutput) throws {
        let size = MemoryLayout<T>.stride
        try values.withUnsafeBytes { b in
            try out.write(UnsafeRawBufferPointer(rebasing: b[(rows.lowerBound * size)..<(rows.upperBound * size)]))
        }
    }

    private static func packBools(_ values: [Bool], _ rows: Range<Int>) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: (rows.count + 7) / 8)
        values.withUnsafeBufferPointer { v in
            for (i, r) in rows.enumerated() where v[r] { out[i >> 3] |= 1 << UInt8(i & 7) }
        }
        return out
    }

    /// Offsets rebased to start at 0 for this batch, then the bytes; between the two, the
    /// offsets buffer's padding (written here because the data buffer follows immediately).
    private func writeStrings(_ s: StringColumn, to out: FileOutput) throws {
        var offsets = [Int32]()
        offsets.reserveCapacity(rows.count + 1)
        switch s.storage {
        case .plain(let b):
            let base = rows.isEmpty ? 0 : b.offsets[rows.lowerBound]
            offsets.append(0)
            for r in rows { offsets.append(b.offsets[r + 1] - base) }
            try offsets.withUnsafeBytes { try out.write($0) }
            try out.writeZeros(ArrowFormat.padding(lengths[1], to: ArrowFormat.bufferAlignment))
            if !rows.isEmpty {
                try b.bytes.withUnsafeBytes { bytes in
                    try out.write(UnsafeRawBufferPointer(rebasing: bytes[Int(base)..<Int(b.offsets[rows.upperBound])]))
                }
            }
        case .dictionary(let codes, let dict):
            var data = [UInt8]()
            data.reserveCapacity(lengths[2])
            offsets.append(0)
            for r in rows {
                if s.validity.isValid(r) {
                    dict.withBytes(Int(codes[r])) { data.append(contentsOf: $0) }
                }
                offsets.append(Int32(data.count))
            }
            try offsets.withUnsafeBytes { try out.write($0) }
            try out.writeZeros(ArrowFormat.padding(lengths[1], to: ArrowFormat.bufferAlignment))
            try out.write(data)
        }
    }
}
