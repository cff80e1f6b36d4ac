#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Columns
import LibCSV

/// What one chunk of a file produced. Lines are relative to the chunk's first line (1-based) until
/// `CSVLoader` shifts them by the lines of the chunks before.
struct ChunkOutput: Sendable {
    var columns: [Column]
    var lines: [UInt32]
    var keyHashes: [UInt64]
    var quarantine: [QuarantinedRow]
    var rowsRead: Int
    var blankLines: Int
    /// Physical lines the chunk spans, for the next chunk's line numbers.
    var linesConsumed: Int
}

/// The libcsv sink that turns one chunk's records into typed column builders. Fields of the current
/// record are copied into one reusable scratch buffer; at the record's end every value is parsed and
/// checked first, and appended only if the whole record is good — so a bad record leaves no partial
/// row behind and nothing is allocated per field or per good row.
final class ChunkLoader: CSVRecordSink {
    private let plan: LoadPlan
    private var builders: UnsafeMutablePointer<ColumnBuffer>
    private let columnCount: Int
    /// The plan's per-column source field and type, flattened so the per-record loop touches no Strings.
    private let sourceIndex: UnsafeMutablePointer<Int>
    private let types: UnsafeMutablePointer<ColumnType>
    private let keySourceIndex: Int
    private let checkDuplicateKeys: Bool
    /// Per planned column: the parsed value's bits (Int64 / Double bits / days / bool) and null flag.
    private var staged: UnsafeMutablePointer<Int64>
    private var stagedNull: UnsafeMutablePointer<Bool>

    private var scratch: UnsafeMutableRawPointer
    private var scratchCapacity = 4096
    private var scratchCount = 0
    /// Where each field of the current record is: in `scratch` (libcsv path) or in the source itself (fast path).
    private var fieldStarts: UnsafeMutablePointer<UnsafeRawPointer?>
    private var fieldLengths: UnsafeMutablePointer<Int>
    private var fieldCapacity: Int
    private var fieldCount = 0

    /// Start line of each loaded row, and its key's hash (for the duplicate-key check), behind
    /// pointers so the per-row appends need no exclusivity bookkeeping.
    private let lines: UnsafeMutablePointer<BatchedArray<UInt32>>
    private let keyHashes: UnsafeMutablePointer<BatchedArray<UInt64>>
    private(set) var quarantine: [QuarantinedRow] = []
    private(set) var rowsRead = 0
    private(set) var blankLines = 0
    /// Physical lines consumed so far (the next record's line, minus one).
    var linesConsumed: Int { line - 1 }
    /// Physical line (relative, 1-based) where the next record starts.
    private var line = 1
    private var pendingCR = false
    /// Set when input ends inside a quoted field, so the final record is quarantined, not loaded.
    var endsInsideQuotes = false
    /// False for sources whose records are rows, not lines (xlsx): a newline inside a cell then
    /// does not move the next row's line number.
    var countsEmbeddedNewlines = true

    init(plan: LoadPlan, capacity: Int) {
        self.plan = plan
        columnCount = plan.columns.count
        builders = .allocate(capacity: max(1, columnCount))
        for (k, c) in plan.columns.enumerated() {
            (builders + k).initialize(to: ColumnBuffer(type: c.type, capacity: capacity))
        }
        sourceIndex = .allocate(capacity: max(1, columnCount))
        types = .allocate(capacity: max(1, columnCount))
        for (k, c) in plan.columns.enumerated() {
            sourceIndex[k] = c.sourceIndex
            types[k] = c.type
        }
        checkDuplicateKeys = plan.checkDuplicateKeys
        keySourceIndex = plan.keyColumn.map { plan.columns[$0].sourceIndex } ?? -1
        staged = .allocate(capacity: max(1, columnCount))
        stagedNull = .allocate(capacity: max(1, columnCount))
        scratch = .allocate(byteCount: scratchCapacity, alignment: 8)
        fieldCapacity = max(16, plan.fieldCount * 2)
        fieldStarts = .allocate(capacity: fieldCapacity)
        fieldLengths = .allocate(capacity: fieldCapacity)
        lines = .allocate(capacity: 1)
        lines.initialize(to: BatchedArray(capacity: capacity))
        keyHashes = .allocate(capacity: 1)
        keyHashes.initialize(to: BatchedArray(capacity: plan.checkDuplicateKeys ? capacity : 0))
        super.init()
    }

    deinit {
        for k in 0..<columnCount { builders[k].release() }
        lines.pointee.release()
        keyHashes.pointee.release()
        lines.deinitialize(count: 1)
        lines.deallocate()
        keyHashes.deinitialize(count: 1)
        keyHashes.deallocate()
        builders.deinitialize(count: columnCount)
        builders.deallocate()
        staged.deallocate()
        sourceIndex.deallocate()
        types.deallocate()
        stagedNull.deallocate()
        scratch.deallocate()
        fieldStarts.deallocate()
        fieldLengths.deallocate()
    }

