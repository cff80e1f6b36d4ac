import LibCSV

/// A libcsv sink that keeps the first `limit` records' fields (header and type-inference sample),
/// as one byte buffer per record; the rest of the input is ignored.
final class RecordCollector: CSVRecordSink {
    private(set) var records: [[[UInt8]]] = []
    private var current: [[UInt8]] = []
    let limit: Int

    init(limit: Int) {
        self.limit = limit
        super.init()
    }

    var isFull: Bool { records.count >= limit }

    override func field(_ bytes: UnsafeRawBufferPointer) {
        guard !isFull else { return }
        current.append(Array(bytes))
    }

    override func endRecord(terminator: Int32) {
        defer { current.removeAll(keepingCapacity: true) }
        guard !isFull, !current.isEmpty else { return }
        records.append(current)
    }

    /// The first `limit` non-blank records of `bytes`.
    static func collect(_ bytes: UnsafeRawBufferPointer, delimiter: UInt8, limit: Int) -> [[[UInt8]]] {
        let collector = RecordCollector(limit: limit)
        guard let parser = try? CSVParser(options: .init(delimiter: delimiter)) else { return [] }
        var offset = 0
        let step = 64 * 1024
        while offset < bytes.count && !collector.isFull {
            let end = min(bytes.count, offset + step)
            // A parse error only stops the sample; the full load reports it with its line.
            guard (try? parser.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), into: collector)) != nil
            else { break }
            offset = end
        }
        if !collector.isFull { try? parser.finish(into: collector) }
        return collector.records
    }
}
