import Columns

/// Writes one table as an Arrow IPC file (Feather v2): magic, schema message, record batches,
/// end-of-stream marker, footer. Every buffer starts on a 64-byte boundary of the file, so a
/// reader that maps the file can use the buffers in place.
///
/// String columns are written as plain `utf8` whether or not they are dictionary-encoded in
/// memory: pyarrow, DuckDB and Polars all read plain utf8 as their ordinary string type, while
/// Arrow dictionaries come back as categoricals with reader-specific behaviour. A field-level
/// metadata hint records the encoding so `ArrowFileReader` can restore it.
public enum ArrowFileWriter {
    /// Rows per record batch unless told otherwise; a multiple of 64 keeps validity slices word-aligned.
    public static let defaultRowsPerBatch = 1 << 20

    /// What was written, for the snapshot manifest.
    public struct Written: Sendable, Equatable {
        public var bytes: Int
        public var batches: Int
        public var sha256: String
    }

    @discardableResult
    public static func write(_ table: Table, to path: String, rowsPerBatch: Int = defaultRowsPerBatch) throws -> Written {
        guard rowsPerBatch > 0 else { throw SnapshotError.invalid("rowsPerBatch must be positive, got \(rowsPerBatch)") }
        let out = try FileOutput(creating: path)
        try out.write(ArrowFormat.magic + [0, 0])

        let schema = ArrowSchema(table)
        var schemaBuilder = FlatBufferBuilder()
        let schemaOffset = schema.encode(into: &schemaBuilder)
        try writeMessage(header: .schema, headerBuilder: schemaBuilder, headerOffset: schemaOffset, bodyLength: 0, to: out)

        var blocks = [[Int64]]()
        var start = 0
        repeat {
            let rows = start..<min(table.rowCount, start + rowsPerBatch)
            blocks.append(try writeBatch(table, rows: rows, to: out))
            start = rows.upperBound
        } while start < table.rowCount

        // End-of-stream marker, so the body also reads as an IPC stream.
        try out.write(ArrowFormat.continuation)
        try out.write(UInt32(0))

        let footerStart = out.offset
        try out.write(footer(schema: schema, blocks: blocks))
        try out.write(Int32(out.offset - footerStart))
        try out.write(ArrowFormat.magic)
        let bytes = out.offset
        return Written(bytes: bytes, batches: blocks.count, sha256: try out.finish())
    }

    /// Writes one record batch message and body; returns its footer Block (offset,
    /// metadata length, body length).
    private static func writeBatch(_ table: Table, rows: Range<Int>, to out: FileOutput) throws -> [Int64] {
        let slices = table.columns.map { ColumnSliceBuffers($0, rows: rows) }
        var nodes = [[Int64]]()
        var buffers = [[Int64]]()
        var bodyOffset = 0
        for (name, s) in zip(table.columnNames, slices) {
            nodes.append([Int64(rows.count), Int64(s.nullCount)])
            for length in s.lengths {
                guard length <= Int(Int32.max) || s.lengths.count == 2 else {
                    throw SnapshotError.invalid("column \(name): over 2 GiB of text in one batch; use smaller batches")
                }
                buffers.append([Int64(bodyOffset), Int64(length)])
                bodyOffset += length + ArrowFormat.padding(length, to: ArrowFormat.bufferAlignment)
            }
        }
        var b = FlatBufferBuilder()
        let nodesVector = b.createStructVector(nodes)
        let buffersVector = b.createStructVector(buffers)
        b.startTable()
        b.add(slot: ArrowFormat.Slot.RecordBatch.length, Int64(rows.count))
        b.add(slot: ArrowFormat.Slot.RecordBatch.nodes, nodesVector)
        b.add(slot: ArrowFormat.Slot.RecordBatch.buffers, buffersVector)
        let batch = b.endTable()

        let messageStart = out.offset
        try writeMessage(header: .recordBatch, headerBuilder: b, headerOffset: batch, bodyLength: bodyOffset, to: out)
        let metadataLength = out.offset - messageStart
        for s in slices { try s.write(to: out) }
        precondition(out.offset - messageStart - metadataLength == bodyOffset, "record batch body length drifted")
        return [Int64(messageStart), Int64(metadataLength), Int64(bodyOffset)]
    }

    /// Completes `headerBuilder` into a Message and writes it encapsulated: continuation marker,
    /// metadata length, flatbuffer, and zeros so that the body starts on a 64-byte boundary.
    private static func writeMessage(
        header: ArrowFormat.MessageHeader, headerBuilder: FlatBufferBuilder, headerOffset: FlatBufferBuilder.Offset,
        bodyLength: Int, to out: FileOutput
    ) throws {
        var b = headerBuilder
        b.startTable()
        b.add(slot: ArrowFormat.Slot.Message.version, ArrowFormat.metadataVersion)
        b.add(slot: ArrowFormat.Slot.Message.headerType, header.rawValue)
        b.add(slot: ArrowFormat.Slot.Message.header, headerOffset)
        b.add(slot: ArrowFormat.Slot.Message.bodyLength, Int64(bodyLength))
        let message = b.endTable()
        var metadata = b.finish(root: message)
        metadata += [UInt8](repeating: 0, count: ArrowFormat.padding(out.offset + 8 + metadata.count, to: ArrowFormat.bufferAlignment))
        try out.write(ArrowFormat.continuation)
        try out.write(Int32(metadata.count))
        try out.write(metadata)
    }

    private static func footer(schema: ArrowSchema, blocks: [[Int64]]) -> [UInt8] {
        var b = FlatBufferBuilder()
        let schemaOffset = schema.encode(into: &b)
        let dictionaries = b.createStructVector([])
        let batches = b.createStructVector(blocks)
        b.startTable()
        b.add(slot: ArrowFormat.Slot.Footer.version, ArrowFormat.metadataVersion)
        b.add(slot: ArrowFormat.Slot.Footer.schema, schemaOffset)
        b.add(slot: ArrowFormat.Slot.Footer.dictionaries, dictionaries)
        b.add(slot: ArrowFormat.Slot.Footer.recordBatches, batches)
        return b.finish(root: b.endTable())
    }
}
