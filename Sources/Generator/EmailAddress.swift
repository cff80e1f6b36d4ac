/// How an entity's mailbox is spelled: a local-part pattern over the person's (pinyin) name and a
/// domain, the company's or a free-mail provider's.
struct EmailAddress: Sendable {
    var style: UInt8
    /// Index into the free-mail list, or -1 for the company's domain.
    var freeDomain: Int8
    var number: UInt32

    static let chineseFreeDomains: [(String, Double)] = [
        ("qq.com", 30), ("163.com", 25), ("126.com", 10), ("sina.com", 5), ("foxmail.com", 5), ("139.com", 5),
        ("aliyun.com", 3), ("hotmail.com", 4), ("gmail.com", 5), ("outlook.com", 5), ("yahoo.com", 1), ("icloud.com", 2),
    ]
    static let chineseFreeCumulative = cumulativeWeights(chineseFreeDomains.map(\.1))
    static let englishFreeCumulative = cumulativeWeights([0, 0, 0, 0, 0, 0, 0, 10, 40, 20, 15, 10])

    /// Misspelt domains as people really type them.
    static let domainTypos: [String: String] = [
        "gmail.com": "gmial.com", "163.com": "163.con", "qq.com": "qq.co", "hotmail.com": "hotmial.com",
        "outlook.com": "outlok.com", "yahoo.com": "yaho.com", "126.com": "126.cm", "sina.com": "sina.cn",
        "foxmail.com": "foxmai.com", "139.com": "139.con", "aliyun.com": "aliyun.cm", "icloud.com": "icould.com",
    ]

    static let styleCount = 5

    static func random(name: PersonName, hasCompany: Bool, _ rng: inout Xoshiro256) -> EmailAddress {
        let useCompany = hasCompany && rng.chance(0.55)
        let domain: Int8 = useCompany ? -1
            : Int8(rng.pick(cumulative: name.chinese ? chineseFreeCumulative : englishFreeCumulative))
        // QQ users often keep the numeric QQ id as the mailbox.
        let style: UInt8 = (domain == 0 && rng.chance(0.6)) ? 5 : UInt8(rng.below(styleCount))
        return EmailAddress(style: style, freeDomain: domain,
                            number: style == 5 ? UInt32(10_000_000 + rng.below(2_000_000_000)) : UInt32(rng.below(100)))
    }

    func domain(company: Company?) -> String {
        if freeDomain < 0, let company { return company.domain }
        return EmailAddress.chineseFreeDomains[Int(max(0, freeDomain))].0
    }

    func localPart(_ name: PersonName) -> String {
        if style == 5 { return String(number) }
        let num = String(number)
        if name.chinese {
            let s = name.surnamePinyin
            let g = name.givenPinyin
            let initials = String(ChineseNames.givenChars[Int(name.given1)].syllable.pinyin.prefix(1))
                + (name.given2 >= 0 ? String(ChineseNames.givenChars[Int(name.given2)].syllable.pinyin.prefix(1)) : "")
            switch style {
            case 0: return s + g
            case 1: return s + "." + g
            case 2: return g + "." + s
            case 3: return s + g + num
            default: return initials + s
            }
        }
        let f = name.firstText.lowercased()
        let l = name.lastText.lowercased().filter { $0.isLetter && $0.isASCII }
        switch style {
        case 0: return f + "." + l
        case 1: return String(f.prefix(1)) + l
        case 2: return f + "_" + l
        case 3: return f + l + num
        default: return f
        }
    }

    func address(_ name: PersonName, company: Company?) -> String {
        localPart(name) + "@" + domain(company: company)
    }
}
