import Columns

/// Loads one worksheet of an `.xlsx` workbook into a `Table` through the same header mapping,
/// typing, builders, quarantine and row accounting as CSV: each sheet row is a record whose
/// lineage line is its sheet row number, rows without values count as blank lines, and cells are
/// rendered as the text a CSV export would hold (see `SheetRows`).
public enum ExcelLoader {
    public static func load(path: String, options: ExcelOptions = ExcelOptions()) throws(IngestError) -> LoadResult {
        let package = try XLSXPackage(path: path)
        let sheet = try package.sheet(named: options.sheet)
        let (shared, styles) = try commonParts(package, path: path)
        guard let xml = try package.part(sheet.part) else {
            throw .notAnXLSX(path: path, detail: "sheet '\(sheet.name)' points to missing part \(sheet.part)")
        }
        let source = "\(path)#\(sheet.name)"
        let result: Result<LoadResult, IngestError> = xml.withUnsafeBytes { raw in
            do throws(IngestError) {
                return .success(try load(raw, source: source, path: path, shared: shared, styles: styles,
                                         uses1904: package.uses1904, options: options))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The sheet names in workbook order.
    public static func sheetNames(path: String) throws(IngestError) -> [String] {
        try XLSXPackage(path: path).sheets.map(\.name)
    }

    /// The header names of a sheet as the loader would map them (for profiles choosing among alternatives).
    public static func headers(path: String, options: ExcelOptions = ExcelOptions()) throws(IngestError) -> [String] {
        let package = try XLSXPackage(path: path)
        let sheet = try package.sheet(named: options.sheet)
        let (shared, styles) = try commonParts(package, path: path)
        guard let xml = try package.part(sheet.part) else { return [] }
        return xml.withUnsafeBytes { raw in
            var rows = SheetRows(xml: raw, shared: shared, styles: styles, uses1904: package.uses1904)
            return SheetHeader.read(&rows, merges: SheetRows.mergedRanges(raw), options: options)?.names ?? []
        }
    }

    static func load(_ raw: UnsafeRawBufferPointer, source: String, path: String, shared: SharedStrings,
                     styles: CellStyles, uses1904: Bool, options: ExcelOptions) throws(IngestError) -> LoadResult {
        var rows = SheetRows(xml: raw, shared: shared, styles: styles, uses1904: uses1904)
        guard let header = SheetHeader.read(&rows, merges: SheetRows.mergedRanges(raw), options: options) else {
            throw .missingHeader(path: source)
        }
        let mapping = try HeaderMapping.map(headers: header.names, table: options.table, columnMap: options.columnMap,
                                            path: source)
        let afterHeader = rows
        let types = columnTypes(mapping, rows: afterHeader, options: options)
        let keyIndex = options.table.flatMap { t in mapping.columns.firstIndex { $0.name == t.key } }
        let plan = LoadPlan(
            source: source,
            columns: zip(mapping.columns, types).map { m, t in
                LoadPlan.PlannedColumn(name: m.name, header: m.header, sourceIndex: m.sourceIndex, type: t)
            },
            fieldCount: header.names.count, keyColumn: keyIndex,
            checkDuplicateKeys: keyIndex != nil && options.table?.keyIsUnique == true && types[keyIndex!] == .string,
            dateOrder: options.dateOrder, decimalComma: options.decimalComma, delimiter: UInt8(ascii: ","))

        let loader = ChunkLoader(plan: plan, capacity: 1024)
        loader.countsEmbeddedNewlines = false
        // The loader numbers records from 1; rows after the header start at header.lastRow + 1, and
        // every missing or empty row in between is a blank line, so its numbers stay sheet row numbers.
        var expected = header.lastRow + 1
        while rows.next() {
            let r = rows.rowNumber
            // SpreadsheetML requires ascending row numbers; a row that goes back cannot be given a
            // truthful line, and skipping it would lose it from the account.
            // Blank rows up to r are counted one by one: a forged row number must not spin for ages.
            guard r <= maximumRows else {
                throw .notAnXLSX(path: source, detail: "row number \(r) is beyond Excel's \(maximumRows) rows")
            }
            guard r >= expected else {
                throw .notAnXLSX(path: source, detail: "row \(r) follows row \(expected - 1): rows out of order")
            }
            while expected < r {
                loader.endRecord(terminator: 0x0A)
                expected += 1
            }
            for c in 0..<rows.width { rows.withField(c) { loader.field($0) } }
            // Short rows are padded: a sheet stores no cells for trailing empty columns.
            if rows.width > 0 { for _ in rows.width..<max(rows.width, header.names.count) { loader.field(Self.empty) } }
            loader.endRecord(terminator: 0x0A)
            expected += 1
        }
        let out = loader.finish()
        let lines = out.lines.map { $0 &+ UInt32(header.lastRow) }
        var quarantine = out.quarantine.map { q in
            var q = q
            q.line += header.lastRow
            return q
        }
        let columns = zip(plan.columns, out.columns).map { ($0.name, $1) }
        var table: Table
        do {
            table = try Table(name: options.table?.rawValue ?? sheetTableName(source),
                              columns: columns,
                              lineage: Lineage(sources: [source], sourceIndex: [UInt16](repeating: 0, count: lines.count),
                                               line: lines))
        } catch {
            throw .table(path: source, error)
        }
        if plan.checkDuplicateKeys, let k = keyIndex {
            CSVLoader.removeDuplicateKeys(&table, hashes: out.keyHashes, keyColumn: plan.columns[k].name,
                                          delimiter: plan.delimiter, quarantine: &quarantine, path: source)
        }
        quarantine.sort { $0.line < $1.line }
        let account = RowAccount(source: source, rowsRead: out.rowsRead, rowsLoaded: table.rowCount,
                                 rowsQuarantined: quarantine.count, blankLines: out.blankLines)
        try account.verify()
        var sources: [String: String] = [:]
        for m in mapping.columns { sources[m.name] = m.header }
        return LoadResult(table: table, account: account, quarantine: quarantine, encoding: .utf8, delimiter: nil,
                          unmappedHeaders: mapping.unmappedHeaders, columnSources: sources)
    }

    /// Excel's row limit (2^20).
    static let maximumRows = 1_048_576

    private static var empty: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: nil, count: 0) }

    /// The shared strings and styles every sheet of the workbook refers to (both optional parts).
    static func commonParts(_ package: XLSXPackage, path: String) throws(IngestError) -> (SharedStrings, CellStyles) {
        var shared = SharedStrings()
        if let xml = try package.partInWorkbook("sharedStrings.xml") { shared = try SharedStrings(xml: xml, path: path) }
        let styles = try package.partInWorkbook("styles.xml").map { CellStyles(xml: $0) } ?? CellStyles()
        return (shared, styles)
    }

    /// Declared types, then canonical ones, then inference over the first `sampleRows` data rows.
    static func columnTypes(_ mapping: HeaderMapping, rows: SheetRows, options: ExcelOptions) -> [ColumnType] {
        var types = mapping.fixedTypes(declared: options.types, table: options.table)
        if types.contains(where: { $0 == nil }) {
            var samples = [[[UInt8]]](repeating: [], count: mapping.columns.count)
            var rows = rows
            var seen = 0
            while seen < options.sampleRows, rows.next() {
                guard rows.width > 0 else { continue }
                seen += 1
                for (i, m) in mapping.columns.enumerated() where types[i] == nil {
                    samples[i].append(rows.withField(m.sourceIndex) { Array($0) })
                }
            }
            for i in types.indices where types[i] == nil {
                types[i] = TypeInference.infer(samples[i], dateOrder: options.dateOrder,
                                               decimalComma: options.decimalComma)
            }
        }
        return types.map { $0! }
    }

    static func sheetTableName(_ source: String) -> String {
        source.split(separator: "#").last.map(String.init) ?? source
    }
}
