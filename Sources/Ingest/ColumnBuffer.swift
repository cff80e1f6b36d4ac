import Columns

/// One output column while a chunk is parsed: plain arrays for the fixed-width types (concrete,
/// so every append is specialised and inlined here rather than a generic call into `Columns`)
/// and a `StringBuilder` for text. Only the storage for `type` is used.
struct ColumnBuffer {
    let type: ColumnType
    var integers: [Int64] = []
    var doubles: [Double] = []
    var days: [Int32] = []
    var bools: [Bool] = []
    var validity = Validity(allValid: 0)
    var strings: StringBuilder

    init(type: ColumnType, capacity: Int) {
        self.type = type
        strings = StringBuilder(capacity: type == .string ? capacity : 0)
        switch type {
        case .int64, .timestamp: integers.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .date: days.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .string: break
        }
    }

    @inline(__always)
    mutating func appendNull() {
        switch type {
        case .int64, .timestamp: integers.append(0)
        case .double: doubles.append(0)
        case .date: days.append(0)
        case .bool: bools.append(false)
        case .string:
            strings.appendNull()
            return
        }
        validity.append(false)
    }

    /// Appends a staged value (`bits` as `ChunkLoader` stages it).
    @inline(__always)
    mutating func append(bits: Int64) {
        switch type {
        case .int64, .timestamp: integers.append(bits)
        case .double: doubles.append(Double(bitPattern: UInt64(bitPattern: bits)))
        case .date: days.append(Int32(truncatingIfNeeded: bits))
        case .bool: bools.append(bits != 0)
        case .string: return
        }
        validity.append(true)
    }

    func finish() -> Column {
        switch type {
        case .int64: .int64(PrimitiveColumn(values: integers, validity: validity))
        case .timestamp: .timestamp(PrimitiveColumn(values: integers, validity: validity))
        case .double: .double(PrimitiveColumn(values: doubles, validity: validity))
        case .date: .date(PrimitiveColumn(values: days, validity: validity))
        case .bool: .bool(PrimitiveColumn(values: bools, validity: validity))
        case .string: .string(strings.finish())
        }
    }
}
