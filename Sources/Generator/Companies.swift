/// Company names built from parts, so hundreds of thousands of companies need only small tables,
/// and so a second system can write the same company another way (有限公司 ↔ 股份有限公司,
/// 北京华信科技有限公司 ↔ 华信科技（北京）有限公司, Inc. ↔ Co., Ltd.).
struct Company: Sendable {
    var chinese: Bool
    var brand: UInt16
    var industry: UInt8
    var word: UInt8
    /// Index into `Geography.cities` for the city prefix (Chinese names) or the branch city (English).
    var city: UInt16
    var legalForm: UInt8
    var domainStyle: UInt8
    var switchboard: PhoneNumber

    struct Industry: Sendable {
        let label: String
        let chineseWords: [(String, String)]
        let englishWords: [String]
    }

    static let industries: [Industry] = [
        Industry(label: "互联网", chineseWords: [("网络科技", "tech"), ("信息技术", "it"), ("软件", "soft"), ("数据科技", "data")],
                 englishWords: ["Technologies", "Software", "Digital", "Data Systems"]),
        Industry(label: "制造业", chineseWords: [("机械制造", "machinery"), ("精密机械", "precision"), ("电子", "elec"), ("新材料", "materials")],
                 englishWords: ["Manufacturing", "Industries", "Electronics", "Materials"]),
        Industry(label: "零售", chineseWords: [("商贸", "trade"), ("贸易", "trading"), ("百货", "retail")],
                 englishWords: ["Trading", "Retail", "Stores"]),
        Industry(label: "金融", chineseWords: [("投资", "invest"), ("资产管理", "am"), ("融资租赁", "leasing")],
                 englishWords: ["Capital", "Partners", "Financial"]),
        Industry(label: "医疗健康", chineseWords: [("医药", "pharm"), ("医疗器械", "medical"), ("生物科技", "bio")],
                 englishWords: ["Pharma", "Medical", "Biotech"]),
        Industry(label: "教育", chineseWords: [("教育科技", "edu"), ("文化传播", "media"), ("培训", "training")],
                 englishWords: ["Learning", "Education"]),
        Industry(label: "物流", chineseWords: [("物流", "logistics"), ("供应链管理", "scm"), ("国际货运", "freight")],
                 englishWords: ["Logistics", "Freight", "Supply Chain"]),
        Industry(label: "房地产", chineseWords: [("置业", "property"), ("房地产开发", "estate"), ("物业管理", "pm")],
                 englishWords: ["Properties", "Realty"]),
        Industry(label: "餐饮", chineseWords: [("餐饮管理", "catering"), ("食品", "food")],
                 englishWords: ["Foods", "Hospitality"]),
        Industry(label: "能源", chineseWords: [("新能源", "energy"), ("能源科技", "power"), ("电力工程", "electric")],
                 englishWords: ["Energy", "Power", "Solar"]),
    ]

    static let industryCumulative = cumulativeWeights([18, 16, 12, 7, 8, 6, 9, 5, 8, 5])

    static let chineseBrands: [(String, String)] = [
        ("华信", "huaxin"), ("恒达", "hengda"), ("瑞丰", "ruifeng"), ("中科", "zhongke"), ("天宇", "tianyu"), ("鑫源", "xinyuan"),
        ("博远", "boyuan"), ("金桥", "jinqiao"), ("永盛", "yongsheng"), ("创新", "chuangxin"), ("东方", "dongfang"),
        ("长城", "changcheng"), ("宏图", "hongtu"), ("新华", "xinhua"), ("德润", "derun"), ("嘉禾", "jiahe"), ("海纳", "haina"),
        ("远景", "yuanjing"), ("智联", "zhilian"), ("汇通", "huitong"), ("星河", "xinghe"), ("蓝海", "lanhai"), ("锦程", "jincheng"),
        ("启明", "qiming"), ("正泰", "zhengtai"), ("凯旋", "kaixuan"), ("众诚", "zhongcheng"), ("和信", "hexin"), ("隆基", "longji"),
        ("安泰", "antai"), ("九州", "jiuzhou"), ("腾飞", "tengfei"), ("卓越", "zhuoyue"), ("联创", "lianchuang"), ("云帆", "yunfan"),
        ("明辉", "minghui"), ("银河", "yinhe"), ("鼎盛", "dingsheng"), ("富华", "fuhua"), ("中盛", "zhongsheng"), ("华宇", "huayu"),
        ("同创", "tongchuang"), ("立信", "lixin"), ("亿达", "yida"), ("天成", "tiancheng"), ("金鹏", "jinpeng"), ("华瑞", "huarui"),
        ("光明", "guangming"), ("百川", "baichuan"), ("万象", "wanxiang"), ("乐天", "letian"), ("美达", "meida"),
    ]

