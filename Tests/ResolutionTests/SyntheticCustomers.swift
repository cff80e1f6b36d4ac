import Columns
@testable import Resolution

/// A synthetic customers table with known truth, built the way duplicates arise in real CRM
/// migrations: the same person entered in several systems with typos, transposed letters,
/// swapped name order, nicknames, full-width input, reformatted or mistyped phones, missing
/// e-mail or phone, a move to another city — and hard non-duplicates: namesakes in one city,
/// family members sharing a home phone and address, colleagues sharing a switchboard number.
struct SyntheticCustomers {
    var table: Table
    /// Person id per row: rows with the same id are the same customer.
    var entity: [Int]

    struct Person {
        var name: String, latin: Bool, given: String, family: String
        var email: String?, phone: String?, company: String?, city: String
        var birth: (Int, Int, Int)?, address: String?, idNumber: String?
    }

    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "欧阳", "司马"]
    static let surnamePinyin = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "ouyang", "sima"]
    static let givenChars = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯晨欣怡佳琪子涵梓轩雨泽思远俊博天翔雪梅海燕")
    static let homophones: [Character: Character] = ["伟": "玮", "芳": "方", "娜": "那", "敏": "民", "静": "晶", "丽": "莉", "强": "墙", "磊": "蕾",
                                                   "军": "君", "洋": "阳", "明": "铭", "华": "桦", "红": "宏", "鹏": "朋", "辉": "晖", "文": "雯"]
    static let latinFirst = ["John", "Robert", "William", "Michael", "James", "Elizabeth", "Katherine", "Jennifer", "Thomas", "Daniel",
                             "David", "Anthony", "Andrew", "Christopher", "Margaret", "Susan", "Peter", "Richard", "Jessica", "Samuel"]
    static let latinLast = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
                            "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker",
                            "Robinson", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson"]
    static let nick = ["Robert": "Bob", "William": "Bill", "Michael": "Mike", "James": "Jim", "Elizabeth": "Liz", "Katherine": "Kate",
                       "Jennifer": "Jenny", "Thomas": "Tom", "Daniel": "Dan", "David": "Dave", "Anthony": "Tony", "Andrew": "Andy",
                       "Christopher": "Chris", "Margaret": "Peggy", "Susan": "Sue", "Peter": "Pete", "Richard": "Rick", "Samuel": "Sam"]
    static let cities = ["北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "苏州", "天津", "重庆"]
    static let domains = ["qq.com", "163.com", "126.com", "gmail.com", "sina.com", "outlook.com", "foxmail.com"]
    static let companies = ["星辰科技有限公司", "华夏贸易股份有限公司", "东方物流有限责任公司", "Acme Co., Ltd.", "蓝海网络科技有限公司",
                            "长江制造集团", "Globex Inc.", "金桥咨询有限公司", "天元医药股份有限公司", "北辰建设集团有限公司"]
    static let streets = ["中山路", "人民路", "解放路", "建设路", "和平路", "长江路", "黄河路", "新华路", "南京路", "淮海路"]

    init(people count: Int, seed: UInt64, duplicateShare: Double = 0.35, switchboardColleagues: Int = 0) {
        var g = SplitMix64(seed: seed)
        func uniform() -> Double { Double(g.next() >> 11) / Double(1 << 53) }
        func int(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        func chance(_ p: Double) -> Bool { uniform() < p }
        func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
        func digits(_ n: Int) -> String { (0..<n).map { _ in String(int(10)) }.joined() }

        var people: [Person] = []
        var usedPhones = Set<String>(), usedEmails = Set<String>()
        func freshPhone() -> String {
            while true {
                let p = "1" + String(pick([3, 5, 7, 8, 9])) + digits(9)
                if usedPhones.insert(p).inserted { return p }
            }
        }
        func freshEmail(_ stem: String) -> String {
            while true {
                let e = stem + (chance(0.5) ? "." : "") + digits(int(4) + 1) + "@" + pick(Self.domains)
                if usedEmails.insert(e).inserted { return e }
            }
        }
        func newPerson(family: Person? = nil) -> Person {
            let latin = family.map(\.latin) ?? chance(0.25)
            var name: String, given: String, fam: String, stem: String
            if latin {
                given = pick(Self.latinFirst.filter { $0 != family?.given }); fam = family?.family ?? pick(Self.latinLast)
                name = given + " " + fam; stem = given.lowercased() + "." + fam.lowercased()
            } else {
                let si = family.map { f in Self.surnames.firstIndex(of: f.family)! } ?? int(Self.surnames.count)
                fam = Self.surnames[si]
                repeat {
                    given = String(pick(Self.givenChars)) + (chance(0.6) ? String(pick(Self.givenChars)) : "")
                } while given == family?.given
                name = fam + given; stem = Self.surnamePinyin[si] + String(Character(UnicodeScalar(UInt8(97 + int(26)))))
            }
            let city = family?.city ?? pick(Self.cities)
            return Person(
                name: name, latin: latin, given: given, family: fam,
                email: chance(0.8) ? freshEmail(stem) : nil,
                phone: family?.phone ?? (chance(0.85) ? freshPhone() : nil),
                company: chance(0.6) ? pick(Self.companies) : nil, city: city,
                birth: chance(0.6) ? (1950 + int(55), 1 + int(12), 1 + int(28)) : nil,
                address: family?.address ?? (chance(0.5) ? pick(Self.streets) + String(1 + int(300)) + "号" + String(1 + int(30)) + "栋" + String(101 + int(20)) + "室" : nil),
                idNumber: chance(0.3) ? Self.residentID(digits(6), family?.birth ?? (1950 + int(55), 1 + int(12), 1 + int(28)), digits(3)) : nil)
        }

        // Base people, plus hard negatives: namesakes in the same city and family members.
        for _ in 0..<count {
            var p = newPerson()
            if chance(0.08), let other = people.last {  // namesake in the same city, different person
                p.name = other.name; p.given = other.given; p.family = other.family; p.latin = other.latin; p.city = other.city
            }
            if p.email == nil && p.phone == nil { p.phone = freshPhone() }  // a customer record has some contact
            people.append(p)
            if chance(0.05) {  // shares phone and address
                var member = newPerson(family: p)
                if member.email == nil && member.phone == nil { member.email = freshEmail(member.given.lowercased()) }
                people.append(member)
            }
        }
        // Colleagues behind one switchboard: one block far over any sane cap.
        let switchboard = "010-8888" + digits(4)
        for _ in 0..<switchboardColleagues {
            var p = newPerson()
            p.phone = switchboard
            p.company = "星辰科技有限公司"
            people.append(p)
        }

        var rows: [(entity: Int, p: Person, source: String, created: Int64)] = []
        for (e, p) in people.enumerated() {
            rows.append((e, p, pick(["salesforce", "hubspot", "excel"]), Int64(1_600_000_000 + int(100_000_000))))
            guard chance(duplicateShare) else { continue }
            for _ in 0..<(1 + (chance(0.3) ? 1 : 0) + (chance(0.1) ? 1 : 0)) {
                rows.append((e, Self.corrupt(p, g: &g), pick(["salesforce", "hubspot", "excel", "odoo"]), Int64(1_600_000_000 + int(100_000_000))))
            }
        }
        // Shuffle so duplicates are not adjacent.
        for i in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(i, int(i + 1)) }

        var id = StringBuilder(), name = StringBuilder(), email = StringBuilder(), phone = StringBuilder(), company = StringBuilder()
        var city = StringBuilder(), source = StringBuilder(), birth = StringBuilder(), address = StringBuilder(), idn = StringBuilder()
        var created = PrimitiveBuilder<Int64>(zero: 0)
        for (i, r) in rows.enumerated() {
            id.append("C\(i)"); name.append(r.p.name); email.append(r.p.email); phone.append(r.p.phone); company.append(r.p.company)
            city.append(r.p.city); source.append(r.source); created.append(r.created); address.append(r.p.address); idn.append(r.p.idNumber)
            birth.append(r.p.birth.map { String.format4($0.0) + "-" + String.pad2($0.1) + "-" + String.pad2($0.2) })
        }
        table = try! Table(name: "customers", columns: [
            ("customer_id", .string(id.finish())), ("name", .string(name.finish())), ("email", .string(email.finish())),
            ("phone", .string(phone.finish())), ("company", .string(company.finish())), ("city", .string(city.finish())),
            ("source", .string(source.finish())), ("created_at", .timestamp(created.finish())),
            ("birth_date", .string(birth.finish())), ("address", .string(address.finish())), ("id_number", .string(idn.finish())),
        ])
        entity = rows.map(\.entity)
    }

    /// One more record of the same person, as another system or another sales rep typed it.
    static func corrupt(_ p: Person, g: inout SplitMix64) -> Person {
        func uniform() -> Double { Double(g.next() >> 11) / Double(1 << 53) }
        func int(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        func chance(_ x: Double) -> Bool { uniform() < x }
        var q = p
        // Name.
        if p.latin {
            switch int(7) {
            case 0: q.name = p.family + ", " + p.given
            case 1: q.name = p.family + " " + p.given
            case 2: q.name = (nick[p.given] ?? p.given) + " " + p.family
            case 3: q.name = transpose(p.given, at: 1 + int(max(1, p.given.count - 2))) + " " + p.family
            case 4: q.name = p.name.uppercased()
            case 5: q.name = fullWidth(p.name)
            default: break
            }
        } else {
            switch int(6) {
            case 0: q.name = p.family + " " + p.given
            case 1: q.name = fullWidth(" " + p.name + " ")
            case 2:
                let chars = Array(p.given)
                if let i = chars.indices.first(where: { homophones[chars[$0]] != nil }) {
                    var c = chars; c[i] = homophones[chars[i]]!
                    q.name = p.family + String(c)
                }
            default: break
            }
        }
        // E-mail: dropped, shouted, or a domain slip.
        if let e = p.email {
            switch int(6) {
            case 0, 1: q.email = nil
            case 2: q.email = " " + e.uppercased()
            case 3: q.email = e.replacingDomain()
            default: break
            }
        }
        // Phone: dropped, reformatted, or one digit mistyped.
        if let ph = p.phone, ph.count == 11 {
            switch int(7) {
            case 0: q.phone = nil
            case 1: q.phone = "+86 " + ph.prefix(3) + "-" + ph.dropFirst(3).prefix(4) + "-" + ph.suffix(4)
            case 2: q.phone = "0086" + ph
            case 3: q.phone = fullWidth(ph.prefix(3) + " " + ph.dropFirst(3).prefix(4) + " " + ph.suffix(4))
            case 4: q.phone = transpose(ph, at: 3 + int(7))
            default: break
            }
        }
        if chance(0.15) {  // moved: another city, another address
            q.city = cities[int(cities.count)]
            q.address = nil
        }
        if let c = p.company, chance(0.3) { q.company = chance(0.5) ? nil : c.replacingOccurrencesOfSuffix() }
        if let b = p.birth, chance(0.2) { q.birth = chance(0.5) ? nil : (b.0, b.2 <= 12 ? b.2 : b.1, b.2 <= 12 ? b.1 : b.2) }
        if chance(0.3) { q.address = nil }
        // A record keeps at least one way to reach or identify the person.
        if q.email == nil && q.phone == nil && q.birth == nil && q.idNumber == nil {
            q.phone = p.phone
            q.email = p.email
        }
        return q
    }

    static func transpose(_ s: String, at i: Int) -> String {
        var c = Array(s)
        guard i + 1 < c.count else { return s }
        c.swapAt(i, i + 1)
        return String(c)
    }

    static func fullWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { c in
            c.value >= 0x21 && c.value <= 0x7E ? Unicode.Scalar(c.value + 0xFEE0)! : (c == " " ? "\u{3000}" : c)
        }))
    }

    static func residentID(_ area: String, _ birth: (Int, Int, Int), _ seq: String) -> String {
        let body = area + String.format4(birth.0) + String.pad2(birth.1) + String.pad2(birth.2) + seq
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return body + String(Array("10X98765432")[sum % 11])
    }
}


extension String {
    static func pad2(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }
    static func format4(_ v: Int) -> String { String(repeating: "0", count: Swift.max(0, 4 - String(v).count)) + String(v) }

    func replacingDomain() -> String {
        let typos = ["qq.com": "qq.con", "163.com": "163.con", "gmail.com": "gmial.com", "126.com": "126.cn", "sina.com": "sina.cn",
                     "outlook.com": "outlok.com", "foxmail.com": "foxmial.com"]
        guard let at = lastIndex(of: "@") else { return self }
        let d = String(self[index(after: at)...])
        return String(self[...at]) + (typos[d] ?? d)
    }

    func replacingOccurrencesOfSuffix() -> String {
        if hasSuffix("股份有限公司") { return String(dropLast(6)) + "有限公司" }
        if hasSuffix("有限公司") { return String(dropLast(4)) + "股份有限公司" }
        if hasSuffix("Co., Ltd.") { return String(dropLast(9)) + "Ltd" }
        if hasSuffix("Inc.") { return String(dropLast(4)) + "Incorporated" }
        return self + "有限公司"
    }
}
