import Columns

/// One output column while a chunk is parsed: plain arrays for the fixed-width types (concrete,
/// so appends are specialised here rather than generic calls into `Columns`) and a `StringBuilder`
/// for text. Fixed-width values are staged in a small raw batch and moved into the array
/// `batchSize` at a time, so the array's uniqueness check and the validity update happen once per
/// batch, not once per value.
struct ColumnBuffer {
    static let batchSize = 512

    let type: ColumnType
    var integers: [Int64] = []
    var doubles: [Double] = []
    var days: [Int32] = []
    var bools: [Bool] = []
    var validity = Validity(allValid: 0)
    var strings: StringBuilder
    private let batch: UnsafeMutablePointer<Int64>
    private var batched = 0

    init(type: ColumnType, capacity: Int) {
        self.type = type
        strings = StringBuilder(capacity: type == .string ? capacity : 0)
        batch = .allocate(capacity: Self.batchSize)
        switch type {
        case .int64, .timestamp: integers.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .date: days.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .string: break
        }
    }

    /// Frees the batch; the buffer is not used afterwards.
    func release() { batch.deallocate() }

    @inline(__always)
    mutating func appendNull() {
        if type == .string {
            strings.appendNull()
            return
        }
        flush()
        switch type {
        case .int64, .timestamp: integers.append(0)
        case .double: doubles.append(0)
        case .date: days.append(0)
        case .bool: bools.append(false)
        case .string: break
        }
        validity.append(false)
    }

    /// Appends a staged value (`bits` as `ChunkLoader` stages it).
    @inline(__always)
    mutating func append(bits: Int64) {
        batch[batched] = bits
        batched += 1
        if batched == Self.batchSize { flush() }
    }

    mutating func flush() {
        guard batched > 0 else { return }
        let values = UnsafeBufferPointer(start: batch, count: batched)
        switch type {
        case .int64, .timestamp:
            integers.append(contentsOf: values)
        case .double:
            doubles.append(contentsOf: values.lazy.map { Double(bitPattern: UInt64(bitPattern: $0)) })
        case .date:
            days.append(contentsOf: values.lazy.map { Int32(truncatingIfNeeded: $0) })
        case .bool:
            bools.append(contentsOf: values.lazy.map { $0 != 0 })
        case .string:
            break
        }
        validity.append(contentsOf: Validity(allValid: batched))
        batched = 0
    }

    mutating func finish() -> Column {
        flush()
        switch type {
        case .int64: return .int64(PrimitiveColumn(values: integers, validity: validity))
        case .timestamp: return .timestamp(PrimitiveColumn(values: integers, validity: validity))
        case .double: return .double(PrimitiveColumn(values: doubles, validity: validity))
        case .date: return .date(PrimitiveColumn(values: days, validity: validity))
        case .bool: return .bool(PrimitiveColumn(values: bools, validity: validity))
        case .string: return .string(strings.finish())
        }
    }
}
