/// A fixed-width column: one contiguous buffer of values and a validity bitmap. A null row's slot
/// holds `Element`'s zero and means nothing; only `validity` says whether a value is there.
public struct PrimitiveColumn<Element: Sendable & Hashable>: Sendable {
    public var values: [Element]
    public var validity: Validity

    public init(values: [Element], validity: Validity? = nil) {
        self.values = values
        self.validity = validity ?? Validity(allValid: values.count)
        assert(self.validity.count == values.count, "validity length differs from values")
    }

    public var count: Int { values.count }

    @inline(__always)
    public subscript(row: Int) -> Element? {
        validity.isValid(row) ? values[row] : nil
    }

    public func gather(_ rows: some Collection<Int>) -> PrimitiveColumn {
        RowIndices.withChecked(rows, count: count) { gather(rows: $0) }
    }
}

extension PrimitiveColumn {
    /// Builds from optionals; handy in tests and small derived tables, not in hot ingest paths.
    public init(_ optionals: [Element?], zero: Element) {
        var validity = Validity(allValid: 0)
        var values = [Element]()
        values.reserveCapacity(optionals.count)
        for o in optionals {
            values.append(o ?? zero)
            validity.append(o != nil)
        }
        self.init(values: values, validity: validity)
    }
}
