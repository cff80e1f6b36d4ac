import Testing
import Columns
@testable import Ingest

@Test func smoke() throws {
    let f = Fixtures()
    let p = f.write("c.csv", "客户编号,客户名称,手机,创建时间,extra\nC1,张三,13800000000,2024-03-05 10:00,x\nC2,李四,,2024/3/6,y\nC1,dup,1,2024-01-01,z\nC3,bad,1,notadate,w\n")
    let r = try CSVLoader.load(path: p, options: CSVOptions(table: .customers))
    print(r.table.columnNames, r.account, r.quarantine, r.unmappedHeaders)
    for row in 0..<r.table.rowCount { print(r.table.columns.map { $0.text(at: row) ?? "∅" }) }
}
