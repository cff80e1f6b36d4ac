import Columns

/// Builders for result tables: small derived tables, so optionals are fine here; doubles that are
/// not finite become null cells, which is how "undefined" (a rate over zero) is written.
enum ResultColumns {
    static func strings(_ values: [String?]) -> Column { .string(StringColumn(values)) }
    static func ints(_ values: [Int]) -> Column { .int64(PrimitiveColumn(values: values.map { Int64($0) })) }
    static func optionalInts(_ values: [Int?]) -> Column { .int64(PrimitiveColumn(values.map { $0.map(Int64.init) }, zero: 0)) }
    static func doubles(_ values: [Double?]) -> Column {
        .double(PrimitiveColumn(values.map { v in v.flatMap { $0.isFinite ? $0 : nil } }, zero: 0))
    }
    static func bools(_ values: [Bool]) -> Column { .bool(PrimitiveColumn(values: values)) }

    /// `numerator / denominator`, or nil when the denominator is zero.
    @inline(__always)
    static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator == 0 ? nil : numerator / denominator
    }

    static func table(_ name: String, _ columns: [(String, Column)]) -> Table {
        do { return try Table(name: name, columns: columns) } catch {
            preconditionFailure("result table \(name) built with unequal columns: \(error)")
        }
    }
}

/// Calendar months as integers (year·12 + month − 1) and their `YYYY-MM` labels.
enum MonthIndex {
    static func of(day: Int32) -> Int32 { Int32(CivilDate.monthIndex(fromDays: Int(day))) }
    static func of(second: Int64) -> Int32 { of(day: Int32(clamping: ColumnAccess.floorDiv(second, 86_400))) }
    static func label(_ month: Int32) -> String {
        let y = Int(month) / 12, m = Int(month) % 12 + 1
        let yy = String(y), mm = m < 10 ? "0\(m)" : "\(m)"
        return String(repeating: "0", count: max(0, 4 - yy.count)) + yy + "-" + mm
    }

    /// Month index of every day in `lo...hi`, so a hot loop buckets days with one array read.
    static func table(lo: Int32, hi: Int32) -> [Int32] {
        guard lo <= hi else { return [] }
        var out = [Int32]()
        out.reserveCapacity(Int(hi - lo) + 1)
        var d = lo
        while d <= hi {
            let (y, m, day) = CivilDate.civil(fromDays: Int(d))
            let idx = Int32(y * 12 + m - 1)
            let left = CivilDate.daysInMonth(year: y, month: m) - day + 1
            for _ in 0..<min(left, Int(hi - d) + 1) { out.append(idx) }
            d += Int32(left)
        }
        return out
    }
}
