import Columns

/// Reads an Arrow IPC file written by `ArrowFileWriter` back into a `Table`. The file is mapped,
/// and every offset and length taken from it is checked against the mapping before use, so a
/// truncated, foreign or garbage file yields a `SnapshotError` naming the file and the fault.
/// Buffers are copied into our arrays (the mapping is released on return).
public enum ArrowFileReader {
    public static func read(path: String, tableName: String? = nil) throws(SnapshotError) -> Table {
        let file = try MappedFile(path: path)
        do {
            return try read(bytes: file.bytes, tableName: tableName)
        } catch {
            throw error.prefixed(path)
        }
    }

    /// Reads from bytes in memory. The table is named `tableName`, else the name in the file's
    /// schema metadata, else "table".
    public static func read(bytes: UnsafeRawBufferPointer, tableName: String? = nil) throws(SnapshotError) -> Table {
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

        var accumulators = schema.fields.map { ColumnAccumulator(name: $0.name, type: $0.type) }
        var rowCount = 0
        for (i, block) in blocks.enumerated() {
            do {
                rowCount += try readBatch(block, in: bytes, dataEnd: footerStart, schema: schema, into: &accumulators)
            } catch {
                throw error.prefixed("record batch \(i)")
            }
        }
        var table = Table(name: tableName ?? schema.tableName ?? "table", rowCount: rowCount)
        for (field, acc) in zip(schema.fields, accumulators) {
            do {
                try table.add(field.name, acc.finish(dictionaryEncode: field.dictionaryHint))
            } catch {
                throw .corrupt("column \"\(field.name)\": \(error)")
            }
        }
        return table
    }

    /// Reads one record batch; returns its row count.
    private static func readBatch(
        _ block: [Int64], in bytes: UnsafeRawBufferPointer, dataEnd: Int, schema: ArrowSchema,
        into accumulators: inout [ColumnAccumulator]
    ) throws(SnapshotError) -> Int {
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
        for (i, field) in schema.fields.enumerated() {
            let (nodeLength, nullCount) = (nodes[i][0], nodes[i][1])
            guard nodeLength == length, nullCount >= 0, nullCount <= length else {
                throw .corrupt("column \"\(field.name)\": node (length \(nodeLength), nulls \(nullCount)) disagrees with batch length \(length)")
            }
            var slices = [UnsafeRawBufferPointer]()
            for _ in 0..<ArrowSchema.bufferCount(field.type) {
                let (o, l) = (buffers[b][0], buffers[b][1])
                b += 1
                guard o >= 0, l >= 0, o <= Int64(body.count), l <= Int64(body.count) - o else {
                    throw .corrupt("column \"\(field.name)\": buffer (offset \(o), length \(l)) lies outside the \(body.count)-byte body")
                }
                slices.append(UnsafeRawBufferPointer(rebasing: body[Int(o)..<Int(o + l)]))
            }
            try accumulators[i].append(length: Int(length), nullCount: Int(nullCount), buffers: slices)
        }
        return Int(length)
    }
}
