/// The running state of one aggregate over the groups of one chunk of rows. A group-by makes one
/// state per aggregate per chunk, feeds it the chunk's rows with their chunk-local group ids, then
/// folds the chunk states into the global one in chunk order (`merge`), mapping local group ids to
/// global ones. States are classes so the row loops mutate their arrays in place.
protocol AggregateState: AnyObject {
    /// Adds rows `rows[i]`, each to group `groups[i]`; group ids are below `groupCount`.
    func update(rows: UnsafeBufferPointer<Int32>, groups: UnsafeBufferPointer<Int32>, groupCount: Int)
    /// Folds in `other` (a state of the same kind from a later chunk); its group g is our `remap[g]`.
    func merge(_ other: any AggregateState, remap: UnsafeBufferPointer<Int32>, groupCount: Int)
    /// The aggregate column, one row per group. Throws when an int64 sum overflowed.
    func finish(groupCount: Int) throws(KernelError) -> Column
}

extension Array {
    /// Grows to `n` elements, padding with `value`.
    @inline(__always)
    mutating func pad(to n: Int, with value: Element) {
        if count < n { append(contentsOf: repeatElement(value, count: n - count)) }
    }
}

extension Aggregate {
    /// A factory of fresh states for this aggregate over `table`, after checking the column and its
    /// type. Per-row inputs the states share (encoded words, doubles) are computed once here.
    func stateFactory(over table: Table) throws(KernelError) -> () -> any AggregateState {
        if function == .count { return { CountState(validity: nil) } }
        guard let name = column else {
            throw .invalidArgument("aggregate \(self.name): \(function.rawValue) needs a column")
        }
        let input = try table.kernelColumn(name)
        switch function {
        case .count:
            preconditionFailure("handled above")
        case .countNonNull:
            let validity = input.validity
            return { CountState(validity: validity) }
        case .countDistinct:
            var interner = ByteInterner()
            let words = KeyEncoder.words(input, interner: &interner)
            let validity = input.validity
            return { DistinctCountState(words: words, validity: validity) }
        case .sum:
            switch input {
            case .int64(let c): return { IntSumState(column: c, name: name) }
            case .double(let c): return { DoubleSumState(column: c, mean: false) }
            default: throw .unsupported(operation: "sum", column: name, type: input.type)
            }
        case .mean:
            switch input {
            case .int64(let c):
                let doubles = PrimitiveColumn(values: c.values.map { Double($0) }, validity: c.validity)
                return { DoubleSumState(column: doubles, mean: true) }
            case .double(let c): return { DoubleSumState(column: c, mean: true) }
            default: throw .unsupported(operation: "mean", column: name, type: input.type)
            }
        case .min, .max:
            let wantMax = function == .max
            switch input {
            case .int64(let c), .timestamp(let c):
                return { ExtremeState(PrimitiveOrder(values: c.values), input, max: wantMax) }
            case .date(let c): return { ExtremeState(PrimitiveOrder(values: c.values), input, max: wantMax) }
            case .double(let c): return { ExtremeState(DoubleOrder(values: c.values), input, max: wantMax) }
            case .bool(let c): return { ExtremeState(BoolOrder(values: c.values), input, max: wantMax) }
            case .string(let c): return { ExtremeState(StringOrder(column: c), input, max: wantMax) }
            }
        }
    }
}
