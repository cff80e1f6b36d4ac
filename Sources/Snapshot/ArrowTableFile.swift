import Columns
import Dispatch

/// An Arrow IPC file opened for reading column by column. Opening maps the file and reads only
/// its metadata (footer, schema, record-batch headers), checking every offset and length in it
/// against the mapping; no column is touched until asked for. `column(_:)` then reads one
/// column from all batches, checking its contents (offsets, null counts) as it goes.
///
/// A query that names three of a table's forty columns thus reads three columns' pages of the
/// file, not the whole file. The mapping lives as long as this object.
public final class ArrowTableFile: @unchecked Sendable {
    // @unchecked: every stored property is immutable after init; `bytes` points into `mapping`,
    // which is read-only and released only in deinit.

    /// The table's name: the one given, else the one in the schema metadata, else "table".
    public let tableName: String
    public let rowCount: Int
    public let columnNames: [String]
    public let columnTypes: [ColumnType]

    let schema: ArrowSchema
    /// One entry per record batch, in file order.
    let batches: [Batch]
    private let mapping: MappedFile?

    /// A record batch's rows and, per column, its buffers (already bounds-checked slices of the file).
    struct Batch {
        let length: Int
        let nullCounts: [Int]
        let buffers: [[UnsafeRawBufferPointer]]
    }

    /// Maps the file at `path`; errors name it.
    public convenience init(path: String, tableName: String? = nil) throws(SnapshotError) {
        let file = try MappedFile(path: path)
        do {
            try self.init(bytes: file.bytes, keeping: file, tableName: tableName)
        } catch {
            throw error.prefixed(path)
        }
    }

    /// Over bytes the caller keeps alive for this object's lifetime (`keeping` owns them, or the
    /// caller reads everything before returning).
    init(bytes: UnsafeRawBufferPointer, keeping mapping: MappedFile?, tableName: String?) throws(SnapshotError) {
        let magic = ArrowFormat.magic
        let trailerSize = 4 + magic.count
        guard bytes.count >= 8 + trailerSize else {
            throw .corrupt("file is \(bytes.count) bytes, too short to hold an Arrow file")
        }
        guard bytes.prefix(magic.count).elementsEqual(magic) else {
            throw .corrupt("does not start with the ARROW1 magic")
        }
        guard bytes.suffix(magic.count).elementsEqual(magic) else {
            throw .corrupt("does not end with the ARROW1 magic (truncated?)")
        }
        let footerLength = Int(try FlatBufferTable.i32(bytes, at: bytes.count - trailerSize))
        let footerEnd = bytes.count - trailerSize
        guard footerLength > 0, footerLength <= footerEnd - 8 else {
            throw .corrupt("footer length \(footerLength) does not fit in a file of \(bytes.count) bytes")
        }
        let footerStart = footerEnd - footerLength
        let footer = try FlatBufferTable(root: UnsafeRawBufferPointer(rebasing: bytes[footerStart..<footerEnd]))
        typealias S = ArrowFormat.Slot
        let version: Int16 = try footer.scalar(S.Footer.version, default: 0)
        guard version >= 3 else { throw .unsupported("metadata version V\(version + 1); V4 or later needed") }
        guard let schemaTable = try footer.table(S.Footer.schema) else { throw .corrupt("footer has no schema") }
        let schema = try ArrowSchema(decoding: schemaTable)
        if let dictionaries = try footer.structs(S.Footer.dictionaries, wordsPer: 3), !dictionaries.isEmpty {
            throw .unsupported("dictionary batches (snapshots write plain utf8)")
        }
        let blocks = try footer.structs(S.Footer.recordBatches, wordsPer: 3) ?? []
        var batches = [Batch]()
        var rowCount = 0
        for (i, block) in blocks.enumerated() {
            let batch: Batch
            do {
                batch = try Self.batch(block, in: bytes, dataEnd: footerStart, schema: schema)
            } catch {
                throw error.prefixed("record batch \(i)")
            }
            guard batch.length <= Int(Int32.max) - rowCount else { throw .unsupported("over 2^31 rows in one table") }
            rowCount += batch.length
            batches.append(batch)
        }
        self.schema = schema
        self.batches = batches
        self.rowCount = rowCount
        self.mapping = mapping
        self.tableName = tableName ?? schema.tableName ?? "table"
        self.columnNames = schema.fields.map(\.name)
        self.columnTypes = schema.fields.map(\.type)
    }

