import Columns
import PostgresDB

/// Appends the rows of each fetched batch to column builders. A row is staged column by column
/// first, so a value that cannot be converted quarantines the whole row without leaving half of it
/// in the builders; strings are copied straight from libpq's buffer.
struct RowLoader {
    /// Result column index per output column.
    let columns: [Int]
    let kinds: [SourceKind]
    let types: [ColumnType]
    /// Output column names, for quarantine reasons.
    let names: [String]
    let keyIndex: Int?
    let source: String
    let dateOrder: DateOrder
    var checkDuplicates = false

    private var builders: [AnyColumnBuilder]
    private var staged: [Int64]
    private var stagedNull: [Bool]
    private var lines: [UInt32] = []
    private(set) var hashes: [UInt64] = []
    var quarantine: [QuarantinedRow] = []
    private(set) var rowsRead = 0

    init(columns: [Int], kinds: [SourceKind], types: [ColumnType], names: [String], keyIndex: Int?, source: String,
         dateOrder: DateOrder) {
        self.columns = columns
        self.kinds = kinds
        self.types = types
        self.names = names
        self.keyIndex = keyIndex
        self.source = source
        self.dateOrder = dateOrder
        builders = types.map { AnyColumnBuilder(type: $0) }
        staged = [Int64](repeating: 0, count: types.count)
        stagedNull = [Bool](repeating: false, count: types.count)
    }

    mutating func append(_ batch: QueryResult) {
        rows: for r in 0..<batch.rowCount {
            rowsRead += 1
            for c in columns.indices {
                let i = columns[c]
                if batch.isNull(r, i) {
                    if c == keyIndex {
                        reject(batch, r, column: names[c], reason: "missing key \(names[c])")
                        continue rows
                    }
                    stagedNull[c] = true
                    continue
                }
                stagedNull[c] = false
                let failure = batch.withValue(r, i) { stage($0, from: kinds[c], as: types[c], into: &staged[c]) }
                if let failure {
                    reject(batch, r, column: names[c], reason: failure)
                    continue rows
                }
            }
            for c in builders.indices {
                if stagedNull[c] {
                    builders[c].appendNull()
                    continue
                }
                switch types[c] {
                case .string: batch.withValue(r, columns[c]) { builders[c].strings.append($0) }
                case .int64, .timestamp: builders[c].integers.append(staged[c])
                case .double: builders[c].doubles.append(Double(bitPattern: UInt64(bitPattern: staged[c])))
                case .bool: builders[c].bools.append(staged[c] != 0)
                case .date: builders[c].days.append(Int32(truncatingIfNeeded: staged[c]))
                }
            }
            lines.append(UInt32(truncatingIfNeeded: rowsRead))
            if checkDuplicates, let k = keyIndex {
                hashes.append(batch.withValue(r, columns[k]) { ByteHash.hash($0) })
            }
        }
    }

    func finish(tableName: String, target: String) throws(IngestError) -> Table {
        do {
            return try Table(name: tableName, columns: zip(names, builders).map { ($0, $1.finish()) },
                             lineage: Lineage(sources: [source], sourceIndex: [UInt16](repeating: 0, count: lines.count),
                                              line: lines))
        } catch {
            throw .table(path: target, error)
        }
    }

    /// Converts one value's text into `slot` (doubles as their bit pattern); the reason when it cannot.
    private func stage(_ b: UnsafeRawBufferPointer, from kind: SourceKind, as type: ColumnType, into slot: inout Int64)
        -> String?
    {
        switch type {
        case .string:
            // A UTF8 database guarantees this; a SQL_ASCII one (old ERPs) passes GBK or Latin-1 bytes through.
            return UTF8Validation.isCleanText(b) ? nil : "bad encoding: not valid UTF-8 text"
        case .int64:
            if kind == .integer || kind == .text, let v = IntegerParser.parse(b) { slot = v; return nil }
            if kind == .decimal, let d = PostgresText.double(b), let v = Int64(exactly: d) { slot = v; return nil }
            return expected("an integer", b)
        case .double:
            let v = kind == .integer || kind == .decimal ? PostgresText.double(b) : AmountParser.parse(b)
            if let v, v.isFinite { slot = Int64(bitPattern: v.bitPattern); return nil }
            return expected("a finite number", b)
        case .bool:
            let v: Bool? = switch kind {
            case .bool: PostgresText.bool(b)
            case .integer: IntegerParser.parse(b).map { $0 != 0 }
            default: BoolParser.parse(b)
            }
            if let v { slot = v ? 1 : 0; return nil }
            return expected("a boolean", b)
        case .date:
            let v: Int32? = switch kind {
            case .date: PostgresText.date(b)
            case .timestamp: PostgresText.timestamp(b).flatMap { Int32(exactly: $0.floorDivided(by: 86_400)) }
            default: DateParser.parseDate(b, order: dateOrder)
            }
            if let v { slot = Int64(v); return nil }
            return expected("a date", b)
        case .timestamp:
            let v: Int64? = switch kind {
            case .timestamp: PostgresText.timestamp(b)
            case .date: PostgresText.date(b).map { Int64($0) * 86_400 }
            case .integer: IntegerParser.parse(b)
            default: DateParser.parseTimestamp(b, order: dateOrder)
            }
            if let v { slot = v; return nil }
            return expected("a date-time", b)
        }
    }

    private func expected(_ what: String, _ b: UnsafeRawBufferPointer) -> String {
        "cannot parse '\(RecordText.excerpt(b))' as \(what)"
    }

    private mutating func reject(_ batch: QueryResult, _ r: Int, column: String, reason: String) {
        let raw = (0..<batch.columnCount).map { batch.text(r, $0) ?? "" }.joined(separator: ",")
        quarantine.append(QuarantinedRow(source: source, line: rowsRead, column: column, reason: reason, raw: raw))
    }
}

private extension Int64 {
    func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
