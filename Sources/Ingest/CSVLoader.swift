import Columns
import Dispatch
import LibCSV

/// Loads a CSV file into a `Table`: detects the encoding and delimiter, maps headers, fixes each
/// column's type, then parses the data in chunks on `threads` cores (split at newlines outside
/// quotes), concatenating chunk results in file order. Every record is loaded or quarantined, and
/// the account is checked before returning.
public enum CSVLoader {
    public static func load(path: String, options: CSVOptions = CSVOptions()) throws(IngestError) -> LoadResult {
        let file = try SourceBytes(path: path)
        let (text, skip, encoding) = try decode(file, declared: options.encoding)
        return try load(text: UnsafeRawBufferPointer(rebasing: text.bytes[skip...]), path: path, encoding: encoding,
                        options: options, keepAlive: text)
    }

    /// The file as UTF-8: the mapped bytes themselves when they are UTF-8, else an iconv copy.
    /// A file detected as GB18030 that iconv rejects is read as UTF-8, its bad rows quarantined.
    static func decode(_ file: SourceBytes, declared: TextEncoding?) throws(IngestError)
        -> (text: SourceBytes, skip: Int, encoding: TextEncoding)
    {
        let detection = EncodingDetector.detect(file.bytes)
        let encoding = declared ?? detection.encoding
        let bom = encoding == detection.encoding ? detection.bomLength : 0
        let body = UnsafeRawBufferPointer(rebasing: file.bytes[bom...])
        switch encoding {
        case .utf8, .utf8BOM:
            return (file, bom, encoding)
        case .gb18030 where declared == nil:
            guard let converted = try? Transcoder.toUTF8(body, from: .gb18030, path: file.path) else {
                return (file, 0, .utf8)
            }
            return (converted, 0, .gb18030)
        default:
            return (try Transcoder.toUTF8(body, from: encoding, path: file.path), 0, encoding)
        }
    }

