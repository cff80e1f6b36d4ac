import Columns
import Testing
@testable import Ingest

struct HeaderMappingTests {
    @Test(arguments: [
        ("客户名称", CanonicalTable.customers, "name"),
        ("手机", .customers, "phone"),
        ("手机号", .customers, "phone"),
        ("邮箱", .customers, "email"),
        ("公司", .customers, "company"),
        ("负责人", .customers, "owner"),
        ("创建时间", .customers, "created_at"),
        ("订单号", .orders, "order_id"),
        ("下单日期", .orders, "order_date"),
        ("金额", .orders, "amount"),
        ("Customer ID", .orders, "customer_id"),
        ("customer_id", .orders, "customer_id"),
        ("Record ID", .opportunities, "opportunity_id"),
        ("Id", .customers, "customer_id"),
        ("StageName", .opportunities, "stage"),
        ("CreatedDate", .tickets, "created_at"),
        ("Ｅｍａｉｌ", .customers, "email"),  // full-width letters
    ])
    func alias(_ header: String, _ table: CanonicalTable, _ canonical: String) {
        #expect(HeaderAliases.canonical(for: header, in: table) == canonical)
    }

    @Test(arguments: [("客户级别", CanonicalTable.customers), ("金额", .customers), ("whatever", .orders)])
    func noAlias(_ header: String, _ table: CanonicalTable) {
        #expect(HeaderAliases.canonical(for: header, in: table) == nil)
    }

    @Test func explicitMapWinsOverAliases() throws {
        let m = try HeaderMapping.map(headers: ["客户名称", "联系人", "id"], table: .customers,
                                      columnMap: ["name": "联系人"], path: "x.csv")
        #expect(m.columns.map(\.name) == ["customer_id", "name", "客户名称"])
        #expect(m.columns.first { $0.name == "name" }?.header == "联系人")
        #expect(m.unmappedHeaders == ["客户名称"])
    }

    @Test func missingKeyIsAnErrorListingHeaders() {
        #expect {
            try HeaderMapping.map(headers: ["name", "email"], table: .customers, columnMap: [:], path: "c.csv")
        } throws: { error in
            let s = "\(error)"
            return s.contains("c.csv:1") && s.contains("customer_id") && s.contains("name, email")
        }
    }

    @Test func mappedHeaderThatIsAbsentSuggestsTheNearest() {
        #expect {
            try HeaderMapping.map(headers: ["cust_no", "Phone"], table: .customers, columnMap: ["customer_id": "cust_nr"],
                                  path: "c.csv")
        } throws: { error in
            "\(error)".contains("did you mean `cust_no`")
        }
    }

    @Test func unknownCanonicalColumnInMapIsAnError() {
        #expect(throws: IngestError.self) {
            try HeaderMapping.map(headers: ["id"], table: .customers, columnMap: ["colour": "id"], path: "c.csv")
        }
    }
}