    /// Column `name` from every batch, or nil when the table has none. String columns come back
    /// plain unless `dictionaryEncode` (default: as the writer found them in memory).
    public func column(_ name: String, dictionaryEncode: Bool? = nil) throws(SnapshotError) -> Column? {
        guard let i = columnNames.firstIndex(of: name) else { return nil }
        return try column(at: i, dictionaryEncode: dictionaryEncode)
    }

    func column(at i: Int, dictionaryEncode: Bool? = nil) throws(SnapshotError) -> Column {
        let field = schema.fields[i]
        // Reserve no more rows than the values buffers can hold: a hostile file's row count alone
        // must not decide how much memory is asked for.
        let width: Int
        switch field.type {
        case .int64, .timestamp, .double: width = 8
        case .date: width = 4
        case .bool, .string: width = 0
        }
        let held = width == 0 ? 0 : batches.reduce(0) { $0 + $1.buffers[i][1].count / width }
        var accumulator = ColumnAccumulator(name: field.name, type: field.type, capacity: min(rowCount, held))
        for (b, batch) in batches.enumerated() {
            do {
                try accumulator.append(length: batch.length, nullCount: batch.nullCounts[i], buffers: batch.buffers[i])
            } catch {
                throw error.prefixed("record batch \(b)")
            }
        }
        return accumulator.finish(dictionaryEncode: dictionaryEncode ?? field.dictionaryHint)
    }

    /// The table with `columns` (all when nil, in file order; else in the order given, each
    /// once). Unknown names are an error. `dictionaryEncode` as in `column(_:dictionaryEncode:)`.
    /// Columns are read concurrently (each is independent), so a query naming two columns of a
    /// large table reads them on both cores.
    public func table(columns names: [String]? = nil, dictionaryEncode: Bool? = nil) throws(SnapshotError) -> Table {
        var indices = [Int]()
        for name in names ?? columnNames {
            guard let i = columnNames.firstIndex(of: name) else { throw .invalid("\(tableName) has no column \"\(name)\"") }
            if !indices.contains(i) { indices.append(i) }
        }
        let wanted = indices
        var results = [Result<Column, SnapshotError>?](repeating: nil, count: wanted.count)
        let read = { @Sendable (k: Int) -> Result<Column, SnapshotError> in
            do throws(SnapshotError) {
                return .success(try self.column(at: wanted[k], dictionaryEncode: dictionaryEncode))
            } catch {
                return .failure(error)
            }
        }
        if wanted.count > 1 && rowCount >= Self.parallelRows {
            results.withUnsafeMutableBufferPointer { out in
                let slots = DisjointSlots(out)
                // Each iteration writes only its own slot.
                DispatchQueue.concurrentPerform(iterations: wanted.count) { k in slots.base[k] = read(k) }
            }
        } else {
            for k in wanted.indices { results[k] = read(k) }
        }
        var table = Table(name: tableName, rowCount: rowCount)
        for (k, result) in results.enumerated() {
            let name = columnNames[wanted[k]]
            let column = try result!.get()
            do {
                try table.add(name, column)
            } catch {
                throw .corrupt("column \"\(name)\": \(error)")
            }
        }
        return table
    }

    /// Below this many rows a table's columns are read one after another (threads cost more).
    static let parallelRows = 1 << 16

