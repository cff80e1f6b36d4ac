import Columns
import Dispatch

extension CSVWriter {
    /// A `Table` as CSV: a header of column names, then one record per row. Nulls are empty
    /// fields; strings are written from the column's bytes, integers, dates and timestamps digit by
    /// digit, so no String is built per cell for them. Large tables are encoded in fixed row chunks
    /// on all cores and joined in order — the bytes do not depend on the core count.
    public static func encode(_ table: Table, bom: Bool) -> [UInt8] {
        var w = CSVWriter(bom: bom, reserve: 64 + table.rowCount * table.columnCount * 8)
        for name in table.columnNames { w.writeText(name) }
        w.endRecord()
        let chunk = 1 << 15
        if table.rowCount <= chunk {
            w.writeRows(table, 0..<table.rowCount)
            return w.bytes
        }
        let ranges = stride(from: 0, to: table.rowCount, by: chunk).map { $0..<min($0 + chunk, table.rowCount) }
        let parts = EncodedChunks(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { i in
            var part = CSVWriter(bom: false, reserve: ranges[i].count * table.columnCount * 8)
            part.writeRows(table, ranges[i])
            parts.set(i, part.bytes)
        }
        var bytes = w.bytes
        bytes.reserveCapacity(bytes.count + parts.totalCount)
        for i in ranges.indices { bytes += parts[i] }
        return bytes
    }

    mutating func writeRows(_ table: Table, _ rows: Range<Int>) {
        CSVCellSource.with(table.columns) { sources in
            for row in rows {
                for (source, validity) in sources {
                    if let validity, validity[row &>> 6] & (1 &<< UInt64(row & 63)) == 0 {
                        writeEmpty()
                        continue
                    }
                    switch source {
                    case .text(let codes, let offsets, let bytes):
                        let i = codes.map { Int($0[row]) } ?? row
                        let start = Int(offsets![i]), end = Int(offsets![i + 1])
                        writeText(UnsafeRawBufferPointer(start: start == end ? nil : bytes! + start, count: end - start))
                    case .int64(let v): writeInteger(v![row])
                    case .date(let v): writeDate(days: Int(v![row]))
                    case .timestamp(let v): writeTimestamp(seconds: v![row])
                    case .double(let v): writeRaw(formatDouble(v![row]))
                    case .bool(let v): writeRaw(v![row] ? "true" : "false")
                    }
                }
                endRecord()
            }
        }
    }

    /// A header and rows of text as CSV (every field treated as text).
    public static func encode(header: [String], rows: [[String?]], bom: Bool) -> [UInt8] {
        var w = CSVWriter(bom: bom)
        w.writeRecord(header)
        for r in rows { w.writeRecord(r) }
        return w.bytes
    }
}

extension ReportLanguage {
    /// Chinese users open CSVs in Excel, which needs the BOM to read UTF-8.
    public var csvWantsBOM: Bool { self == .zh }
}

/// One encoded chunk per concurrent job; each slot written by exactly one job, read after all
/// finish. Raw memory, not an array property: concurrent writes to distinct elements of a class's
/// array property would be overlapping accesses to that property.
private final class EncodedChunks: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<[UInt8]>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [], count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ i: Int, _ bytes: [UInt8]) { slots[i] = bytes }
    subscript(i: Int) -> [UInt8] { slots[i] }
    var totalCount: Int { (0..<count).reduce(0) { $0 + slots[$1].count } }
}
