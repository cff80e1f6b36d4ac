import Columns

/// Infers a column's type from sample values: the narrowest of int64, double, bool, timestamp,
/// date that every non-null sample parses as, else string. Whole numbers with a leading zero
/// (`007`) or more than 15 digits (phone and id numbers) stay strings, since they are labels.
public enum TypeInference {
    public static func infer(_ samples: [[UInt8]], dateOrder: DateOrder = .auto, decimalComma: Bool = false) -> ColumnType {
        let values = samples.filter { b in b.withUnsafeBytes { !NullMarker.isNull($0) } }
        if values.isEmpty { return .string }
        func all(_ test: (UnsafeRawBufferPointer) -> Bool) -> Bool {
            values.allSatisfy { v in v.withUnsafeBytes(test) }
        }
        if all({ IntegerParser.parse($0) != nil && !looksLikeLabel($0) }) { return .int64 }
        if all({ AmountParser.parse($0, decimalComma: decimalComma) != nil && !looksLikeLabel($0) }) { return .double }
        if all({ isBoolWord($0) }) { return .bool }
        var anyTime = false
        if all({ b in
            guard let v = DateParser.parse(b, order: dateOrder), !isBareNumber(b) else { return false }
            anyTime = anyTime || v.hasTime
            return true
        }) {
            return anyTime ? .timestamp : .date
        }
        return .string
    }

    public static func infer(_ samples: [String], dateOrder: DateOrder = .auto) -> ColumnType {
        infer(samples.map { Array($0.utf8) }, dateOrder: dateOrder)
    }

    private static func looksLikeLabel(_ b: UnsafeRawBufferPointer) -> Bool {
        var s = ByteScanner(b)
        s.trim()
        let digits = (s.position..<s.end).filter { b[$0].isASCIIDigit }.count
        if digits > 15 { return true }
        guard s.end - s.position >= 2, b[s.position] == UInt8(ascii: "0") else { return false }
        return b[s.position + 1].isASCIIDigit
    }

    /// Inference needs a date to look like one: bare numbers (serials, epochs) stay numbers unless declared.
    private static func isBareNumber(_ b: UnsafeRawBufferPointer) -> Bool {
        var s = ByteScanner(b)
        s.trim()
        return (s.position..<s.end).allSatisfy { b[$0].isASCIIDigit || b[$0] == UInt8(ascii: ".") }
    }

    /// 1/0 are numbers to the inference; only words make a bool column.
    private static func isBoolWord(_ b: UnsafeRawBufferPointer) -> Bool {
        guard BoolParser.parse(b) != nil else { return false }
        var s = ByteScanner(b)
        s.trim()
        return !(s.position..<s.end).allSatisfy { b[$0].isASCIIDigit }
    }
}
