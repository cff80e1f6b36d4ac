import Columns

/// A string column's rows mapped to dense group codes 0..<count (first-seen order), -1 for null or
/// empty values, so that grouping compares integers and no `String` is made per row. A
/// dictionary-encoded column is remapped through its (small) dictionary instead of hashing rows.
struct DenseKeys: Sendable {
    var codes: [Int32]
    var labels: StringBuffer
    var count: Int { labels.count }

    init(codes: [Int32], labels: StringBuffer) {
        self.codes = codes
        self.labels = labels
    }

    init(_ column: StringColumn) {
        var interner = ByteInterner()
        self.init(column, interner: &interner)
    }

    /// Maps into a shared interner, so two tables' keys (e.g. orders and customers) share codes.
    init<Interner: KeyInterning>(_ column: StringColumn, interner: inout Interner) {
        let n = column.count
        var codes = [Int32](repeating: -1, count: n)
        switch column.storage {
        case .dictionary(let dictCodes, let dictionary):
            var remap = [Int32](repeating: -2, count: dictionary.count)
            dictCodes.withUnsafeBufferPointer { dc in
                for row in 0..<n where column.validity.isValid(row) {
                    let d = Int(dc[row])
                    if remap[d] == -2 {
                        remap[d] = dictionary.withBytes(d) { $0.isEmpty ? -1 : interner.intern($0) }
                    }
                    codes[row] = remap[d]
                }
            }
        case .plain(let buffer):
            buffer.offsets.withUnsafeBufferPointer { o in
                buffer.bytes.withUnsafeBytes { b in
                    for row in 0..<n where column.validity.isValid(row) {
                        let s = Int(o[row]), e = Int(o[row + 1])
                        if s != e { codes[row] = interner.intern(UnsafeRawBufferPointer(rebasing: b[s..<e])) }
                    }
                }
            }
        }
        self.codes = codes
        self.labels = interner.strings
    }

    /// Codes of `labels` in byte order of their text, for deterministic output order.
    func sortedOrder() -> [Int32] { ByteOrder.sorted(labels) }

    func label(_ code: Int32) -> String? { code < 0 ? nil : labels[Int(code)] }
}

/// What `DenseKeys` and `ParallelLookup` need of an interner: `ByteInterner` for group labels,
/// `CustomerIndex` for the hot customer-id map.
protocol KeyInterning: Sendable {
    var strings: StringBuffer { get }
    var count: Int { get }
    mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32
    func code(of bytes: UnsafeRawBufferPointer) -> Int32?
}

extension ByteInterner: KeyInterning {}
extension CustomerIndex: KeyInterning {}

/// Sorting strings of a `StringBuffer` by their bytes (UTF-8 byte order equals code-point order,
/// and it is what DuckDB and `sort` in the C locale use).
enum ByteOrder {
    /// Indices 0..<buffer.count in ascending byte order of the strings.
    static func sorted(_ buffer: StringBuffer) -> [Int32] {
        let n = buffer.count
        // An 8-byte big-endian prefix decides most comparisons without touching the bytes again.
        var prefix = [UInt64](repeating: 0, count: n)
        buffer.bytes.withUnsafeBufferPointer { b in
            buffer.offsets.withUnsafeBufferPointer { o in
                for i in 0..<n {
                    let start = Int(o[i]), end = Int(o[i + 1])
                    var p: UInt64 = 0
                    for k in 0..<8 { p = (p << 8) | UInt64(start + k < end ? b[start + k] : 0) }
                    prefix[i] = p
                }
            }
        }
        var order = (0..<Int32(n)).map { $0 }
        buffer.bytes.withUnsafeBufferPointer { b in
            buffer.offsets.withUnsafeBufferPointer { o in
                prefix.withUnsafeBufferPointer { p in
                    order.sort { x, y in
                        let px = p[Int(x)], py = p[Int(y)]
                        if px != py { return px < py }
                        return less(b, Int(o[Int(x)]), Int(o[Int(x) + 1]), Int(o[Int(y)]), Int(o[Int(y) + 1]))
                    }
                }
            }
        }
        return order
    }

    @inline(__always)
    static func less(_ b: UnsafeBufferPointer<UInt8>, _ s1: Int, _ e1: Int, _ s2: Int, _ e2: Int) -> Bool {
        let l1 = e1 - s1, l2 = e2 - s2
        let m = min(l1, l2)
        var k = 0
        while k < m {
            let c1 = b[s1 + k], c2 = b[s2 + k]
            if c1 != c2 { return c1 < c2 }
            k += 1
        }
        return l1 < l2
    }

    /// rank[code] = position of `code` in `order`.
    static func ranks(_ order: [Int32]) -> [Int32] {
        var rank = [Int32](repeating: 0, count: order.count)
        for (i, c) in order.enumerated() { rank[Int(c)] = Int32(i) }
        return rank
    }
}
