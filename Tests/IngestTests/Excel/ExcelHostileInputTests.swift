import Columns
import Foundation
import Testing
@testable import Ingest

/// Inputs that are not (good) workbooks fail with a message that says what and where; none crash.
struct ExcelHostileInputTests {
    func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [
        ("plain.xlsx", Array("id,name\n1,a\n".utf8), "does not start with a zip signature"),
        ("empty.xlsx", [], "the file is empty"),
        ("truncated.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], "cannot read the zip directory"),
    ] as [(String, [UInt8], String)])
    func notAZip(name: String, bytes: [UInt8], expected: String) {
        let fixtures = Fixtures()
        let path = fixtures.write(name, bytes)
        let text = message { _ = try ExcelLoader.load(path: path) }
        #expect(text.contains(path))
        #expect(text.contains(expected), "\(text)")
    }

    @Test func zipWithoutWorkbook() {
        let path = RepositoryFiles.excelFixture("no-workbook.xlsx")
        let text = message { _ = try ExcelLoader.load(path: path) }
        #expect(text.contains("no workbook part (xl/workbook.xml)"), "\(text)")
    }

    @Test func missingFile() {
        let text = message { _ = try ExcelLoader.load(path: "/nonexistent/file.xlsx") }
        #expect(text.contains("/nonexistent/file.xlsx: cannot open"), "\(text)")
    }

    @Test(arguments: [
        ("客", "no sheet named '客'"),
        ("Sheet1", "sheets: 说明, 客户, 分组表头"),
        ("分组表", "did you mean '分组表头'?"),
    ])
    func unknownSheetListsTheSheets(sheet: String, expected: String) {
        let text = message {
            _ = try ExcelLoader.load(path: RepositoryFiles.excelFixture("workbook.xlsx"), options: ExcelOptions(sheet: sheet))
        }
        #expect(text.contains(expected), "\(text)")
    }

    @Test func sheetNameMatchesIgnoringCaseAndSpaces() throws {
        let r = try ExcelLoader.load(path: RepositoryFiles.excelFixture("handmade.xlsx"), options: ExcelOptions(sheet: " data ", types: ["amount": .double]))
        #expect(r.table.rowCount == 3)
    }

    @Test func hugeSharedStringAndLyingCountLoad() throws {
        let r = try ExcelLoader.load(path: RepositoryFiles.excelFixture("huge-shared-strings.xlsx"),
                                     options: ExcelOptions(types: ["name": .string]))
        #expect(r.table.columnNames == ["id", "name"])
        #expect(r.table["name"]?.strings?[0]?.utf8.count == 8 << 20)
        // A shared-string index past the table renders as an empty cell, not a crash.
        #expect(r.table["name"]?.strings?[1] == nil)
        #expect(r.account.balances)
    }

    @Test func headerOnlySheetLoadsNoRows() throws {
        let fixtures = Fixtures()
        let path = fixtures.directory + "/header-only.xlsx"
        try Self.writeSingleSheet(path, rows: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>")
        let r = try ExcelLoader.load(path: path)
        #expect(r.table.rowCount == 0)
        #expect(r.account.rowsRead == 0)
    }

    @Test func emptySheetHasNoHeader() throws {
        let fixtures = Fixtures()
        let path = fixtures.directory + "/empty-sheet.xlsx"
        try Self.writeSingleSheet(path, rows: "")
        let text = message { _ = try ExcelLoader.load(path: path) }
        #expect(text.contains("expected a header line"), "\(text)")
    }

    @Test func missingKeyAndDuplicateKeyRowsAreQuarantinedWithTheirSheetRow() throws {
        let fixtures = Fixtures()
        let path = fixtures.directory + "/keys.xlsx"
        func row(_ r: Int, _ id: String?, _ name: String) -> String {
            "<row r=\"\(r)\">" + (id.map { "<c r=\"A\(r)\" t=\"inlineStr\"><is><t>\($0)</t></is></c>" } ?? "")
                + "<c r=\"B\(r)\" t=\"inlineStr\"><is><t>\(name)</t></is></c></row>"
        }
        try Self.writeSingleSheet(path, rows: row(1, "客户编号", "客户名称") + row(2, "C1", "甲") + row(3, nil, "乙")
                                  + row(4, "C1", "丙") + row(9, "C2", "丁"))
        let r = try ExcelLoader.load(path: path, options: ExcelOptions(table: .customers))
        #expect(r.table.rowCount == 2)
        #expect(r.table.lineage?.line == [2, 9])
        #expect(r.quarantine.map(\.line) == [3, 4])
        #expect(r.quarantine[0].reason == "missing key customer_id")
        #expect(r.quarantine[1].reason.contains("duplicate key"))
        #expect(r.account == RowAccount(source: path + "#Sheet1", rowsRead: 4, rowsLoaded: 2, rowsQuarantined: 2,
                                        blankLines: 4))
    }

    /// A minimal workbook around one sheet's `<sheetData>` rows, for cases too small to deserve a committed file.
    static func writeSingleSheet(_ path: String, rows: String) throws {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns:r=\"r\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet><sheetData>\(rows)</sheetData></worksheet>"),
        ]
        try StoredZip.write(path, parts.map { ($0.0, Array($0.1.utf8)) })
    }
}

