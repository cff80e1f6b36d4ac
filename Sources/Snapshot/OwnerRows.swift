import Columns

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// For each row of an event table, the row of the base table (customers) that holds the same key
/// (`customer_id`), or -1 for none. The snapshot writer stores it beside the event table
/// (`orders.customer_rows`) so an aggregate over orders needs no hash join at query time: the
/// reader maps the file, checks every entry lies in the base table, and uses it as the join.
///
/// File layout: the 8-byte magic `CRMROWS1`, the row count and the base table's row count as
/// little-endian UInt64, zeros up to byte 64, then one little-endian Int32 per row.
public enum OwnerRows {
    static let magic: [UInt8] = Array("CRMROWS1".utf8)
    static let headerSize = 64

    /// Each row's owner in `base`, when every non-null key of `base` is distinct; nil otherwise
    /// (a repeated customer id makes a row belong to several customers, which the query's join
    /// handles) or when either key column is not a string column.
    public static func compute(base: Column, related: Column) -> [Int32]? {
        guard case .string(let baseKeys) = base, case .string(let keys) = related else { return nil }
        var interner = ByteInterner(capacity: baseKeys.count)
        for r in 0..<baseKeys.count where baseKeys.validity.isValid(r) {
            // Codes are handed out in first-seen order, so a unique key's code is its rank among
            // the valid rows; a repeat returns an older, smaller code.
            let before = interner.count
            _ = baseKeys.withBytes(r) { interner.intern($0) }
            if interner.count == before { return nil }
        }
        var rowOfCode = [Int32]()
        rowOfCode.reserveCapacity(interner.count)
        for r in 0..<baseKeys.count where baseKeys.validity.isValid(r) { rowOfCode.append(Int32(r)) }
        var owner = [Int32](repeating: -1, count: keys.count)
        owner.withUnsafeMutableBufferPointer { o in
            if case .dictionary(let codes, let dictionary) = keys.storage {
                // Re-keyed event tables share one dictionary of customer ids: each distinct id is
                // looked up once, not once per event row.
                let ownerOfEntry = (0..<dictionary.count).map { d in
                    dictionary.withBytes(d) { interner.code(of: $0) }.map { rowOfCode[Int($0)] } ?? -1
                }
                for r in 0..<keys.count where keys.validity.isValid(r) { o[r] = ownerOfEntry[Int(codes[r])] }
            } else {
                for r in 0..<keys.count where keys.validity.isValid(r) {
                    if let code = keys.withBytes(r, { interner.code(of: $0) }) { o[r] = rowOfCode[Int(code)] }
                }
            }
        }
        return owner
    }

    /// Writes `owner` to `path`; returns the byte count and sha256.
    static func write(_ owner: [Int32], baseRows: Int, to path: String) throws -> (bytes: Int, sha256: String) {
        let out = try FileOutput(creating: path)
        try out.write(magic)
        try out.write(UInt64(owner.count))
        try out.write(UInt64(baseRows))
        try out.write([UInt8](repeating: 0, count: headerSize - out.offset))
        #if _endian(little)
        // Already the file's byte order: no second copy of ten million entries.
        try owner.withUnsafeBytes { try out.write($0) }
        #else
        var le = owner
        for i in le.indices { le[i] = le[i].littleEndian }
        try le.withUnsafeBytes { try out.write($0) }
        #endif
        let bytes = out.offset
        return (bytes, try out.finish())
    }

    /// Reads the owners of `rows` event rows into `baseRows` base rows from `path`, checking the
    /// header against both counts and every entry against the base table, so a stale, foreign or
    /// damaged file is an error rather than a wrong answer or an out-of-bounds read.
    public static func read(path: String, rows: Int, baseRows: Int) throws(SnapshotError) -> [Int32] {
        let file = try MappedFile(path: path)
        do {
            return try read(bytes: file.bytes, rows: rows, baseRows: baseRows)
        } catch {
            throw error.prefixed(path)
        }
    }

    static func read(bytes: UnsafeRawBufferPointer, rows: Int, baseRows: Int) throws(SnapshotError) -> [Int32] {
        guard bytes.count >= headerSize, bytes.prefix(magic.count).elementsEqual(magic) else {
            throw .corrupt("not an owner-rows index (no CRMROWS1 header)")
        }
        let count = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let base = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        guard count == UInt64(rows), base == UInt64(baseRows) else {
            throw .invalid("owner-rows index is for \(count) rows into \(base) base rows; the tables have \(rows) and \(baseRows)")
        }
        guard bytes.count - headerSize == 4 * rows else {
            throw .corrupt("owner-rows index holds \(bytes.count - headerSize) bytes of rows, \(4 * rows) expected")
        }
        let owner = [Int32](unsafeUninitializedCapacity: rows) { out, initialized in
            if rows > 0 {
                UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: bytes.baseAddress! + headerSize, byteCount: 4 * rows)
            }
            initialized = rows
        }
        // One pass: every entry must be -1 or a base row (and little-endian hosts read it as is).
        let limit = Int32(truncatingIfNeeded: baseRows)
        var bad = -1
        owner.withUnsafeBufferPointer { o in
            for i in 0..<o.count where o[i] < -1 || o[i] >= limit {
                bad = i
                break
            }
        }
        guard bad < 0 else { throw .corrupt("owner-rows index entry \(bad) is \(owner[bad]), outside -1..<\(baseRows)") }
        return owner
    }
}