    /// Reads one record batch's metadata and slices its buffers out of the body.
    private static func batch(_ block: [Int64], in bytes: UnsafeRawBufferPointer, dataEnd: Int, schema: ArrowSchema) throws(SnapshotError) -> Batch {
        typealias S = ArrowFormat.Slot
        let offset = block[0]
        let metadataLength = Int64(Int32(truncatingIfNeeded: block[1]))
        let bodyLength = block[2]
        guard offset >= 8, metadataLength >= 8, bodyLength >= 0,
            offset <= Int64(dataEnd), metadataLength <= Int64(dataEnd) - offset,
            bodyLength <= Int64(dataEnd) - offset - metadataLength
        else {
            throw .corrupt("block (offset \(offset), metadata \(metadataLength), body \(bodyLength)) lies outside the file")
        }
        let start = Int(offset)
        guard try FlatBufferTable.u32(bytes, at: start) == ArrowFormat.continuation else {
            throw .corrupt("no continuation marker at offset \(start)")
        }
        let messageLength = Int(try FlatBufferTable.i32(bytes, at: start + 4))
        guard messageLength > 0, messageLength <= Int(metadataLength) - 8 else {
            throw .corrupt("message length \(messageLength) exceeds its block")
        }
        let message = try FlatBufferTable(root: UnsafeRawBufferPointer(rebasing: bytes[(start + 8)..<(start + 8 + messageLength)]))
        let headerType: UInt8 = try message.scalar(S.Message.headerType, default: 0)
        guard headerType == ArrowFormat.MessageHeader.recordBatch.rawValue else {
            throw .corrupt("block holds message type \(headerType), not a record batch")
        }
        guard let batch = try message.table(S.Message.header) else { throw .corrupt("record batch message has no header") }
        if try batch.table(S.RecordBatch.compression) != nil { throw .unsupported("compressed record batches") }
        let length = try batch.scalar(S.RecordBatch.length, default: Int64(0))
        guard let nodes = try batch.structs(S.RecordBatch.nodes, wordsPer: 2),
            let buffers = try batch.structs(S.RecordBatch.buffers, wordsPer: 2)
        else { throw .corrupt("record batch lacks nodes or buffers") }
        guard nodes.count == schema.fields.count else {
            throw .corrupt("record batch has \(nodes.count) field nodes for \(schema.fields.count) columns")
        }
        let expectedBuffers = schema.fields.reduce(0) { $0 + ArrowSchema.bufferCount($1.type) }
        guard buffers.count == expectedBuffers else {
            throw .corrupt("record batch has \(buffers.count) buffers, the schema needs \(expectedBuffers)")
        }
        guard length >= 0, length <= Int64(bytes.count) * 8 else { throw .corrupt("record batch length \(length) is impossible") }
        let body = UnsafeRawBufferPointer(rebasing: bytes[(start + Int(metadataLength))..<(start + Int(metadataLength) + Int(bodyLength))])

        var b = 0
        var nullCounts = [Int]()
        var slices = [[UnsafeRawBufferPointer]]()
        for (i, field) in schema.fields.enumerated() {
            let (nodeLength, nullCount) = (nodes[i][0], nodes[i][1])
            guard nodeLength == length, nullCount >= 0, nullCount <= length else {
                throw .corrupt("column \"\(field.name)\": node (length \(nodeLength), nulls \(nullCount)) disagrees with batch length \(length)")
            }
            var columnSlices = [UnsafeRawBufferPointer]()
            for _ in 0..<ArrowSchema.bufferCount(field.type) {
                let (o, l) = (buffers[b][0], buffers[b][1])
                b += 1
                guard o >= 0, l >= 0, o <= Int64(body.count), l <= Int64(body.count) - o else {
                    throw .corrupt("column \"\(field.name)\": buffer (offset \(o), length \(l)) lies outside the \(body.count)-byte body")
                }
                columnSlices.append(UnsafeRawBufferPointer(rebasing: body[Int(o)..<Int(o + l)]))
            }
            nullCounts.append(Int(nullCount))
            slices.append(columnSlices)
        }
        return Batch(length: Int(length), nullCounts: nullCounts, buffers: slices)
    }
}

/// Slots of a buffer that concurrent iterations write one each.
private struct DisjointSlots<T>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<T>
    init(_ base: UnsafeMutableBufferPointer<T>) { self.base = base }
}
