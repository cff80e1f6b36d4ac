import Columns

/// Reads the columns an analysis needs from an input table, accepting the representations a source
/// may deliver (a date stored as a timestamp, an amount stored as an integer) and turning a missing
/// or unusable column into a note instead of an error: analyses degrade, they do not stop.
enum ColumnAccess {
    /// The string column `name`, or nil (with a note when `missingNote` is given or the type is wrong).
    static func strings(_ table: Table, _ name: String, notes: inout [String], missingNote: String? = nil) -> StringColumn? {
        guard let column = table[name] else {
            if let missingNote { notes.append("\(table.name) has no \(name) column: \(missingNote)") }
            return nil
        }
        guard let s = column.strings else {
            notes.append("\(table.name).\(name) is \(column.type), expected string; ignored")
            return nil
        }
        return s
    }

    /// Day numbers from a date column, or from a timestamp column (UTC day of the instant).
    static func days(_ table: Table, _ name: String, notes: inout [String], missingNote: String? = nil) -> PrimitiveColumn<Int32>? {
        guard let column = table[name] else {
            if let missingNote { notes.append("\(table.name) has no \(name) column: \(missingNote)") }
            return nil
        }
        switch column {
        case .date(let d): return d
        case .timestamp(let t):
            var out = [Int32](repeating: 0, count: t.count)
            t.values.withUnsafeBufferPointer { v in
                for i in 0..<v.count { out[i] = Int32(clamping: floorDiv(v[i], 86_400)) }
            }
            return PrimitiveColumn(values: out, validity: t.validity)
        default:
            notes.append("\(table.name).\(name) is \(column.type), expected date; ignored")
            return nil
        }
    }

    /// Seconds since the epoch from a timestamp column, or from a date column (its midnight UTC).
    static func seconds(_ table: Table, _ name: String, notes: inout [String], missingNote: String? = nil) -> PrimitiveColumn<Int64>? {
        guard let column = table[name] else {
            if let missingNote { notes.append("\(table.name) has no \(name) column: \(missingNote)") }
            return nil
        }
        switch column {
        case .timestamp(let t): return t
        case .date(let d): return PrimitiveColumn(values: d.values.map { Int64($0) * 86_400 }, validity: d.validity)
        default:
            notes.append("\(table.name).\(name) is \(column.type), expected timestamp; ignored")
            return nil
        }
    }

    /// Numbers from a double or int64 column; non-finite values become nulls (with a note), so no
    /// NaN can travel into a sum.
    static func numbers(_ table: Table, _ name: String, notes: inout [String], missingNote: String? = nil) -> PrimitiveColumn<Double>? {
        guard let column = table[name] else {
            if let missingNote { notes.append("\(table.name) has no \(name) column: \(missingNote)") }
            return nil
        }
        switch column {
        case .double(let d):
            var nonFinite = 0
            d.values.withUnsafeBufferPointer { v in
                for i in 0..<v.count where !v[i].isFinite && d.validity.isValid(i) { nonFinite += 1 }
            }
            guard nonFinite > 0 else { return d }
            var validity = d.validity
            for i in 0..<d.count where !d.values[i].isFinite { validity.set(i, valid: false) }
            notes.append("\(table.name).\(name): \(nonFinite) non-finite values treated as missing")
            return PrimitiveColumn(values: d.values.map { $0.isFinite ? $0 : 0 }, validity: validity)
        case .int64(let i):
            return PrimitiveColumn(values: i.values.map { Double($0) }, validity: i.validity)
        default:
            notes.append("\(table.name).\(name) is \(column.type), expected a number; ignored")
            return nil
        }
    }

    @inline(__always)
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
