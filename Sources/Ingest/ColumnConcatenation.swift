import Columns
import Dispatch

/// The chunk parts of each column, handed out once each: a column's parts are released as soon as
/// it is merged, so the load never holds a second copy of every column at once.
private final class ColumnParts: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<[Column]?>
    private let count: Int
    init(transposing chunks: [[Column]], columns: Int) {
        count = columns
        slots = .allocate(capacity: columns)
        for c in 0..<columns { (slots + c).initialize(to: chunks.map { $0[c] }) }
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    /// Column c's parts; each index is taken by exactly one worker.
    func take(_ c: Int) -> [Column] {
        let parts = slots[c]!
        slots[c] = nil
        return parts
    }
}

/// One slot per column, each written by exactly one worker.
private final class ConcatenationSlots: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Column?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ k: Int, _ c: Column) { slots[k] = c }
    func get(_ k: Int) -> Column { slots[k]! }
}

/// Joins the per-chunk columns of one output column, in chunk order. Dictionary strings are
/// re-interned chunk by chunk so codes stay in first-seen order over the whole file — the same
/// column whatever the number of chunks.
enum ColumnConcatenation {
    /// Every output column's chunks joined, columns in parallel (each is independent work).
    /// Merges the chunks' columns (emptying `chunks`, so each column's parts are freed as soon as
    /// that column is merged — peak memory is one column's copy per worker, not the whole table's).
    static func concatenateAll(_ chunks: inout [[Column]], types: [ColumnType]) -> [Column] {
        if chunks.count == 1 { return chunks.removeFirst() }
        let slots = ConcatenationSlots(count: types.count)
        let parts = ColumnParts(transposing: chunks, columns: types.count)
        chunks.removeAll()
        DispatchQueue.concurrentPerform(iterations: types.count) { c in
            slots.set(c, concatenate(parts.take(c), type: types[c]))
        }
        return (0..<types.count).map { slots.get($0) }
    }

    static func concatenate(_ parts: [Column], type: ColumnType) -> Column {
        if parts.count == 1 { return parts[0] }
        switch type {
        case .int64: return .int64(primitive(parts.map { $0.int64s! }))
        case .timestamp: return .timestamp(primitive(parts.map { $0.timestamps! }))
        case .double: return .double(primitive(parts.map { $0.doubles! }))
        case .bool: return .bool(primitive(parts.map { $0.bools! }))
        case .date: return .date(primitive(parts.map { $0.dates! }))
        case .string: return .string(strings(parts.map { $0.strings! }))
        }
    }

    static func primitive<T>(_ parts: [PrimitiveColumn<T>]) -> PrimitiveColumn<T> {
        var values = [T]()
        values.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        var validity = Validity(allValid: 0)
        for p in parts {
            values.append(contentsOf: p.values)
            validity.append(contentsOf: p.validity)
        }
        return PrimitiveColumn(values: values, validity: validity)
    }

    static func strings(_ parts: [StringColumn]) -> StringColumn {
        var validity = Validity(allValid: 0)
        for p in parts { validity.append(contentsOf: p.validity) }
        let total = validity.count
        if parts[0].isDictionary {
            var interner = ByteInterner()
            var codes = [Int32]()
            codes.reserveCapacity(total)
            for p in parts {
                switch p.storage {
                case .dictionary(let c, let dict):
                    let remap = (0..<dict.count).map { i in dict.withBytes(i) { interner.intern($0) } }
                    if remap.indices.allSatisfy({ remap[$0] == Int32($0) }) {
                        codes.append(contentsOf: c)  // the first chunk's codes are already final
                    } else {
                        remap.withUnsafeBufferPointer { r in codes.append(contentsOf: c.lazy.map { r[Int($0)] }) }
                    }
                case .plain(let buffer):
                    for i in 0..<buffer.count { codes.append(buffer.withBytes(i) { interner.intern($0) }) }
                }
            }
            return StringColumn(storage: .dictionary(codes: codes, dictionary: interner.strings), validity: validity)
        }
        var out = StringBuffer()
        var bytes = 0
        for p in parts { if case .plain(let b) = p.storage { bytes += b.bytes.count } }
        out.reserveCapacity(strings: total, bytes: bytes)
        for p in parts {
            switch p.storage {
            case .plain(let b):
                out.append(contentsOf: b)
            case .dictionary(let c, let dict):
                for code in c { dict.withBytes(Int(code)) { out.append($0) } }
            }
        }
        return StringColumn(storage: .plain(out), validity: validity)
    }
}
