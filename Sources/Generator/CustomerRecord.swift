/// One customer row's text fields, as a given source system writes them. The primary row of an
/// entity is rendered straight from it; a duplicate starts from the same rendering and is edited.
struct CustomerRecord {
    var name: String
    var email: String
    var phone: String
    var company: String
    var industry: String
    var region: String
    var city: String
    var owner: Int
    var tags: String

    /// `entity` as `system` (0 crm_a, 1 erp_b) stores it: crm_a keeps short province and city names
    /// and `;` between tags; erp_b writes official names (广东省, 深圳市) and `,` between tags.
    init(_ entity: Entity, system: Int, phoneStyle: Int, population: Population, texts: CompanyTexts) {
        let company = entity.company >= 0 ? population.companies[Int(entity.company)] : nil
        name = entity.name.canonical
        if entity.hasEmail {
            let domain = entity.email.freeDomain < 0 && company != nil ? texts.domain(Int(entity.company))
                                                                         : entity.email.domain(company: company)
            email = entity.email.localPart(entity.name) + "@" + domain
        } else {
            email = ""
        }
        if entity.hasPhone {
            texts.scratch.removeAll(keepingCapacity: true)
            entity.phone.render(style: phoneStyle, into: &texts.scratch)
            phone = String(decoding: texts.scratch, as: UTF8.self)
        } else {
            phone = ""
        }
        self.company = company != nil ? texts.name(Int(entity.company)) : ""
        industry = company?.industryLabel ?? ""
        region = ""
        city = ""
        owner = Int(entity.owner)
        var tagList: [String] = []
        for (bit, tag) in Entity.tagNames.enumerated() where entity.tags & (1 << UInt8(bit)) != 0 { tagList.append(tag) }
        tags = tagList.isEmpty ? "" : tagList.joined(separator: system == 0 ? ";" : ",")
        place(cityIndex: Int(entity.city), overseas: Int(entity.overseas), system: system)
        if let hostile = entity.hostile { apply(hostile, entity: entity, system: system, population: population) }
    }

    mutating func place(cityIndex: Int, overseas: Int, system: Int) {
        if cityIndex >= 0 {
            let (p, c) = Geography.cities[cityIndex]
            region = system == 0 ? Geography.provinces[p].short : Geography.provinces[p].full
            city = system == 0 ? c.name : c.name + "市"
        } else {
            region = Geography.overseasRegion
            city = Geography.overseas[max(0, overseas)].name
        }
    }

    private mutating func apply(_ hostile: HostileCase, entity: Entity, system: Int, population: Population) {
        // Each case picks its variant from the entity's own numbers, so it is stable per seed.
        let pick = Int(entity.created % 5)
        switch hostile {
        case .sharedSwitchboard:
            var bytes: [UInt8] = []
            let board = HostileCase.switchboards[Int(entity.created % 3)]
            board.render(style: pick, into: &bytes)
            phone = String(decoding: bytes, as: UTF8.self)
        case .emptyName:
            name = ""
        case .placeholderName:
            name = ["未知", "N/A", "测试客户", "-", "null"][pick]
        case .malformedEmail:
            email = ["none", "无", "wang@", "n/a", "test@@example.com"][pick]
        case .malformedPhone:
            phone = ["无", "138-1234-567", "0000000000", "12345", "N/A"][pick]
        case .paddedName:
            name = [" " + name, name + " ", "  " + name + "  ", name + "\u{3000}", "\t" + name][pick]
        case .newlineInTags:
            tags = tags.isEmpty ? "VIP\n重点跟进" : tags + "\n重点跟进"
        case .quoteInName:
            if entity.name.chinese {
                name += "\"小" + entity.name.surnameText + "\""
            } else {
                let nick = EnglishNames.firstNames[Int(entity.name.first)].1.first ?? entity.name.firstText
                name = entity.name.firstText + " \"" + nick + "\" " + entity.name.lastText
            }
        }
    }
}

/// Company names and mail domains, built once per company instead of once per contact. One per
/// writing task (not shared between threads), filled on first use.
final class CompanyTexts {
    private let companies: [Company]
    private var names: [String?]
    private var domains: [String?]
    /// Reusable bytes for rendering phones.
    var scratch: [UInt8] = []

    init(_ companies: [Company]) {
        self.companies = companies
        names = Array(repeating: nil, count: companies.count)
        domains = Array(repeating: nil, count: companies.count)
        scratch.reserveCapacity(64)
    }

    func name(_ i: Int) -> String {
        if let n = names[i] { return n }
        let n = companies[i].name()
        names[i] = n
        return n
    }

    func domain(_ i: Int) -> String {
        if let d = domains[i] { return d }
        let d = companies[i].domain
        domains[i] = d
        return d
    }
}
