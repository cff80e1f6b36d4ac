import Columns

/// One column as raw pointers into its buffers, for the CSV row loop. Matching a `Column` enum
/// and reading `values[row]` through its payload retained and released the column's arrays for
/// every cell — about 30 % of encoding time; these pointers are trivial values, so the loop over
/// rows × columns does no reference counting. Only valid inside `CSVCellSource.with(_:_:)`.
enum CSVCellSource {
    case int64(UnsafePointer<Int64>?)
    case double(UnsafePointer<Double>?)
    case bool(UnsafePointer<Bool>?)
    case date(UnsafePointer<Int32>?)
    case timestamp(UnsafePointer<Int64>?)
    /// String i is `bytes[offsets[i] ..< offsets[i+1]]`; for a dictionary column i is `codes[row]`.
    case text(codes: UnsafePointer<Int32>?, offsets: UnsafePointer<Int32>?, bytes: UnsafeRawPointer?)

    /// Calls `body` with each column's source and validity words (nil: every row valid), the
    /// buffers borrowed for the call's duration — one nested borrow per column.
    static func with<R>(_ columns: [Column], _ body: ([(source: CSVCellSource, validity: UnsafePointer<UInt64>?)]) -> R) -> R {
        var sources: [(source: CSVCellSource, validity: UnsafePointer<UInt64>?)] = []
        sources.reserveCapacity(columns.count)
        func borrow(_ i: Int) -> R {
            if i == columns.count { return body(sources) }
            let column = columns[i]
            return withWords(column.validity) { validity in
                func next(_ source: CSVCellSource) -> R {
                    sources.append((source, validity))
                    defer { sources.removeLast() }
                    return borrow(i + 1)
                }
                switch column {
                case .int64(let c): return c.values.withUnsafeBufferPointer { next(.int64($0.baseAddress)) }
                case .double(let c): return c.values.withUnsafeBufferPointer { next(.double($0.baseAddress)) }
                case .bool(let c): return c.values.withUnsafeBufferPointer { next(.bool($0.baseAddress)) }
                case .date(let c): return c.values.withUnsafeBufferPointer { next(.date($0.baseAddress)) }
                case .timestamp(let c): return c.values.withUnsafeBufferPointer { next(.timestamp($0.baseAddress)) }
                case .string(let c):
                    switch c.storage {
                    case .plain(let b):
                        return withText(b, codes: nil) { next($0) }
                    case .dictionary(let codes, let dict):
                        return codes.withUnsafeBufferPointer { codes in withText(dict, codes: codes.baseAddress) { next($0) } }
                    }
                }
            }
        }
        return borrow(0)
    }

    private static func withWords<R>(_ validity: Validity, _ body: (UnsafePointer<UInt64>?) -> R) -> R {
        guard let words = validity.words else { return body(nil) }
        return words.withUnsafeBufferPointer { body($0.baseAddress) }
    }

    private static func withText<R>(_ b: StringBuffer, codes: UnsafePointer<Int32>?, _ body: (CSVCellSource) -> R) -> R {
        b.offsets.withUnsafeBufferPointer { offsets in
            b.bytes.withUnsafeBytes { bytes in
                body(.text(codes: codes, offsets: offsets.baseAddress, bytes: bytes.baseAddress))
            }
        }
    }
}
