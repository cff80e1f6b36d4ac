import Columns

/// The schema of one snapshot file: column names and our column types, as carried in Arrow's
/// Schema table. Only the Arrow types our columns map to are accepted on read.
struct ArrowSchema: Equatable {
    struct Field: Equatable {
        var name: String
        var type: ColumnType
        /// The column was dictionary-encoded in memory (written as plain utf8).
        var dictionaryHint: Bool
    }

    var tableName: String?
    var fields: [Field]

    init(tableName: String?, fields: [Field]) {
        self.tableName = tableName
        self.fields = fields
    }

    init(_ table: Table) {
        self.tableName = table.name
        self.fields = zip(table.columnNames, table.columns).map { name, column in
            Field(name: name, type: column.type, dictionaryHint: column.strings?.isDictionary ?? false)
        }
    }

    /// Arrow buffers per field in a record batch: validity + values, plus offsets for utf8.
    static func bufferCount(_ type: ColumnType) -> Int { type == .string ? 3 : 2 }

    // MARK: Encoding

    func encode(into b: inout FlatBufferBuilder) -> FlatBufferBuilder.Offset {
        typealias S = ArrowFormat.Slot
        var fieldOffsets = [FlatBufferBuilder.Offset]()
        for f in fields {
            let name = b.createString(f.name)
            let type = Self.encodeType(f.type, into: &b)
            let children = b.createOffsetVector([])
            var metadata = [FlatBufferBuilder.Offset]()
            if f.dictionaryHint {
                metadata.append(Self.keyValue(ArrowFormat.dictionaryHintKey, "true", into: &b))
            }
            let metadataVector = metadata.isEmpty ? nil : b.createOffsetVector(metadata)
            b.startTable()
            b.add(slot: S.Field.name, name)
            b.add(slot: S.Field.nullable, true)
            b.add(slot: S.Field.typeType, Self.typeID(f.type).rawValue)
            b.add(slot: S.Field.type, type)
            b.add(slot: S.Field.children, children)
            if let metadataVector { b.add(slot: S.Field.customMetadata, metadataVector) }
            fieldOffsets.append(b.endTable())
        }
        let fieldsVector = b.createOffsetVector(fieldOffsets)
        let metadataVector = tableName.map { b.createOffsetVector([Self.keyValue(ArrowFormat.tableNameKey, $0, into: &b)]) }
        b.startTable()
        b.add(slot: S.Schema.endianness, Int16(0))  // little-endian
        b.add(slot: S.Schema.fields, fieldsVector)
        if let metadataVector { b.add(slot: S.Schema.customMetadata, metadataVector) }
        return b.endTable()
    }

    private static func keyValue(_ key: String, _ value: String, into b: inout FlatBufferBuilder)
        -> FlatBufferBuilder.Offset
    {
        let k = b.createString(key)
        let v = b.createString(value)
        b.startTable()
        b.add(slot: ArrowFormat.Slot.KeyValue.key, k)
        b.add(slot: ArrowFormat.Slot.KeyValue.value, v)
        return b.endTable()
    }

    static func typeID(_ type: ColumnType) -> ArrowFormat.TypeID {
        switch type {
        case .int64: .int
        case .double: .floatingPoint
        case .bool: .bool
        case .date: .date
        case .timestamp: .timestamp
        case .string: .utf8
        }
    }

    /// Writes the `Type` union member table. Every field is written explicitly, defaults
    /// included: Date's default unit is MILLISECOND, so DAY must be present to be read as DAY.
    private static func encodeType(_ type: ColumnType, into b: inout FlatBufferBuilder) -> FlatBufferBuilder.Offset {
        typealias S = ArrowFormat.Slot
        switch type {
        case .int64:
            b.startTable()
            b.add(slot: S.IntType.bitWidth, Int32(64))
            b.add(slot: S.IntType.isSigned, true)
            return b.endTable()
        case .double:
            b.startTable()
            b.add(slot: S.FloatingPoint.precision, ArrowFormat.Precision.double.rawValue)
            return b.endTable()
        case .bool, .string:
            b.startTable()
            return b.endTable()
        case .date:
            b.startTable()
            b.add(slot: S.DateType.unit, ArrowFormat.DateUnit.day.rawValue)
            return b.endTable()
        case .timestamp:
            let tz = b.createString("UTC")
            b.startTable()
            b.add(slot: S.Timestamp.unit, ArrowFormat.TimeUnit.second.rawValue)
            b.add(slot: S.Timestamp.timezone, tz)
            return b.endTable()
        }
    }

