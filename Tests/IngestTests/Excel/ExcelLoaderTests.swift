import Columns
import Foundation
import Testing
@testable import Ingest

/// Loading sheets: value kinds, dates in both systems, headers under titles and merged groups,
/// blank rows and lineage by sheet row.
struct ExcelLoaderTests {
    static let workbook = RepositoryFiles.excelFixture("workbook.xlsx")
    static let handmade = RepositoryFiles.excelFixture("handmade.xlsx")

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int32 { Int32(CivilDate.days(year: y, month: m, day: d)) }
    static func second(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Int64 {
        Int64(CivilDate.days(year: y, month: m, day: d)) * 86400 + Int64(h * 3600 + mi * 60 + s)
    }

    @Test func sheetNamesInWorkbookOrder() throws {
        #expect(try ExcelLoader.sheetNames(path: Self.workbook) == ["说明", "客户", "分组表头"])
    }

    @Test func titleRowIsSkippedAndRowsKeepTheirSheetRowNumbers() throws {
        let r = try ExcelLoader.load(path: Self.workbook, options: ExcelOptions(sheet: "客户"))
        #expect(r.table.columnNames == ["客户编号", "客户名称", "手机", "创建时间", "最近成交", "VIP", "累计成交金额"])
        #expect(r.account == RowAccount(source: Self.workbook + "#客户", rowsRead: 4, rowsLoaded: 4, rowsQuarantined: 0,
                                        blankLines: 1))
        #expect(r.table.lineage?.line == [3, 4, 6, 7])
        #expect(r.table.lineage?.sources == [Self.workbook + "#客户"])
    }

    @Test(arguments: [
        // (column, row, expected text as the table renders it)
        ("客户编号", 0, "KH001"),
        ("客户名称", 1, "李娜\n(北京)"),
        ("客户名称", 2, "王芳 & Co <a>"),
        ("手机", 3, "010-66778899"),
    ])
    func textCells(column: String, row: Int, expected: String) throws {
        let r = try ExcelLoader.load(path: Self.workbook, options: ExcelOptions(sheet: "客户"))
        #expect(r.table[column]?.strings?[row] == expected)
    }

    @Test func typedCellsBecomeTypedColumns() throws {
        let t = try ExcelLoader.load(path: Self.workbook, options: ExcelOptions(sheet: "客户")).table
        let created = try #require(t["创建时间"]?.timestamps)
        #expect((0..<4).map { created[$0] } == [Self.second(2024, 3, 5, 9, 7, 30), Self.second(2023, 12, 31, 23, 59, 59),
                                               Self.second(2024, 2, 29, 0, 0, 0), Self.second(1900, 3, 1, 12, 0, 0)])
        let last = try #require(t["最近成交"]?.dates)
        #expect((0..<4).map { last[$0] } == [Self.day(2024, 3, 1), Self.day(2023, 1, 15), nil, Self.day(1900, 2, 28)])
        let vip = try #require(t["VIP"]?.bools)
        #expect((0..<4).map { vip[$0] } == [true, false, true, false])
        let amount = try #require(t["累计成交金额"]?.doubles)
        #expect((0..<4).map { amount[$0] } == [1234.5, 12000, 12000, -5.25])
    }

    @Test func mergedGroupHeadersNameColumnsByTheirLowerRow() throws {
        let r = try ExcelLoader.load(path: Self.workbook, options: ExcelOptions(sheet: "分组表头"))
        #expect(r.table.columnNames == ["编号", "名称", "手机", "邮箱", "创建时间"])
        #expect(r.table.lineage?.line == [3, 4])
        #expect(r.table["创建时间"]?.dates?[1] == Self.day(2024, 1, 3))
        #expect(r.table["邮箱"]?.strings?[0] == "zhao@example.com")
    }

    @Test func mapsOntoACanonicalTableLikeCSV() throws {
        let options = ExcelOptions(sheet: "客户", columnMap: ["customer_id": "客户编号", "name": "客户名称", "phone": "手机"],
                                   table: .customers)
        let r = try ExcelLoader.load(path: Self.workbook, options: options)
        #expect(Array(r.table.columnNames.prefix(4)) == ["customer_id", "name", "phone", "created_at"])
        #expect(r.table["created_at"]?.type == .timestamp)
        #expect(r.unmappedHeaders == ["最近成交", "VIP", "累计成交金额"])
    }

    @Test func handmadeSheetInlineStringsFormulasAnd1904Dates() throws {
        let r = try ExcelLoader.load(path: Self.handmade, options: ExcelOptions(types: ["label": .string, "amount": .double]))
        let t = r.table
        #expect(t.columnNames == ["id", "name", "amount", "signed_on", "active", "label"])
        #expect(r.account.rowsRead == 4)
        #expect(r.account.rowsLoaded == 3)
        #expect(r.account.blankLines == 2)  // rows 3 and 4 are absent from the sheet
        #expect(t.lineage?.line == [2, 5, 6])
        #expect(t["id"]?.strings?[0] == "R-1")  // the trailing space is trimmed, as CSV trims it
        #expect(t["name"]?.strings?[0] == "A & B <Ltd> 中文")
        #expect(t["name"]?.strings?[1] == nil)
        #expect(t["name"]?.strings?[2] == "line\rbreak")
        #expect(t["amount"]?.doubles?[0] == 3)      // the formula's cached value
        #expect(t["amount"]?.doubles?[1] == 1500)   // 1.5E+3
        #expect(t["amount"]?.doubles?[2] == nil)    // an empty self-closing cell
        #expect(t["label"]?.strings?[0] == "ab")    // a string formula's cached value
        #expect(t["label"]?.strings?[1] == "#N/A")  // errors stay visible, not silently null
        #expect(t["active"]?.bools?[0] == true)
        #expect(t["active"]?.bools?[1] == false)
        // 1904 system: serial 0 is 1904-01-01, 43890.75 is 2024-03-01 18:00.
        #expect(t["signed_on"]?.type == .timestamp)
        #expect(t["signed_on"]?.timestamps?[0] == Self.second(1904, 1, 1, 0, 0, 0))
        #expect(t["signed_on"]?.timestamps?[1] == Self.second(2024, 3, 1, 18, 0, 0))
        #expect(t["signed_on"]?.timestamps?[2] == Self.second(1904, 1, 2, 0, 0, 0))
        let q = try #require(r.quarantine.first)
        #expect(q.line == 7)
        #expect(q.column == "amount")
        #expect(q.reason.contains("n/a?"))
    }

    @Test(arguments: [
        ("yyyy-mm-dd", CellStyles.Kind.date), ("yyyy\\-mm\\-dd\\ hh:mm", .dateTime), ("[h]:mm:ss", .time),
        ("#,##0.00", .number), ("0.00E+00", .number), ("General", .number), ("\"Day\" 0", .number),
        ("[$-804]yyyy\"年\"m\"月\"d\"日\"", .date), ("[Red]0.00", .number), ("mm:ss", .time), ("@", .number),
    ])
    func numberFormatsAreClassified(code: String, kind: CellStyles.Kind) {
        #expect(CellStyles.classify(code: code) == kind)
    }

    @Test(arguments: [
        (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (61.0, false, "1900-03-01"),
        (45356.0, false, "2024-03-05"), (45356.5, false, "2024-03-05 12:00:00"), (0.0, true, "1904-01-01"),
        (43890.999999999, false, "2020-03-01 00:00:00"),
    ])
    func serialsBecomeISOText(serial: Double, uses1904: Bool, expected: String) throws {
        let (days, seconds) = try #require(ExcelSerial.split(serial, uses1904: uses1904))
        var out: [UInt8] = []
        ExcelSerial.appendISO(days: days, seconds: seconds, withTime: seconds != 0 || expected.count > 10,
                              timeOnly: false, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }
}

/// Number cells are rendered as Excel displays them (15 significant digits, no exponent), so
/// `65.76000000000001` in the file is the amount 65.76, not a 16-digit label.
struct ExcelNumberTextTests {
    @Test(arguments: [
        ("65.76000000000001", "65.76"), ("0.30000000000000004", "0.3"), ("1.5E+3", "1500"), ("71.23999999999999", "71.24"),
        ("123456789012.34567", "123456789012.346"), ("-2.5E-2", "-0.025"), ("42", "42"), ("1E+20", "1e+20"),
    ])
    func numberCells(raw: String, expected: String) throws {
        let fixtures = Fixtures()
        let path = fixtures.directory + "/n.xlsx"
        try ExcelHostileInputTests.writeSingleSheet(path, rows:
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>v</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>\(raw)</v></c></row>")
        let r = try ExcelLoader.load(path: path, options: ExcelOptions(types: ["v": .string]))
        #expect(r.table["v"]?.strings?[0] == expected)
    }
}

/// An explicit header row and header depth override the detection.
struct ExcelHeaderOptionTests {
    @Test(arguments: [
        (ExcelOptions(sheet: "客户", headerRow: 2), ["客户编号", "客户名称", "手机", "创建时间", "最近成交", "VIP", "累计成交金额"], 3),
        (ExcelOptions(sheet: "分组表头", headerRows: 1), ["客户", "客户_2", "联系方式", "联系方式_2", "创建时间"], 2),
    ] as [(ExcelOptions, [String], UInt32)])
    func explicitHeader(options: ExcelOptions, names: [String], firstDataRow: UInt32) throws {
        let r = try ExcelLoader.load(path: ExcelLoaderTests.workbook, options: options)
        #expect(r.table.columnNames == names)
        #expect(r.table.lineage?.line.first == firstDataRow)
    }
}
