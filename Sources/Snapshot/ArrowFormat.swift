/// Constants of the Arrow IPC file format (columnar format spec, Schema.fbs, Message.fbs,
/// File.fbs) that the writer emits and the reader checks. Slot numbers are field positions in
/// the .fbs tables; a union takes two slots (its type byte, then its value).
enum ArrowFormat {
    /// "ARROW1", at both ends of a file; padded to 8 bytes at the start.
    static let magic: [UInt8] = Array("ARROW1".utf8)
    /// Marks the start of an encapsulated message (since format 0.15).
    static let continuation: UInt32 = 0xFFFF_FFFF
    /// MetadataVersion.V5.
    static let metadataVersion: Int16 = 4
    /// Buffers start on 64-byte boundaries, the spec's recommendation for SIMD-friendly mmap.
    static let bufferAlignment = 64

    enum MessageHeader: UInt8 {
        case schema = 1
        case dictionaryBatch = 2
        case recordBatch = 3
    }

    /// The `Type` union members the snapshot uses.
    enum TypeID: UInt8 {
        case int = 2
        case floatingPoint = 3
        case utf8 = 5
        case bool = 6
        case date = 8
        case timestamp = 10
    }

    enum Precision: Int16 { case half = 0, single = 1, double = 2 }
    enum DateUnit: Int16 { case day = 0, millisecond = 1 }
    enum TimeUnit: Int16 { case second = 0, millisecond = 1, microsecond = 2, nanosecond = 3 }

    enum Slot {
        enum Footer { static let version = 0, schema = 1, dictionaries = 2, recordBatches = 3 }
        enum Message { static let version = 0, headerType = 1, header = 2, bodyLength = 3 }
        enum Schema { static let endianness = 0, fields = 1, customMetadata = 2 }
        enum Field {
            static let name = 0, nullable = 1, typeType = 2, type = 3, dictionary = 4, children = 5
            static let customMetadata = 6
        }
        enum KeyValue { static let key = 0, value = 1 }
        enum RecordBatch { static let length = 0, nodes = 1, buffers = 2, compression = 3 }
        enum IntType { static let bitWidth = 0, isSigned = 1 }
        enum FloatingPoint { static let precision = 0 }
        enum DateType { static let unit = 0 }
        enum Timestamp { static let unit = 0, timezone = 1 }
    }

    /// Field metadata key marking a string column that was dictionary-encoded in memory: it is
    /// written as plain utf8 (every Arrow reader reads that the same way) and re-encoded on read.
    static let dictionaryHintKey = "crm.dictionary"
    /// Schema metadata keys.
    static let tableNameKey = "crm.table"

    static func padding(_ n: Int, to alignment: Int) -> Int {
        (alignment - n % alignment) % alignment
    }
}
