/// Provinces (the `region` column holds the province), their cities with telephone area codes, and
/// a handful of overseas cities. Weights follow where business customers roughly are, not population.
enum Geography {
    struct City: Sendable {
        let name: String
        /// Area code without the trunk 0: "21" for Shanghai, "755" for Shenzhen.
        let areaCode: String
        let localDigits: Int
    }

    struct Province: Sendable {
        let short: String
        /// The official name an ERP tends to store: 广东省, 上海市, 广西壮族自治区.
        let full: String
        let weight: Double
        let cities: [City]
    }

    struct OverseasCity: Sendable {
        let name: String
        let countryCode: String
        /// Digit groups of a national number's shape, e.g. [3, 3, 4] for North America.
        let groups: [Int]
        /// Fixed leading digits of the first group (an area code), may be empty.
        let lead: String
    }

    /// The region value for customers outside mainland China, as Chinese sales teams bucket them.
    static let overseasRegion = "海外"

    static let provinces: [Province] = {
        func p(_ short: String, _ full: String, _ w: Double, _ cities: [(String, String)]) -> Province {
            Province(short: short, full: full, weight: w, cities: cities.map {
                City(name: $0.0, areaCode: $0.1, localDigits: ["891", "971", "951", "352", "472", "872", "459"].contains($0.1) ? 7 : 8)
            })
        }
        return [
            p("上海", "上海市", 8, [("上海", "21")]),
            p("江苏", "江苏省", 10, [("南京", "25"), ("苏州", "512"), ("无锡", "510"), ("常州", "519"), ("南通", "513"), ("徐州", "516")]),
            p("浙江", "浙江省", 9, [("杭州", "571"), ("宁波", "574"), ("温州", "577"), ("绍兴", "575"), ("嘉兴", "573"), ("金华", "579")]),
            p("安徽", "安徽省", 3, [("合肥", "551"), ("芜湖", "553"), ("蚌埠", "552")]),
            p("福建", "福建省", 4, [("福州", "591"), ("厦门", "592"), ("泉州", "595")]),
            p("江西", "江西省", 1.5, [("南昌", "791"), ("赣州", "797"), ("九江", "792")]),
            p("山东", "山东省", 7, [("济南", "531"), ("青岛", "532"), ("烟台", "535"), ("潍坊", "536")]),
            p("广东", "广东省", 12, [("广州", "20"), ("深圳", "755"), ("东莞", "769"), ("佛山", "757"), ("珠海", "756"), ("中山", "760"), ("惠州", "752")]),
            p("广西", "广西壮族自治区", 1.2, [("南宁", "771"), ("桂林", "773"), ("柳州", "772")]),
            p("海南", "海南省", 0.5, [("海口", "898"), ("三亚", "898")]),
            p("北京", "北京市", 8, [("北京", "10")]),
            p("天津", "天津市", 2, [("天津", "22")]),
            p("河北", "河北省", 2.5, [("石家庄", "311"), ("保定", "312"), ("唐山", "315")]),
            p("山西", "山西省", 1, [("太原", "351"), ("大同", "352")]),
            p("内蒙古", "内蒙古自治区", 0.7, [("呼和浩特", "471"), ("包头", "472")]),
            p("河南", "河南省", 4, [("郑州", "371"), ("洛阳", "379")]),
            p("湖北", "湖北省", 4, [("武汉", "27"), ("宜昌", "717"), ("襄阳", "710")]),
            p("湖南", "湖南省", 3, [("长沙", "731"), ("株洲", "731"), ("岳阳", "730")]),
            p("重庆", "重庆市", 2, [("重庆", "23")]),
            p("四川", "四川省", 4, [("成都", "28"), ("绵阳", "816")]),
            p("贵州", "贵州省", 1, [("贵阳", "851"), ("遵义", "851")]),
            p("云南", "云南省", 1.2, [("昆明", "871"), ("大理", "872")]),
            p("西藏", "西藏自治区", 0.1, [("拉萨", "891")]),
            p("陕西", "陕西省", 2, [("西安", "29"), ("咸阳", "29")]),
            p("甘肃", "甘肃省", 0.5, [("兰州", "931")]),
            p("青海", "青海省", 0.15, [("西宁", "971")]),
            p("宁夏", "宁夏回族自治区", 0.2, [("银川", "951")]),
            p("新疆", "新疆维吾尔自治区", 0.6, [("乌鲁木齐", "991")]),
            p("辽宁", "辽宁省", 2, [("沈阳", "24"), ("大连", "411")]),
            p("吉林", "吉林省", 0.8, [("长春", "431"), ("吉林", "432")]),
            p("黑龙江", "黑龙江省", 0.9, [("哈尔滨", "451"), ("大庆", "459")]),
        ]
    }()

    static let provinceCumulative: [Double] = cumulativeWeights(provinces.map(\.weight))

    static let overseas: [OverseasCity] = [
        OverseasCity(name: "San Francisco", countryCode: "1", groups: [3, 3, 4], lead: "415"),
        OverseasCity(name: "New York", countryCode: "1", groups: [3, 3, 4], lead: "212"),
        OverseasCity(name: "Toronto", countryCode: "1", groups: [3, 3, 4], lead: "416"),
        OverseasCity(name: "London", countryCode: "44", groups: [2, 4, 4], lead: "20"),
        OverseasCity(name: "Singapore", countryCode: "65", groups: [4, 4], lead: "6"),
        OverseasCity(name: "Tokyo", countryCode: "81", groups: [1, 4, 4], lead: "3"),
        OverseasCity(name: "Sydney", countryCode: "61", groups: [1, 4, 4], lead: "2"),
        OverseasCity(name: "Berlin", countryCode: "49", groups: [2, 4, 4], lead: "30"),
        OverseasCity(name: "Paris", countryCode: "33", groups: [1, 2, 2, 2, 2], lead: "1"),
    ]
}

extension Geography {
    /// Every mainland city once, with its province: entities store an index into this list.
    static let cities: [(province: Int, city: City)] = provinces.enumerated().flatMap { p, province in
        province.cities.map { (p, $0) }
    }

    /// The province's cities' indices into `cities`, so a move can stay inside the province.
    static let cityRange: [Range<Int>] = {
        var ranges: [Range<Int>] = []
        var start = 0
        for province in provinces {
            ranges.append(start..<(start + province.cities.count))
            start += province.cities.count
        }
        return ranges
    }()
}