    override func field(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        if scratchCount + n > scratchCapacity {
            var capacity = scratchCapacity * 2
            while capacity < scratchCount + n { capacity *= 2 }
            let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
            bigger.copyMemory(from: scratch, byteCount: scratchCount)
            // Earlier fields of this record point into the old buffer: move them along.
            for i in 0..<fieldCount { fieldStarts[i] = UnsafeRawPointer(bigger) + (fieldStarts[i]! - UnsafeRawPointer(scratch)) }
            scratch.deallocate()
            scratch = bigger
            scratchCapacity = capacity
        }
        if n > 0 { (scratch + scratchCount).copyMemory(from: bytes.baseAddress!, byteCount: n) }
        appendField(UnsafeRawPointer(scratch + scratchCount), n)
        scratchCount += n
    }

    @inline(__always)
    private func appendField(_ start: UnsafeRawPointer?, _ count: Int) {
        if fieldCount == fieldCapacity { growFields() }
        fieldStarts[fieldCount] = start
        fieldLengths[fieldCount] = count
        fieldCount += 1
    }

    private func growFields() {
        let starts = UnsafeMutablePointer<UnsafeRawPointer?>.allocate(capacity: fieldCapacity * 2)
        starts.update(from: fieldStarts, count: fieldCount)
        fieldStarts.deallocate()
        fieldStarts = starts
        let lengths = UnsafeMutablePointer<Int>.allocate(capacity: fieldCapacity * 2)
        lengths.update(from: fieldLengths, count: fieldCount)
        fieldLengths.deallocate()
        fieldLengths = lengths
        fieldCapacity *= 2
    }

