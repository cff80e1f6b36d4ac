/// Appends values one row at a time straight from a parser, into contiguous buffers.
public struct PrimitiveBuilder<Element: Sendable & Hashable>: Sendable {
    public private(set) var values: [Element] = []
    public private(set) var validity = Validity(allValid: 0)
    private let zero: Element

    public init(zero: Element, capacity: Int = 0) {
        self.zero = zero
        values.reserveCapacity(capacity)
    }

    public var count: Int { values.count }

    @inline(__always)
    public mutating func append(_ v: Element) {
        values.append(v)
        validity.append(true)
    }

    @inline(__always)
    public mutating func appendNull() {
        values.append(zero)
        validity.append(false)
    }

    public mutating func append(_ v: Element?) {
        if let v { append(v) } else { appendNull() }
    }

    /// Drops the rows after the first `n` (a row that turned out bad after some of its cells were appended).
    public mutating func truncate(to n: Int) {
        guard n < values.count else { return }
        let keptValidity = validity.gather(0..<n)
        values.removeLast(values.count - n)
        validity = keptValidity
    }

    public func finish() -> PrimitiveColumn<Element> { PrimitiveColumn(values: values, validity: validity) }
}

/// Builds a string column, dictionary-encoding while the column looks low-cardinality and
/// switching to plain storage once distinct values pass half the rows: ids and names are not
/// worth a hash lookup per row, stages and channels are.
public struct StringBuilder: Sendable {
    private var interner: ByteInterner? = ByteInterner()
    private var codes: [Int32] = []
    private var plain = StringBuffer()
    public private(set) var validity = Validity(allValid: 0)
    private let decideAfter: Int

    /// - Parameter forceEncoding: `true` always dictionary-encodes, `false` never, `nil` adapts.
    public init(capacity: Int = 0, forceEncoding: Bool? = nil, decideAfter: Int = 4096) {
        self.decideAfter = decideAfter
        self.forceEncoding = forceEncoding
        if forceEncoding == false { interner = nil }
        codes.reserveCapacity(capacity)
    }

    private let forceEncoding: Bool?

    public var count: Int { validity.count }

    @inline(__always)
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if interner != nil {
            codes.append(interner!.intern(bytes))
            validity.append(true)
            if forceEncoding == nil && codes.count == decideAfter && interner!.count * 2 > codes.count {
                switchToPlain()
            }
        } else {
            plain.append(bytes)
            validity.append(true)
        }
    }

    public mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    public mutating func appendNull() {
        if interner != nil {
            codes.append(0)
            if interner!.count == 0 { _ = interner!.intern(UnsafeRawBufferPointer(start: nil, count: 0)) }
        } else {
            plain.append(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        validity.append(false)
    }

    public mutating func append(_ s: String?) {
        if let s { append(s) } else { appendNull() }
    }

    public mutating func truncate(to n: Int) {
        guard n < count else { return }
        let column = finish().gather(0..<n)
        validity = column.validity
        switch column.storage {
        case .plain(let b):
            plain = b
        case .dictionary(let c, _):
            codes = c
        }
    }

    private mutating func switchToPlain() {
        guard let interner else { return }
        plain.reserveCapacity(strings: codes.capacity, bytes: interner.strings.bytes.count * 4)
        for c in codes { interner.strings.withBytes(Int(c)) { plain.append($0) } }
        codes = []
        self.interner = nil
    }

    public func finish() -> StringColumn {
        if let interner {
            return StringColumn(storage: .dictionary(codes: codes, dictionary: interner.strings), validity: validity)
        }
        return StringColumn(storage: .plain(plain), validity: validity)
    }
}

/// A builder for any column type, chosen at run time from an inferred or declared type. It is a
/// struct of typed builders (only the one for `type` is used) rather than an enum with payloads,
/// because mutating an enum payload copies its buffer on every append.
public struct AnyColumnBuilder: Sendable {
    public let type: ColumnType
    /// int64 and timestamp values.
    public var integers: PrimitiveBuilder<Int64>
    public var doubles: PrimitiveBuilder<Double>
    public var bools: PrimitiveBuilder<Bool>
    /// date values, days since the epoch.
    public var days: PrimitiveBuilder<Int32>
    public var strings: StringBuilder

    public init(type: ColumnType, capacity: Int = 0, stringEncoding: Bool? = nil) {
        self.type = type
        integers = PrimitiveBuilder(zero: 0, capacity: type == .int64 || type == .timestamp ? capacity : 0)
        doubles = PrimitiveBuilder(zero: 0, capacity: type == .double ? capacity : 0)
        bools = PrimitiveBuilder(zero: false, capacity: type == .bool ? capacity : 0)
        days = PrimitiveBuilder(zero: 0, capacity: type == .date ? capacity : 0)
        strings = StringBuilder(capacity: type == .string ? capacity : 0, forceEncoding: stringEncoding)
    }

    public var count: Int {
        switch type {
        case .int64, .timestamp: integers.count
        case .double: doubles.count
        case .bool: bools.count
        case .date: days.count
        case .string: strings.count
        }
    }

    @inline(__always)
    public mutating func appendNull() {
        switch type {
        case .int64, .timestamp: integers.appendNull()
        case .double: doubles.appendNull()
        case .bool: bools.appendNull()
        case .date: days.appendNull()
        case .string: strings.appendNull()
        }
    }

    public mutating func truncate(to n: Int) {
        switch type {
        case .int64, .timestamp: integers.truncate(to: n)
        case .double: doubles.truncate(to: n)
        case .bool: bools.truncate(to: n)
        case .date: days.truncate(to: n)
        case .string: strings.truncate(to: n)
        }
    }

    public func finish() -> Column {
        switch type {
        case .int64: .int64(integers.finish())
        case .timestamp: .timestamp(integers.finish())
        case .double: .double(doubles.finish())
        case .bool: .bool(bools.finish())
        case .date: .date(days.finish())
        case .string: .string(strings.finish())
        }
    }
}
