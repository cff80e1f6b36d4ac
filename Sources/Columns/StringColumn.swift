/// A string column, stored either plainly (offsets + one byte buffer) or dictionary-encoded
/// (one code per row into a buffer of distinct strings). Low-cardinality columns such as stage,
/// channel or region are dictionary-encoded, so grouping and filtering on them compare integers.
public struct StringColumn: Sendable {
    public enum Storage: Sendable {
        case plain(StringBuffer)
        case dictionary(codes: [Int32], dictionary: StringBuffer)
    }

    public var storage: Storage
    public var validity: Validity

    public init(storage: Storage, validity: Validity? = nil) {
        self.storage = storage
        let n: Int
        switch storage {
        case .plain(let b): n = b.count
        case .dictionary(let codes, _): n = codes.count
        }
        self.validity = validity ?? Validity(allValid: n)
        assert(self.validity.count == n, "validity length differs from values")
    }

    /// A plain column from optionals (tests and small derived tables).
    public init(_ optionals: [String?]) {
        var buffer = StringBuffer()
        var validity = Validity(allValid: 0)
        for o in optionals {
            buffer.append(o ?? "")
            validity.append(o != nil)
        }
        self.init(storage: .plain(buffer), validity: validity)
    }

    public var count: Int { validity.count }

    public var isDictionary: Bool {
        if case .dictionary = storage { return true }
        return false
    }

    public subscript(row: Int) -> String? {
        guard validity.isValid(row) else { return nil }
        switch storage {
        case .plain(let b): return b[row]
        case .dictionary(let codes, let dict): return dict[Int(codes[row])]
        }
    }

    /// Calls `body` with the bytes of row `row` (empty for null rows; check `validity` first).
    @inline(__always)
    public func withBytes<R>(_ row: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch storage {
        case .plain(let b): return try b.withBytes(row, body)
        case .dictionary(let codes, let dict): return try dict.withBytes(Int(codes[row]), body)
        }
    }

    public func gather(_ rows: some Collection<Int>) -> StringColumn {
        RowIndices.withChecked(rows, count: count) { gather(rows: $0) }
    }

    /// Dictionary-encodes the column (a no-op if it already is): codes in first-seen order.
    public func dictionaryEncoded() -> StringColumn {
        if isDictionary { return self }
        guard case .plain(let b) = storage else { return self }
        var interner = ByteInterner()
        var codes = [Int32]()
        codes.reserveCapacity(b.count)
        for i in 0..<b.count { codes.append(b.withBytes(i) { interner.intern($0) }) }
        return StringColumn(storage: .dictionary(codes: codes, dictionary: interner.strings), validity: validity)
    }
}
