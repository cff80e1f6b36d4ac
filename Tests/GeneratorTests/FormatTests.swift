import Testing
@testable import Generator

@Suite struct FormatTests {
    static let customers = GeneratedSample.customersTable.rows

    /// Phone shapes a real CRM export mixes; each must occur in the generated customers.
    @Test(arguments: [
        ("CN mobile, bare", #"1[3-9]\d{9}"#),
        ("CN mobile, +86 grouped", #"\+86 1\d{2} \d{4} \d{4}"#),
        ("CN mobile, 0086 dashed", #"0086-1\d{2}-\d{4}-\d{4}"#),
        ("CN mobile, +86 run-on", #"\+861\d{10}"#),
        ("CN mobile, dashed", #"1\d{2}-\d{4}-\d{4}"#),
        ("landline, area-local", #"0\d{2,3}-\d{7,8}"#),
        ("landline, (area) grouped", #"\(0\d{2,3}\) \d{3,4} \d{4}.*"#),
        ("landline with extension", #"0.*(ext \d+| 转\d+| x\d+)"#),
        ("international, +1 grouped", #"\+1 \d{3} \d{3} \d{4}"#),
        ("international, other country", #"\+(44|65|81|61|49|33)[ -]?\d.*"#),
        ("400 service number", #"400-?\d{3}-?\d{4}"#),
    ])
    func phoneFormatsPresent(_ label: String, _ pattern: String) throws {
        let regex = try Regex(pattern)
        let phones = Self.customers.map { $0["phone"]! }
        #expect(phones.contains { (try? regex.wholeMatch(in: $0)) != nil }, "no phone written as \(label)")
    }

    @Test func mostPhonesAreWellFormed() throws {
        let digits = Self.customers.map { TestNormalizer.phone($0["phone"]!) }.filter { !$0.isEmpty }
        let plausible = digits.filter { (7...15).contains($0.count) }
        #expect(Double(plausible.count) / Double(digits.count) > 0.99)
        let missing = Self.customers.filter { $0["phone"]!.isEmpty }.count
        #expect(missing > 0 && Double(missing) / Double(Self.customers.count) < 0.2)
    }

    @Test func emailsLookReal() throws {
        let emails = Self.customers.map { $0["email"]! }.filter { !$0.isEmpty }
        let shape = try Regex(#"[A-Za-z0-9._]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#)
        let valid = emails.filter { (try? shape.wholeMatch(in: $0)) != nil }
        #expect(Double(valid.count) / Double(emails.count) > 0.93)
        for domain in ["@qq.com", "@163.com", "@gmail.com", ".com.cn"] {
            #expect(emails.contains { $0.hasSuffix(domain) }, "no \(domain) address")
        }
        #expect(emails.contains { $0.first!.isNumber && $0.hasSuffix("@qq.com") }, "no numeric QQ mailbox")
    }

    @Test(arguments: ["有限公司", "股份有限公司", "有限责任公司", " Inc.", "Co., Ltd.", "（"])
    func companyLegalFormsPresent(_ marker: String) {
        #expect(Self.customers.contains { $0["company"]!.contains(marker) })
    }

    @Test func companiesAreSharedBySeveralContacts() {
        var counts: [String: Int] = [:]
        for c in Self.customers where !c["company"]!.isEmpty { counts[c["company"]!, default: 0] += 1 }
        #expect(counts.values.contains { $0 >= 3 })
        #expect(Self.customers.contains { $0["company"]!.isEmpty }, "no private customers")
    }

    @Test func namesAreChineseAndEnglish() {
        let names = Self.customers.map { $0["name"]! }
        let chinese = names.filter { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }.count
        let latin = names.filter { $0.unicodeScalars.allSatisfy { $0.isASCII } && $0.contains(" ") }.count
        #expect(Double(chinese) / Double(names.count) > 0.7)
        #expect(latin > 50)
    }

    @Test func regionIsAProvinceFromTheRegionList() {
        let provinces = Set(Geography.provinces.flatMap { [$0.short, $0.full] } + [Geography.overseasRegion])
        let regions = Self.customers.map { $0["region"]! }
        #expect(regions.allSatisfy { provinces.contains($0) })
        // Both systems' spellings occur: 广东 (crm_a) and 广东省 (erp_b).
        #expect(regions.contains("广东") && regions.contains("广东省"))
        #expect(Set(regions).count > 25)
    }

    @Test func ownersAreASalesTeam() {
        let owners = Set(Self.customers.map { $0["owner"]! })
        #expect(owners.count >= 8 && owners.count <= 60)
        #expect(!owners.contains(""))
    }

    @Test(arguments: [("orders.csv", "channel"), ("orders.csv", "status"), ("orders.csv", "currency"),
                      ("interactions.csv", "type"), ("interactions.csv", "channel"), ("interactions.csv", "outcome"),
                      ("tickets.csv", "channel"), ("tickets.csv", "status"), ("opportunities.csv", "source")])
    func categoricalColumnsVary(_ file: String, _ column: String) {
        let values = Set(GeneratedSample.table(file).rows.map { $0[column]! })
        #expect(values.count >= 2, "\(file).\(column) has one value")
        #expect(!values.contains(""))
    }
}
