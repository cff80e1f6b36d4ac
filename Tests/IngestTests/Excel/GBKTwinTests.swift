import Columns
import Foundation
import Testing
@testable import Ingest

/// sample-data/gbk/customers.csv (GBK, Excel on Chinese Windows) and its xlsx twin
/// (scripts/make-xlsx-fixtures.py: 创建时间 as real date-time cells) load to the same table.
struct GBKTwinTests {
    static let columnMap = ["customer_id": "客户编号", "name": "客户名称", "phone": "手机", "email": "邮箱",
                            "company": "公司", "industry": "所属行业", "region": "省份", "city": "城市",
                            "source": "客户来源", "owner": "负责人", "created_at": "创建时间", "tags": "标签"]

    @Test func csvAndXlsxLoadToIdenticalTables() throws {
        let csvOptions = CSVOptions(columnMap: Self.columnMap, table: .customers)
        let csv = try CSVLoader.load(path: RepositoryFiles.sampleData("gbk/customers.csv"), options: csvOptions)
        let xlsx = try ExcelLoader.load(path: RepositoryFiles.sampleData("gbk/customers.xlsx"),
                                        options: ExcelOptions(sheet: "客户", like: csvOptions))
        #expect(csv.encoding == .gb18030)
        #expect(csv.account.rowsRead == 5000)
        #expect(xlsx.account.rowsRead == csv.account.rowsRead)
        #expect(xlsx.account.rowsLoaded == csv.account.rowsLoaded)
        #expect(xlsx.quarantine.map(\.line) == csv.quarantine.map(\.line))
        #expect(xlsx.table.columnNames == csv.table.columnNames)
        #expect(xlsx.table.rowCount == csv.table.rowCount)
        // Lineage is the sheet row; in the CSV it is the physical line, which a quoted multi-line
        // field (标签 of record 4976) moves one further for every later record.
        #expect(xlsx.table.lineage?.line == (2...5001).map(UInt32.init))
        #expect(csv.table.lineage.map { Array($0.line.prefix(4976)) } == (2...4977).map(UInt32.init))
        var differences: [String] = []
        for (name, a) in zip(csv.table.columnNames, csv.table.columns) {
            let b = try #require(xlsx.table[name])
            #expect(a.type == b.type, "\(name)")
            for row in 0..<csv.table.rowCount where a.text(at: row) != b.text(at: row) {
                if differences.count < 10 { differences.append("\(name) row \(row): \(a.text(at: row) ?? "null") vs \(b.text(at: row) ?? "null")") }
            }
        }
        #expect(differences.isEmpty, "\(differences)")
    }
}
