import Columns
import Foundation
import Snapshot

@testable import Query

/// A small generated snapshot with what breaks engines: nulls in every column type, Chinese
/// text, a customer id that occurs twice, orders of unknown or null customers, dates across
/// years, amounts in halves (so sums are exact in any order). Deterministic from `seed`.
enum QueryFixture {
    static let asOf = Int32(CivilDate.days(year: 2025, month: 6, day: 30))

    /// With `repeatedID`, customer C0006 occurs twice (aggregates then join through the kernel).
    static func tables(seed: UInt64 = 20_250_630, customers n: Int = 400, ordersPerCustomer: Int = 5, repeatedID: Bool = true) -> [Table] {
        var g = ParserFuzzTests.Generator(state: seed)
        func chance(_ percent: Int) -> Bool { g.below(100) < percent }
        func day(_ y: Int, _ m: Int, _ d: Int) -> Int32 { Int32(CivilDate.days(year: y, month: m, day: d)) }
        let surnames = ["张", "李", "王", "刘", "陈", "O'Brien ", "Smith "]
        let given = ["明", "伟", "芳", "小明", "丽娟", "Ann", "  Bob  "]
        let regions: [String?] = ["华东", "华南", "华北", "西南", nil]
        let domains = ["@qq.com", "@163.com", "@Example.COM", "@gmail.com"]

        var ids = [String?](), names = [String?](), emails = [String?](), region = [String?](), grade = [String?]()
        var vip = [Bool?](), created = [Int64?](), first = [Int32?](), last = [Int32?](), value = [Double?](), count = [Int64?]()
        for i in 0..<n {
            ids.append(i == 7 && repeatedID ? "C0006" : String(format: "C%04d", i))
            let company = chance(15) ? "有限公司" : ""
            names.append(chance(8) ? nil : (i == 3 ? "O'Brien" : surnames[g.below(surnames.count)] + given[g.below(given.count)] + company))
            emails.append(chance(10) ? nil : "u\(i)" + domains[g.below(domains.count)])
            region.append(regions[g.below(regions.count)])
            grade.append(chance(20) ? nil : ["A", "B", "C"][g.below(3)])
            vip.append(chance(15) ? nil : chance(30))
            let firstDay = day(2022, 1, 1) + Int32(g.below(1200))
            first.append(chance(10) ? nil : firstDay)
            last.append(chance(12) ? nil : firstDay + Int32(g.below(600)))
            created.append(chance(5) ? nil : Int64(firstDay - Int32(g.below(90))) * 86_400 + Int64(g.below(86_400)))
            value.append(chance(10) ? nil : Double(g.below(20_000)) / 2)
            count.append(chance(10) ? nil : Int64(g.below(12)))
        }
        let customers = try! Table(name: "customers", columns: [
            ("customer_id", .string(StringColumn(ids))), ("name", .string(StringColumn(names))),
            ("email", .string(StringColumn(emails))), ("region", .string(StringColumn(region).dictionaryEncoded())),
            ("vip", .bool(PrimitiveColumn(vip, zero: false))), ("created_at", .timestamp(PrimitiveColumn(created, zero: 0))),
            ("first_order", .date(PrimitiveColumn(first, zero: 0))), ("last_order", .date(PrimitiveColumn(last, zero: 0))),
            ("lifetime_value", .double(PrimitiveColumn(value, zero: 0))), ("order_count", .int64(PrimitiveColumn(count, zero: 0))),
            ("客户等级", .string(StringColumn(grade))),
        ])

        var oid = [String?](), ocust = [String?](), odate = [Int32?](), amount = [Double?](), channel = [String?](), qty = [Int64?](), paid = [Bool?]()
        for i in 0..<(n * ordersPerCustomer) {
            oid.append("O\(i)")
            let c = g.below(n + 20)
            ocust.append(chance(2) ? nil : (c < n ? String(format: "C%04d", c) : "X\(c)"))
            odate.append(chance(4) ? nil : day(2023, 1, 1) + Int32(g.below(910)))
            amount.append(chance(5) ? nil : Double(g.below(6000)) / 2)
            channel.append(chance(5) ? nil : ["微信", "天猫", "京东", "线下"][g.below(4)])
            qty.append(chance(5) ? nil : Int64(g.below(5)))
            paid.append(chance(5) ? nil : chance(70))
        }
        let orders = try! Table(name: "orders", columns: [
            ("order_id", .string(StringColumn(oid))), ("customer_id", .string(StringColumn(ocust))),
            ("order_date", .date(PrimitiveColumn(odate, zero: 0))), ("amount", .double(PrimitiveColumn(amount, zero: 0))),
            ("channel", .string(StringColumn(channel).dictionaryEncoded())), ("quantity", .int64(PrimitiveColumn(qty, zero: 0))),
            ("paid", .bool(PrimitiveColumn(paid, zero: false))),
        ])

        var tid = [String?](), tcust = [String?](), tcreated = [Int64?](), sat = [Int64?]()
        for i in 0..<(n * 2) {
            tid.append("T\(i)")
            tcust.append(String(format: "C%04d", g.below(n)))
            tcreated.append(chance(5) ? nil : Int64(day(2024, 6, 1)) * 86_400 + Int64(g.below(400 * 86_400)))
            sat.append(chance(20) ? nil : Int64(1 + g.below(5)))
        }
        let tickets = try! Table(name: "tickets", columns: [
            ("ticket_id", .string(StringColumn(tid))), ("customer_id", .string(StringColumn(tcust))),
            ("created_at", .timestamp(PrimitiveColumn(tcreated, zero: 0))), ("satisfaction", .int64(PrimitiveColumn(sat, zero: 0))),
        ])
        return [customers, orders, tickets]
    }

    /// Writes the fixture as a snapshot folder and returns its path.
    static func writeSnapshot(seed: UInt64 = 20_250_630, segments: [String: String] = [:], repeatedID: Bool = true) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("query-fixture-\(UUID().uuidString)").path
        try SnapshotWriter.write(tables: tables(seed: seed, repeatedID: repeatedID), asOf: asOf, to: dir)
        if !segments.isEmpty {
            try JSONSerialization.data(withJSONObject: segments).write(to: URL(fileURLWithPath: dir + "/" + SegmentFile.fileName))
        }
        return dir
    }
}