    static func load(text: UnsafeRawBufferPointer, path: String, encoding: TextEncoding, options: CSVOptions,
                     keepAlive: SourceBytes) throws(IngestError) -> LoadResult {
        let delimiter = options.delimiter ?? DelimiterSniffer.sniff(text)
        let headerEnd = RecordBoundary.endOfFirstRecord(text, quote: 0x22)
        let headerRecords = RecordCollector.collect(UnsafeRawBufferPointer(rebasing: text[0..<headerEnd.end]),
                                                    delimiter: delimiter, limit: 1)
        guard let headerFields = headerRecords.first else { throw .missingHeader(path: path) }
        let headers = headerFields.map { String(decoding: $0, as: UTF8.self) }
        let mapping = try HeaderMapping.map(headers: headers, table: options.table, columnMap: options.columnMap,
                                            path: path)
        let data = UnsafeRawBufferPointer(rebasing: text[headerEnd.end...])
        let types = try columnTypes(mapping, data: data, delimiter: delimiter, options: options, path: path)

        let keyIndex = options.table.flatMap { t in mapping.columns.firstIndex { $0.name == t.key } }
        var plan = LoadPlan(
            source: path,
            columns: zip(mapping.columns, types).map { m, t in
                LoadPlan.PlannedColumn(name: m.name, header: m.header, sourceIndex: m.sourceIndex, type: t)
            },
            fieldCount: headers.count, keyColumn: keyIndex,
            checkDuplicateKeys: keyIndex != nil && options.table?.keyIsUnique == true
                && types[keyIndex!] == ColumnType.string,
            dateOrder: options.dateOrder, decimalComma: options.decimalComma, delimiter: delimiter)
        plan.sliceBytes = max(1, options.sliceBytes)

        // Optimistically assume no quotes: split at any newline and let each worker check its own
        // chunk (in parallel, instead of one serial pass over the file). If any chunk has a quote,
        // plan again with quote parity and parse every chunk with libcsv.
        let threads = max(1, options.threads), minimum = max(1, options.minimumChunkBytes)
        var ranges = ChunkPlanner.plan(data, chunks: threads, delimiter: delimiter, minimumBytes: minimum,
                                       quoteFree: true)
        var outputs: [ChunkOutput]
        if let quoteFree = try parseChunks(data, ranges: ranges, plan: plan, quoteFree: true,
                                           linesBefore: headerEnd.lines, path: path,
                                           keepAlive: keepAlive) {
            outputs = quoteFree
        } else {
            ranges = ChunkPlanner.plan(data, chunks: threads, delimiter: delimiter, minimumBytes: minimum)
            outputs = try parseChunks(data, ranges: ranges, plan: plan, quoteFree: false,
                                      linesBefore: headerEnd.lines, path: path,
                                      keepAlive: keepAlive)!
        }

        // Every field is in the chunk columns now (quarantined rows carry their own raw text).
        keepAlive.releasePages()

        // Shift chunk-relative lines: data starts on the line after the header.
        var lineBase = headerEnd.lines
        var lines = [UInt32]()
        lines.reserveCapacity(outputs.reduce(0) { $0 + $1.lines.count })
        var quarantine: [QuarantinedRow] = []
        var rowsRead = 0, blank = headerEnd.blankLinesBefore
        for (k, out) in outputs.enumerated() {
            let shift = UInt32(lineBase)
            lines.append(contentsOf: out.lines.lazy.map { $0 &+ shift })
            for var q in out.quarantine {
                q.line += lineBase
                quarantine.append(q)
            }
            rowsRead += out.rowsRead
            blank += out.blankLines
            lineBase += out.linesConsumed
        }
        // Take what is still needed out of the chunk outputs and drop them, so chunk buffers are
        // freed as soon as their columns are merged rather than at the end of the load.
        let hashes = !plan.checkDuplicateKeys ? [] : outputs.count == 1 ? outputs[0].keyHashes
            : outputs.flatMap { $0.keyHashes }
        var chunkColumns = outputs.map(\.columns)
        outputs.removeAll()
        let merged = ColumnConcatenation.concatenateAll(&chunkColumns, types: plan.columns.map(\.type))
        chunkColumns.removeAll()
        let columns = zip(plan.columns, merged).map { ($0.name, $1) }
        let lineage = Lineage(sources: [path], sourceIndex: [UInt16](repeating: 0, count: lines.count), line: lines)
        var table: Table
        do {
            table = try Table(name: options.table?.rawValue ?? tableName(path), columns: columns, lineage: lineage)
        } catch {
            throw .table(path: path, error)
        }
        if plan.checkDuplicateKeys, let k = keyIndex {
            removeDuplicateKeys(&table, hashes: hashes, keyColumn: plan.columns[k].name, delimiter: delimiter,
                                quarantine: &quarantine, path: path)
        }
        quarantine.sort { $0.line < $1.line }
        let account = RowAccount(source: path, rowsRead: rowsRead, rowsLoaded: table.rowCount,
                                 rowsQuarantined: quarantine.count, blankLines: blank)
        try account.verify()
        var sources: [String: String] = [:]
        for m in mapping.columns { sources[m.name] = m.header }
        return LoadResult(table: table, account: account, quarantine: quarantine, encoding: encoding,
                          delimiter: delimiter, unmappedHeaders: mapping.unmappedHeaders, columnSources: sources)
    }

    /// Declared types win, then the canonical type; extras of a canonical table are strings; the
    /// rest is inferred from the first `sampleRows` records.
    static func columnTypes(_ mapping: HeaderMapping, data: UnsafeRawBufferPointer, delimiter: UInt8,
                            options: CSVOptions, path: String) throws(IngestError) -> [ColumnType] {
        var types = mapping.fixedTypes(declared: options.types, table: options.table)
        if types.contains(where: { $0 == nil }) {
            let sample = RecordCollector.collect(data, delimiter: delimiter, limit: options.sampleRows)
            for (i, m) in mapping.columns.enumerated() where types[i] == nil {
                let values = sample.compactMap { $0.count > m.sourceIndex ? $0[m.sourceIndex] : nil }
                types[i] = TypeInference.infer(values, dateOrder: options.dateOrder, decimalComma: options.decimalComma)
            }
        }
        return types.map { $0! }
    }