    static let englishBrands: [String] = [
        "Acme", "Northwind", "Globex", "Initech", "Summit", "Blue Harbor", "Pinnacle", "Evergreen", "Silverline", "Redwood",
        "Apex", "Horizon", "Keystone", "Lighthouse", "Meridian", "Nimbus", "Orion", "Quantum", "Sterling", "Trident", "Vertex",
        "Westbrook", "Zenith", "BrightPath", "Crescent", "Falcon", "Granite", "Ironwood",
    ]

    static let chineseForms = ["有限公司", "股份有限公司", "有限责任公司", "集团有限公司"]
    static let englishForms = [" Inc.", " Co., Ltd.", " LLC", " Ltd.", ", Inc."]

    static let headquarterCities: [Int] = ["上海", "北京", "深圳", "广州", "杭州", "南京", "苏州", "成都", "武汉"].map { name in
        Geography.cities.firstIndex { $0.city.name == name }!
    }

    static func random(_ rng: inout Xoshiro256) -> Company {
        let chinese = rng.chance(0.85)
        let industry = rng.pick(cumulative: industryCumulative)
        let words = chinese ? industries[industry].chineseWords.count : industries[industry].englishWords.count
        // Companies sit mostly in the big commercial cities.
        let city = rng.chance(0.6) ? Company.headquarterCities[rng.below(Company.headquarterCities.count)]
                                    : rng.below(Geography.cities.count)
        let forms = chinese ? chineseForms.count : englishForms.count
        return Company(chinese: chinese,
                       brand: UInt16(rng.below(chinese ? chineseBrands.count : englishBrands.count)),
                       industry: UInt8(industry), word: UInt8(rng.below(words)), city: UInt16(city),
                       legalForm: UInt8(rng.chance(0.7) ? 0 : rng.below(forms)), domainStyle: UInt8(rng.below(3)),
                       switchboard: rng.chance(0.3) ? PhoneNumber(kind: .service, digits: 4_000_000_000 + UInt64(rng.below(10_000_000)))
                                                    : PhoneNumber.randomLandline(city: city, &rng))
    }

    var industryLabel: String { Company.industries[Int(industry)].label }

    /// How a name is written; `.canonical` is the company's own registered form.
    enum Variant: Int, CaseIterable {
        case canonical
        /// Another legal form (有限公司 ↔ 股份有限公司, Inc. ↔ Co., Ltd.).
        case otherLegalForm
        /// No city and no legal form: 华信科技, Acme Technologies.
        case shortName
        /// City moved into brackets (华信科技（北京）有限公司) or an English branch suffix.
        case bracketedCity
    }

    func name(_ variant: Variant = .canonical) -> String {
        let industry = Company.industries[Int(industry)]
        let city = Geography.cities[Int(self.city)].city.name
        if chinese {
            let brand = Company.chineseBrands[Int(brand)].0
            let word = industry.chineseWords[Int(self.word)].0
            let form = Int(legalForm)
            switch variant {
            case .canonical: return city + brand + word + Company.chineseForms[form]
            case .otherLegalForm: return city + brand + word + Company.chineseForms[(form + 1) % Company.chineseForms.count]
            case .shortName: return brand + word
            case .bracketedCity: return brand + word + "（" + city + "）" + Company.chineseForms[form]
            }
        }
        let brand = Company.englishBrands[Int(brand)]
        let word = industry.englishWords[Int(self.word)]
        let form = Int(legalForm)
        switch variant {
        case .canonical: return brand + " " + word + Company.englishForms[form]
        case .otherLegalForm: return brand + " " + word + Company.englishForms[(form + 1) % Company.englishForms.count]
        case .shortName: return brand + " " + word
        case .bracketedCity: return brand + " " + word + " (China)" + Company.englishForms[1]
        }
    }

    /// The company's mail domain, e.g. huaxin-tech.com.cn or acme.com.
    var domain: String {
        if chinese {
            let brand = Company.chineseBrands[Int(brand)].1
            let word = Company.industries[Int(industry)].chineseWords[Int(self.word)].1
            switch domainStyle {
            case 0: return brand + ".com.cn"
            case 1: return brand + "-" + word + ".com"
            default: return brand + word + ".cn"
            }
        }
        let brand = Company.englishBrands[Int(brand)].lowercased().filter { $0 != " " }
        return domainStyle == 0 ? brand + ".com" : brand + "-" + Company.industries[Int(industry)].englishWords[Int(word)]
            .lowercased().filter { $0 != " " } + ".com"
    }
}