    // MARK: Decoding

    init(decoding t: FlatBufferTable) throws(SnapshotError) {
        typealias S = ArrowFormat.Slot
        guard try t.scalar(S.Schema.endianness, default: Int16(0)) == 0 else {
            throw .unsupported("big-endian data")
        }
        guard let fieldTables = try t.tables(S.Schema.fields) else { throw .corrupt("schema has no fields vector") }
        var tableName: String?
        for kv in try t.tables(S.Schema.customMetadata) ?? [] where try kv.string(S.KeyValue.key) == ArrowFormat.tableNameKey {
            tableName = try kv.string(S.KeyValue.value)
        }
        var fields = [Field]()
        var seen = Set<String>()
        for (i, ft) in fieldTables.enumerated() {
            let name = try ft.string(S.Field.name) ?? ""
            guard seen.insert(name).inserted else { throw .unsupported("duplicate column name \"\(name)\"") }
            if try ft.table(S.Field.dictionary) != nil {
                throw .unsupported("column \"\(name)\" is dictionary-encoded (snapshots write plain utf8)")
            }
            if let children = try ft.tables(S.Field.children), !children.isEmpty {
                throw .unsupported("column \"\(name)\" has a nested type")
            }
            let typeID: UInt8 = try ft.scalar(S.Field.typeType, default: 0)
            guard let typeTable = try ft.table(S.Field.type) else {
                throw .corrupt("field \(i) (\"\(name)\") has no type")
            }
            let type = try Self.decodeType(typeID, typeTable, column: name)
            var hint = false
            for kv in try ft.tables(S.Field.customMetadata) ?? [] where try kv.string(S.KeyValue.key) == ArrowFormat.dictionaryHintKey {
                hint = try kv.string(S.KeyValue.value) == "true"
            }
            fields.append(Field(name: name, type: type, dictionaryHint: hint && type == .string))
        }
        self.init(tableName: tableName, fields: fields)
    }

    private static func decodeType(_ id: UInt8, _ t: FlatBufferTable, column: String) throws(SnapshotError) -> ColumnType {
        typealias S = ArrowFormat.Slot
        switch ArrowFormat.TypeID(rawValue: id) {
        case .int:
            let width: Int32 = try t.scalar(S.IntType.bitWidth, default: 0)
            let signed = try t.bool(S.IntType.isSigned, default: false)
            guard width == 64, signed else {
                throw .unsupported("column \"\(column)\" is \(signed ? "" : "u")int\(width); snapshots hold int64")
            }
            return .int64
        case .floatingPoint:
            let p: Int16 = try t.scalar(S.FloatingPoint.precision, default: 0)
            guard p == ArrowFormat.Precision.double.rawValue else {
                throw .unsupported("column \"\(column)\" is a float of precision \(p); snapshots hold float64")
            }
            return .double
        case .utf8: return .string
        case .bool: return .bool
        case .date:
            let unit: Int16 = try t.scalar(S.DateType.unit, default: ArrowFormat.DateUnit.millisecond.rawValue)
            guard unit == ArrowFormat.DateUnit.day.rawValue else {
                throw .unsupported("column \"\(column)\" is date64; snapshots hold date32 (days)")
            }
            return .date
        case .timestamp:
            let unit: Int16 = try t.scalar(S.Timestamp.unit, default: 0)
            guard unit == ArrowFormat.TimeUnit.second.rawValue else {
                throw .unsupported("column \"\(column)\" is a timestamp of unit \(unit); snapshots hold seconds")
            }
            return .timestamp
        case nil:
            throw .unsupported("column \"\(column)\" has Arrow type id \(id), which snapshots do not use")
        }
    }
}
