import Columns

/// What `crm profile FILE` reports about one file.
public struct FileProfile: Sendable {
    public struct ColumnProfile: Sendable, Equatable {
        public var name: String
        public var header: String
        public var type: ColumnType
        public var nullCount: Int
        public var nullPercent: Double
        public var distinctCount: Int
        public var min: String?
        public var max: String?
        /// Most frequent values, most frequent first; ties in first-seen order.
        public var topValues: [(value: String, count: Int)]

        public static func == (a: ColumnProfile, b: ColumnProfile) -> Bool {
            a.name == b.name && a.type == b.type && a.nullCount == b.nullCount && a.distinctCount == b.distinctCount
                && a.min == b.min && a.max == b.max && a.topValues.map(\.value) == b.topValues.map(\.value)
                && a.topValues.map(\.count) == b.topValues.map(\.count)
        }
    }

    public var path: String
    public var encoding: TextEncoding
    public var delimiter: UInt8?
    public var account: RowAccount
    public var unmappedHeaders: [String]
    public var columns: [ColumnProfile]
    /// The first quarantined rows, as examples.
    public var quarantineSample: [QuarantinedRow]

    /// Plain text for a terminal: one header block, one line per column.
    public var rendered: String {
        var out = "\(path)\n"
        let delim: String
        switch delimiter {
        case nil: delim = "n/a"
        case 0x09?: delim = "tab"
        case let d?: delim = "'\(String(UnicodeScalar(d)))'"
        }
        out += "  encoding \(encoding.rawValue), delimiter \(delim), rows \(account.rowsRead) read, "
            + "\(account.rowsLoaded) loaded, \(account.rowsQuarantined) quarantined"
            + (account.blankLines > 0 ? ", \(account.blankLines) blank lines" : "") + "\n"
        if !unmappedHeaders.isEmpty { out += "  unmapped headers: \(unmappedHeaders.joined(separator: ", "))\n" }
        let nameWidth = Swift.max(6, columns.map { $0.name.count }.max() ?? 0)
        out += "  " + pad("column", nameWidth) + "  " + pad("type", 9) + "  " + pad("null%", 6) + "  "
            + pad("distinct", 8) + "  min .. max  |  top values\n"
        for c in columns {
            let nulls = String(Double(Int(c.nullPercent * 10)) / 10)
            let range = c.min.map { "\(clip($0)) .. \(clip(c.max ?? ""))" } ?? "-"
            let top = c.topValues.map { "\(clip($0.value)) (\($0.count))" }.joined(separator: ", ")
            out += "  " + pad(c.name, nameWidth) + "  " + pad(c.type.rawValue, 9) + "  " + pad(nulls, 6) + "  "
                + pad(String(c.distinctCount), 8) + "  \(range)  |  \(top)\n"
        }
        for q in quarantineSample { out += "  quarantined \(q.location): \(q.reason)\n" }
        return out
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private func clip(_ s: String) -> String { s.count > 24 ? String(s.prefix(24)) + "…" : s }
}

/// Profiles a file: loads it (types inferred unless declared) and summarises every column.
public enum Profiler {
    public static func profile(path: String, options: CSVOptions = CSVOptions(), topCount: Int = 5)
        throws(IngestError) -> FileProfile
    {
        let result = try CSVLoader.load(path: path, options: options)
        return profile(result, path: path, topCount: topCount)
    }

    public static func profile(_ result: LoadResult, path: String, topCount: Int = 5) -> FileProfile {
        let t = result.table
        var columns: [FileProfile.ColumnProfile] = []
        for (name, column) in zip(t.columnNames, t.columns) {
            columns.append(profile(column, name: name, header: result.columnSources[name] ?? name, topCount: topCount))
        }
        return FileProfile(path: path, encoding: result.encoding, delimiter: result.delimiter, account: result.account,
                           unmappedHeaders: result.unmappedHeaders, columns: columns,
                           quarantineSample: Array(result.quarantine.prefix(5)))
    }

    static func profile(_ column: Column, name: String, header: String, topCount: Int) -> FileProfile.ColumnProfile {
        let n = column.count
        let nulls = column.validity.nullCount
        // Count values by their bytes (string bytes, or the 8-byte value of a fixed-width column):
        // one interner, codes in first-seen order, no String per row.
        var interner = ByteInterner()
        var counts: [Int] = []
        var firstRow: [Int] = []
        var minRow: Int?
        var maxRow: Int?
        for row in 0..<n where column.validity.isValid(row) {
            let code: Int32
            switch column {
            case .string(let s): code = s.withBytes(row) { interner.intern($0) }
            case .int64(let p): code = withUnsafeBytes(of: p.values[row]) { interner.intern($0) }
            case .timestamp(let p): code = withUnsafeBytes(of: p.values[row]) { interner.intern($0) }
            case .double(let p): code = withUnsafeBytes(of: p.values[row]) { interner.intern($0) }
            case .date(let p): code = withUnsafeBytes(of: p.values[row]) { interner.intern($0) }
            case .bool(let p): code = withUnsafeBytes(of: p.values[row]) { interner.intern($0) }
            }
            if Int(code) == counts.count {
                counts.append(0)
                firstRow.append(row)
            }
            counts[Int(code)] += 1
            if minRow == nil || less(column, row, minRow!) { minRow = row }
            if maxRow == nil || less(column, maxRow!, row) { maxRow = row }
        }
        let order = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        let top = order.prefix(topCount).map { (value: column.text(at: firstRow[$0]) ?? "", count: counts[$0]) }
        return FileProfile.ColumnProfile(
            name: name, header: header, type: column.type, nullCount: nulls,
            nullPercent: n == 0 ? 0 : Double(nulls) * 100 / Double(n), distinctCount: interner.count,
            min: minRow.flatMap { column.text(at: $0) }, max: maxRow.flatMap { column.text(at: $0) }, topValues: top)
    }

    private static func less(_ c: Column, _ a: Int, _ b: Int) -> Bool {
        switch c {
        case .int64(let p): p.values[a] < p.values[b]
        case .timestamp(let p): p.values[a] < p.values[b]
        case .double(let p): p.values[a] < p.values[b]
        case .date(let p): p.values[a] < p.values[b]
        case .bool(let p): !p.values[a] && p.values[b]
        case .string(let s): s.withBytes(a) { x in s.withBytes(b) { y in x.lexicographicallyPrecedes(y) } }
        }
    }
}
