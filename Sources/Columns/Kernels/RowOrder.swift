/// A strict order on the non-null rows of one column, by value: the comparison `min`/`max`
/// aggregates use. Specialised per storage so the compare inlines.
protocol RowOrder {
    func less(_ a: Int, _ b: Int) -> Bool
}

struct PrimitiveOrder<T: Comparable>: RowOrder {
    let values: [T]
    @inline(__always) func less(_ a: Int, _ b: Int) -> Bool { values[a] < values[b] }
}

/// NaN above every number, as in sorting, so `max` of a group with a NaN is NaN.
struct DoubleOrder: RowOrder {
    let values: [Double]
    @inline(__always) func less(_ a: Int, _ b: Int) -> Bool {
        let x = values[a], y = values[b]
        return x < y || (y.isNaN && !x.isNaN)
    }
}

struct BoolOrder: RowOrder {
    let values: [Bool]
    @inline(__always) func less(_ a: Int, _ b: Int) -> Bool { !values[a] && values[b] }
}

/// UTF-8 byte order; a dictionary column compares the bytes its codes point to.
struct StringOrder: RowOrder {
    let column: StringColumn
    @inline(__always) func less(_ a: Int, _ b: Int) -> Bool {
        column.withBytes(a) { x in column.withBytes(b) { y in ByteComparison.compare(x, y) < 0 } }
    }
}