    @inline(__always)
    private func fieldBytes(_ i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: fieldStarts[i], count: fieldLengths[i])
    }

    /// Parses a chunk that holds no quote character without libcsv, with the same semantics
    /// (fields split at the delimiter, records at CR or LF, spaces and tabs trimmed around fields,
    /// bare newlines reported as empty records) — fields point straight into the source, no copy.
    func scanUnquoted(_ chunk: UnsafeRawBufferPointer, delimiter: UInt8) {
        guard let base = chunk.baseAddress else { return }
        let n = chunk.count
        var i = 0
        @inline(__always) func isBlank(_ c: UInt8) -> Bool { (c == 0x20 || c == 0x09) && c != delimiter }
        while i < n {
            // Start of a record: skip blanks; a bare newline is an empty record.
            while i < n, isBlank(base.load(fromByteOffset: i, as: UInt8.self)) { i += 1 }
            if i == n { break }
            let first = base.load(fromByteOffset: i, as: UInt8.self)
            if first == 0x0A || first == 0x0D {
                endRecord(terminator: Int32(first))
                i += 1
                continue
            }
            while true {
                while i < n, isBlank(base.load(fromByteOffset: i, as: UInt8.self)) { i += 1 }
                let start = i
                i = SeparatorSearch.next(base, from: i, count: n, delimiter: delimiter)
                var end = i
                while end > start, isBlank(base.load(fromByteOffset: end - 1, as: UInt8.self)) { end -= 1 }
                appendField(base + start, end - start)
                if i == n {
                    endRecord(terminator: -1)
                    return
                }
                let c = base.load(fromByteOffset: i, as: UInt8.self)
                i += 1
                if c != delimiter {
                    endRecord(terminator: Int32(c))
                    break
                }
            }
        }
    }

    override func endRecord(terminator: Int32) {
        defer {
            fieldCount = 0
            scratchCount = 0
        }
        if fieldCount == 0 {
            // With CSV_REPALL_NL an empty record is a bare CR or LF: the LF of a CRLF, or a blank line.
            if terminator == 0x0A && pendingCR {
                pendingCR = false
            } else if terminator >= 0 {
                blankLines += 1
                line += 1
                pendingCR = terminator == 0x0D
            }
            return
        }
        let startLine = line
        let embedded = scratchCount == 0 || !countsEmbeddedNewlines ? 0 : countNewlines()
        line += embedded + (terminator >= 0 ? 1 : 0)
        pendingCR = terminator == 0x0D
        rowsRead += 1
        processRecord(startLine: startLine, embeddedNewlines: embedded, atEnd: terminator < 0)
    }

    private func countNewlines() -> Int {
        var count = 0
        var p = UnsafeRawPointer(scratch)
        var left = scratchCount
        while left > 0, let hit = memchr(p, 0x0A, left) {
            count += 1
            let next = UnsafeRawPointer(hit) + 1
            left -= next - p
            p = next
        }
        return count
    }

    private func processRecord(startLine: Int, embeddedNewlines: Int, atEnd: Bool) {
        let expected = plan.fieldCount
        if atEnd && endsInsideQuotes {
            reject(startLine: startLine, column: nil,
                   reason: "unbalanced quote: a quoted field opened on lines \(startLine)–\(startLine + embeddedNewlines) "
                       + "is never closed and runs to the end of the input")
            return
        }
        if fieldCount != expected {
            // Trailing empty fields (a trailing delimiter) are harmless; anything else is ragged.
            var onlyEmptyExtra = fieldCount > expected
            if onlyEmptyExtra { for i in expected..<fieldCount where fieldBytes(i).count > 0 { onlyEmptyExtra = false } }
            if !onlyEmptyExtra {
                var reason = "ragged row: \(fieldCount) fields, expected \(expected)"
                if embeddedNewlines > 0 {
                    reason += "; a quoted field spans lines \(startLine)–\(startLine + embeddedNewlines)"
                        + (atEnd ? " up to the end of the file (unbalanced quote?)" : "")
                }
                reject(startLine: startLine, column: nil, reason: reason)
                return
            }
        }
        for c in 0..<columnCount {
            let f = fieldBytes(sourceIndex[c])
            if NullMarker.isNull(f) {
                if sourceIndex[c] == keySourceIndex {
                    let name = plan.columns[c].name
                    reject(startLine: startLine, column: name, reason: "missing key \(name)")
                    return
                }
                stagedNull[c] = true
                continue
            }
            stagedNull[c] = false
            if let failure = stage(c, type: types[c], f) {
                reject(startLine: startLine, column: plan.columns[c].name, reason: failure)
                return
            }
        }
        commit(startLine: startLine)
    }

    /// Parses field `f` for column `c` into `staged[c]`; the failure reason if it does not parse.
    @inline(__always)
    private func stage(_ c: Int, type: ColumnType, _ f: UnsafeRawBufferPointer) -> String? {
        switch type {
        case .string:
            if UTF8Validation.isCleanText(f) { return nil }
            return f.contains(0) ? "NUL byte in text" : "bad encoding: not valid UTF-8 text"
        case .int64:
            guard let v = IntegerParser.parse(f) else { return expected("an integer", f) }
            staged[c] = v
        case .double:
            guard let v = AmountParser.parse(f, decimalComma: plan.decimalComma) else { return expected("a number", f) }
            staged[c] = Int64(bitPattern: v.bitPattern)
        case .bool:
            guard let v = BoolParser.parse(f) else { return expected("a boolean", f) }
            staged[c] = v ? 1 : 0
        case .date:
            guard let v = DateParser.parseDate(f, order: plan.dateOrder) else { return expected("a date", f) }
            staged[c] = Int64(v)
        case .timestamp:
            guard let v = DateParser.parseTimestamp(f, order: plan.dateOrder) else { return expected("a date-time", f) }
            staged[c] = v
        }
        return nil
    }

    private func expected(_ what: String, _ f: UnsafeRawBufferPointer) -> String {
        "cannot parse '\(RecordText.excerpt(f))' as \(what)"
            + (UTF8Validation.isCleanText(f) ? "" : " (bad encoding or NUL byte)")
    }

    @inline(__always)
    private func commit(startLine: Int) {
        for c in 0..<columnCount {
            let b = builders + c
            if stagedNull[c] {
                b.pointee.appendNull()
                continue
            }
            if types[c] == .string {
                b.pointee.strings.append(fieldBytes(sourceIndex[c]))
            } else {
                b.pointee.append(bits: staged[c])
            }
        }
        lines.pointee.append(UInt32(truncatingIfNeeded: startLine))
        if keySourceIndex >= 0 && checkDuplicateKeys {
            keyHashes.pointee.append(ByteHash.hash(fieldBytes(keySourceIndex)))
        }
    }

    private func reject(startLine: Int, column: String?, reason: String) {
        let fields = (0..<fieldCount).map { fieldBytes($0) }
        quarantine.append(QuarantinedRow(source: plan.source, line: startLine, column: column, reason: reason,
                                         raw: RecordText.join(fields, delimiter: plan.delimiter)))
    }

    func finish() -> ChunkOutput {
        ChunkOutput(columns: (0..<columnCount).map { builders[$0].finish() }, lines: lines.pointee.finish(),
                    keyHashes: keyHashes.pointee.finish(),
                    quarantine: quarantine, rowsRead: rowsRead, blankLines: blankLines,
                    linesConsumed: linesConsumed)
    }
}