/// Row numbers that go backwards are refused rather than loaded under a wrong line or dropped.
struct ExcelRowOrderTests {
    @Test func rowsOutOfOrderAreAnError() throws {
        let fixtures = Fixtures()
        let path = fixtures.directory + "/order.xlsx"
        try ExcelHostileInputTests.writeSingleSheet(path, rows:
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>"
            + "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>")
        do {
            _ = try ExcelLoader.load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("row 2 follows row 3: rows out of order"), "\(error)")
        }
    }

    @Test func cellsOutOfOrderInARowDoNotCrash() throws {
        let fixtures = Fixtures()
        let path = fixtures.directory + "/cells.xlsx"
        try ExcelHostileInputTests.writeSingleSheet(path, rows:
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>b</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c></row>"
            + "<row r=\"2\"><c r=\"C2\"><v>3</v></c><c r=\"A2\"><v>1</v></c></row>")
        let r = try ExcelLoader.load(path: path)
        #expect(r.table["a"]?.int64s?[0] == 1)
        #expect(r.table["b"]?.int64s?[0] == nil)
        #expect(r.table["c"]?.int64s?[0] == 3)
    }

    @Test(arguments: [
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>1",
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>",  // a shared string index with no table
        "<row r=\"1\"><c r=\"ZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row><row r=\"99999999999999999999\">",
        "<<<>>>\u{0}\u{1}&#xFFFFFFFF;&amp<c r=\"\" t=\"\"><v></v></c>",
    ])
    func malformedSheetXMLNeverCrashes(rows: String) throws {
        let fixtures = Fixtures()
        let path = fixtures.directory + "/malformed.xlsx"
        try ExcelHostileInputTests.writeSingleSheet(path, rows: rows)
        do {
            let r = try ExcelLoader.load(path: path)
            #expect(r.account.balances)
        } catch {
            #expect("\(error)".contains(path), "\(error)")
        }
    }

    @Test func forgedHugeRowNumberIsAnError() throws {
        let fixtures = Fixtures()
        let path = fixtures.directory + "/far.xlsx"
        try ExcelHostileInputTests.writeSingleSheet(path, rows:
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row><row r=\"999999999999999999\"><c><v>1</v></c></row>")
        do {
            _ = try ExcelLoader.load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("row number 999999999999999999 is beyond Excel's 1048576 rows"), "\(error)")
        }
    }

    @Test func rowsWithoutNumbersCountOnFromTheLastOne() throws {
        let fixtures = Fixtures()
        let path = fixtures.directory + "/unnumbered.xlsx"
        try ExcelHostileInputTests.writeSingleSheet(path, rows:
            "<row><c t=\"inlineStr\"><is><t>id</t></is></c><c t=\"inlineStr\"><is><t>n</t></is></c></row>"
            + "<row><c><v>1</v></c><c><v>10</v></c></row><row><c><v>2</v></c></row>")
        let r = try ExcelLoader.load(path: path)
        #expect(r.table.columnNames == ["id", "n"])
        #expect(r.table.lineage?.line == [2, 3])
        #expect(r.table["n"]?.int64s?[0] == 10)
        #expect(r.table["n"]?.int64s?[1] == nil)
    }
}