    /// The chunks' outputs in order; nil when `quoteFree` was assumed and some chunk holds a quote.
    static func parseChunks(_ data: UnsafeRawBufferPointer, ranges: [Range<Int>], plan: LoadPlan, quoteFree: Bool,
                            linesBefore: Int, path: String,
                            keepAlive: SourceBytes) throws(IngestError) -> [ChunkOutput]? {
        let results = ChunkResults(count: ranges.count)
        let base = UnsafeSendableBytes(bytes: data)
        let work = { @Sendable (k: Int) in
            let range = ranges[k]
            // A rough row estimate so builders rarely regrow: 60 bytes per record.
            let loader = ChunkLoader(plan: plan, capacity: min(range.count / 60 + 16, 1 << 24))
            // Slices end at a newline, so the quote-free scanner sees whole records; pages behind
            // each parsed slice are released (a mapped file only), capping resident memory.
            let slices = Self.slices(of: range, in: base.bytes, size: plan.sliceBytes)
            if quoteFree {
                for slice in slices {
                    let chunk = UnsafeRawBufferPointer(rebasing: base.bytes[slice])
                    if ChunkPlanner.firstQuote(chunk) != nil {
                        results.set(k, .success(nil))
                        return
                    }
                    loader.scanUnquoted(chunk, delimiter: plan.delimiter)
                    keepAlive.releasePages(in: slice)
                }
                results.set(k, .success(loader.finish()))
                return
            }
            do {
                let parser = try CSVParser(options: .init(delimiter: plan.delimiter))
                for slice in slices {
                    try parser.feed(UnsafeRawBufferPointer(rebasing: base.bytes[slice]), into: loader)
                    keepAlive.releasePages(in: slice)
                }
                loader.endsInsideQuotes = parser.isInsideQuotedField
                try parser.finish(into: loader)
                results.set(k, .success(loader.finish()))
            } catch let e as CSVError {
                results.set(k, .failure(e))
            } catch {
                results.set(k, .failure(CSVError(code: -1, offset: 0, context: "\(error)")))
            }
        }
        withExtendedLifetime(keepAlive) {
            if ranges.count == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: ranges.count, execute: work) }
        }
        var outputs: [ChunkOutput] = []
        for k in 0..<ranges.count {
            switch results.get(k) {
            case .success(nil): return nil
            case .success(let o?): outputs.append(o)
            case .failure(var e):
                let line = linesBefore + 1
                    + ChunkPlanner.countLines(UnsafeRawBufferPointer(rebasing: data[..<ranges[k].lowerBound]))
                e.file = path
                e.line = line
                throw .parse(path: path, line: line, error: e)
            }
        }
        return outputs
    }

    /// `range` cut into pieces of about `size` bytes, each ending just after a newline (the last
    /// one at the range's end).
    static func slices(of range: Range<Int>, in bytes: UnsafeRawBufferPointer, size: Int = 32 << 20) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        while range.upperBound - start > size {
            var cut = start + size
            while cut < range.upperBound && bytes[cut - 1] != 0x0A { cut += 1 }
            out.append(start..<cut)
            start = cut
        }
        if start < range.upperBound || out.isEmpty { out.append(start..<range.upperBound) }
        return out
    }

    static func removeDuplicateKeys(_ table: inout Table, hashes: [UInt64], keyColumn: String, delimiter: UInt8,
                                    quarantine: inout [QuarantinedRow], path: String) {
        guard hashes.count == table.rowCount, let keys = table[keyColumn]?.strings else { return }
        let duplicates = DuplicateKeys.find(hashes: hashes, keys: keys)
        guard !duplicates.isEmpty, let lineage = table.lineage else { return }
        var drop = Set<Int>()
        for (row, first) in duplicates {
            drop.insert(row)
            let raw = table.columns.map { $0.text(at: row) ?? "" }.joined(separator: String(UnicodeScalar(delimiter)))
            quarantine.append(QuarantinedRow(
                source: path, line: Int(lineage.line[row]), column: keyColumn,
                reason: "duplicate key \(keyColumn) '\(keys[row] ?? "")' (first at line \(lineage.line[first]))",
                raw: raw))
        }
        table = table.gather((0..<table.rowCount).filter { !drop.contains($0) })
    }

    static func tableName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.split(separator: ".").first.map(String.init) ?? file
    }
}

/// The chunk workers' results, each slot written by exactly one worker before `concurrentPerform` returns.
/// Separate slots, not one Swift array, so two workers never mutate the same array buffer.
final class ChunkResults: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result<ChunkOutput?, CSVError>?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ k: Int, _ r: Result<ChunkOutput?, CSVError>) { slots[k] = r }
    func get(_ k: Int) -> Result<ChunkOutput?, CSVError> { slots[k]! }
}

/// Read-only bytes handed to the workers; the owner (`SourceBytes`) outlives them.
struct UnsafeSendableBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}
