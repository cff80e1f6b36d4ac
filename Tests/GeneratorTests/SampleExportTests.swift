import Foundation
import Testing
@testable import Generator

/// The GBK export in sample-data/gbk is the UTF-8 customers table as a Chinese CRM writes it.
@Suite struct SampleExportTests {
    /// GB18030, which Foundation on Linux uses to decode GBK (GBK is a subset).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static let gbkBytes = FileManager.default.contents(atPath: SampleData.path("gbk/customers.csv")) ?? Data()

    static let gbk: (header: [String], rows: [[String: String]]) = {
        let text = String(data: gbkBytes, encoding: gb18030) ?? ""
        return CSVTestReader.table(text)
    }()

    static func utf8(_ name: String) -> [[String: String]] {
        (try? CSVTestReader.table(atPath: SampleData.path("csv/" + name)).rows) ?? []
    }

    @Test func fileIsGBKNotUTF8() {
        #expect(!Self.gbkBytes.isEmpty)
        #expect(String(data: Self.gbkBytes, encoding: .utf8) == nil, "the export should be GBK bytes, not UTF-8")
        #expect(String(data: Self.gbkBytes, encoding: Self.gb18030) != nil)
        #expect(Self.gbkBytes.starts(with: Array("客户编号".data(using: Self.gb18030)!)))
        // Excel on Windows ends lines with CRLF.
        #expect(Self.gbkBytes.firstRange(of: Data([0x0D, 0x0A])) != nil)
    }

    @Test func headersAreChinese() {
        #expect(Self.gbk.header == ["客户编号", "客户名称", "手机", "邮箱", "公司", "所属行业", "省份", "城市", "客户来源", "负责人",
                                     "创建时间", "最后跟进时间", "累计成交金额", "标签"])
    }

    @Test func rowsMatchTheUTF8Customers() throws {
        let customers = Self.utf8("customers.csv")
        #expect(customers.count == GeneratorConfig.sampleData.customers)
        #expect(Self.gbk.rows.count == customers.count)
        let pairs: [(String, String)] = [("客户编号", "customer_id"), ("客户名称", "name"), ("手机", "phone"), ("邮箱", "email"),
                                         ("公司", "company"), ("所属行业", "industry"), ("省份", "region"), ("城市", "city"),
                                         ("客户来源", "source"), ("负责人", "owner"), ("标签", "tags")]
        let slash = try Regex(#"(\d{4})/(\d{1,2})/(\d{1,2}) (\d{1,2}):(\d{2})"#)
        for (g, u) in zip(Self.gbk.rows, customers) {
            for (zh, en) in pairs where g[zh] != u[en] {
                Issue.record("\(u["customer_id"]!): \(zh) = \(g[zh] ?? "nil"), \(en) = \(u[en]!)")
            }
            // 2024/3/5 9:07 ↔ 2024-03-05 09:07:xx
            guard let m = try slash.wholeMatch(in: g["创建时间"]!) else {
                Issue.record("创建时间 \(g["创建时间"]!) is not y/m/d h:mm"); continue
            }
            let (y, mo, d, h, mi) = (Int(m.output[1].substring!)!, Int(m.output[2].substring!)!, Int(m.output[3].substring!)!,
                                     Int(m.output[4].substring!)!, String(m.output[5].substring!))
            let iso = String(format: "%04d-%02d-%02d %02d:", y, mo, d, h) + mi
            #expect(u["created_at"]!.hasPrefix(iso), "\(g["创建时间"]!) vs \(u["created_at"]!)")
        }
    }

    @Test func lastFollowUpAndSpendComeFromTheEvents() throws {
        var last: [String: String] = [:]
        for i in Self.utf8("interactions.csv") { last[i["customer_id"]!] = max(last[i["customer_id"]!] ?? "", i["occurred_at"]!) }
        var spent: [String: Int] = [:]
        for o in Self.utf8("orders.csv") where o["status"] == "completed" {
            spent[o["customer_id"]!, default: 0] += Int(o["amount"]!.replacingOccurrences(of: ".", with: ""))!
        }
        let chinese = try Regex(#"(\d{4})年(\d{1,2})月(\d{1,2})日"#)
        var withSpend = 0
        for g in Self.gbk.rows {
            let id = g["客户编号"]!
            if let ts = last[id], let m = try chinese.wholeMatch(in: g["最后跟进时间"]!) {
                let iso = String(format: "%04d-%02d-%02d", Int(m.output[1].substring!)!, Int(m.output[2].substring!)!,
                                 Int(m.output[3].substring!)!)
                #expect(ts.hasPrefix(iso))
            } else {
                #expect(last[id] == nil && g["最后跟进时间"]!.isEmpty, "\(id): 最后跟进时间 \(g["最后跟进时间"]!)")
            }
            let amount = g["累计成交金额"]!
            if let cents = spent[id] {
                withSpend += 1
                let digits = amount.dropFirst().replacingOccurrences(of: ",", with: "").replacingOccurrences(of: ".", with: "")
                #expect(amount.first == "￥" || amount.first == "$")
                #expect(Int(digits) == cents, "\(id): \(amount) vs \(cents) cents")
            } else {
                #expect(amount.isEmpty)
            }
        }
        #expect(withSpend > 1000)
    }

    @Test func sqliteExportIsPresent() throws {
        let bytes = FileManager.default.contents(atPath: SampleData.path("sqlite/export.sqlite")) ?? Data()
        #expect(bytes.starts(with: Array("SQLite format 3\0".utf8)))
    }
}
