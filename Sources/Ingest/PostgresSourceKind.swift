import Columns
import PostgresDB

/// What a PostgreSQL result column holds, from its type OID: decides the column type when nothing
/// else does, and which text shape the value comes in when it is converted to another type.
enum SourceKind: Sendable, Equatable {
    case integer, decimal, bool, date, timestamp, text

    init(oid: UInt32) {
        switch oid {
        case PostgresTypeOID.int2, PostgresTypeOID.int4, PostgresTypeOID.int8, PostgresTypeOID.oid: self = .integer
        case PostgresTypeOID.float4, PostgresTypeOID.float8, PostgresTypeOID.numeric: self = .decimal
        case PostgresTypeOID.bool: self = .bool
        case PostgresTypeOID.date: self = .date
        case PostgresTypeOID.timestamp, PostgresTypeOID.timestamptz: self = .timestamp
        // text, varchar, bpchar, name, json, jsonb, uuid and every other type: kept as the server writes it.
        default: self = .text
        }
    }

    var columnType: ColumnType {
        switch self {
        case .integer: .int64
        case .decimal: .double
        case .bool: .bool
        case .date: .date
        case .timestamp: .timestamp
        case .text: .string
        }
    }
}
