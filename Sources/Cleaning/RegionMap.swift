/// Maps a province or city to a sales region (华东/华南/华北/华中/西南/西北/东北). Companies draw
/// these lines differently, so the map is data: start from `.standard` (the common mapping in
/// shared/reference/crm-exports.md) and override provinces or cities.
public struct RegionMap: Sendable, Equatable, Codable {
    /// Province (short form, `江苏`, `内蒙古`) → region.
    public var provinceRegion: [String: String]
    /// City (short form, `苏州`) → province (short form).
    public var cityProvince: [String: String]

    public init(provinceRegion: [String: String], cityProvince: [String: String] = RegionMap.standardCities) {
        self.provinceRegion = provinceRegion
        self.cityProvince = cityProvince
    }

    public static let regions = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"]

    public static let standard = RegionMap(provinceRegion: standardProvinces)

    /// The same map with some provinces moved (`["福建": "华南", "山东": "华北"]`, the variants the
    /// reference lists) or some cities assigned directly.
    public func overriding(provinces: [String: String] = [:], cities: [String: String] = [:]) -> RegionMap {
        var m = self
        for (p, r) in provinces { m.provinceRegion[RegionMap.shortPlaceName(p)] = r }
        for (c, p) in cities { m.cityProvince[RegionMap.shortPlaceName(c)] = RegionMap.shortPlaceName(p) }
        return m
    }

    /// The region of a province, city or region name (`江苏省`, `苏州市`, `Suzhou`, `华东`), or nil
    /// when the place is unknown. Province names win over city names.
    public func region(of place: String) -> String? {
        let text = WidthFolding.foldAndCollapse(place)
        if RegionMap.regions.contains(text) { return text }
        if text.hasSuffix("地区"), RegionMap.regions.contains(String(text.dropLast(2))) { return String(text.dropLast(2)) }
        let short = RegionMap.shortPlaceName(text)
        if let r = provinceRegion[short] { return r }
        if let p = cityProvince[short], let r = provinceRegion[p] { return r }
        // `广东省深圳市` or `广东 深圳`: the province comes first.
        for length in stride(from: min(8, short.count), through: 2, by: -1) {
            let head = RegionMap.shortPlaceName(String(short.prefix(length)))
            if let r = provinceRegion[head] { return r }
        }
        return nil
    }

    /// `江苏省` → `江苏`, `广西壮族自治区` → `广西`, `苏州市` → `苏州`, `Jiangsu Province` → `jiangsu`.
    public static func shortPlaceName(_ name: String) -> String {
        // Mixed input (`Shanghai市`, `江苏 省`) can need a second pass once a suffix is gone.
        var s = shortPlaceNameOnce(name)
        for _ in 0..<4 {
            let again = shortPlaceNameOnce(s)
            if again == s { break }
            s = again
        }
        return s
    }

    static func shortPlaceNameOnce(_ name: String) -> String {
        var s = WidthFolding.foldAndCollapse(name)
        let latin = !s.unicodeScalars.contains(where: WidthFolding.isHan)
        if latin {
            s = s.lowercased()
            for suffix in [" province", " city", " shi", " sheng", " municipality", " autonomous region", " sar"]
            where s.hasSuffix(suffix) {
                s = String(s.dropLast(suffix.count))
            }
            return pinyin[s] ?? s
        }
        // Strip administrative suffixes until none is left (`苏州市市` is a typo of 苏州), so the
        // short name of a short name is itself.
        var changed = true
        while changed {
            changed = false
            for suffix in ["壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市", "盟"]
            where s.hasSuffix(suffix) && s.count > suffix.count + 1 {
                s = WidthFolding.foldAndCollapse(String(s.dropLast(suffix.count)))
                changed = true
                break
            }
        }
        return s
    }

    public static let standardProvinces: [String: String] = {
        var m: [String: String] = [:]
        let groups: [(String, [String])] = [
            ("华东", ["上海", "江苏", "浙江", "安徽", "福建", "江西", "山东"]),
            ("华南", ["广东", "广西", "海南", "香港", "澳门"]),
            ("华北", ["北京", "天津", "河北", "山西", "内蒙古"]),
            ("华中", ["河南", "湖北", "湖南"]),
            ("西南", ["重庆", "四川", "贵州", "云南", "西藏"]),
            ("西北", ["陕西", "甘肃", "青海", "宁夏", "新疆"]),
            ("东北", ["辽宁", "吉林", "黑龙江", "蒙东"]),
        ]
        for (region, provinces) in groups { for p in provinces { m[p] = region } }
        return m
    }()

    /// Prefecture-level cities (short names) → province, for exports that only fill in a city.
    public static let standardCities: [String: String] = {
        var m: [String: String] = [:]
        let groups: [(String, [String])] = [
            ("江苏", ["南京", "苏州", "无锡", "常州", "南通", "扬州", "镇江", "徐州", "盐城", "泰州", "淮安", "连云港", "宿迁", "昆山", "江阴"]),
            ("浙江", ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "台州", "丽水", "衢州", "舟山", "义乌"]),
            ("安徽", ["合肥", "芜湖", "蚌埠", "淮南", "马鞍山", "安庆", "阜阳", "滁州", "六安", "黄山"]),
            ("福建", ["福州", "厦门", "泉州", "漳州", "莆田", "三明", "南平", "龙岩", "宁德"]),
            ("江西", ["南昌", "九江", "赣州", "上饶", "宜春", "吉安", "景德镇"]),
            ("山东", ["济南", "青岛", "烟台", "潍坊", "淄博", "临沂", "济宁", "威海", "泰安", "日照", "德州", "聊城"]),
            ("广东", ["广州", "深圳", "东莞", "佛山", "珠海", "中山", "惠州", "汕头", "江门", "湛江", "肇庆", "茂名"]),
            ("广西", ["南宁", "柳州", "桂林", "北海", "梧州", "玉林"]),
            ("海南", ["海口", "三亚", "儋州"]),
            ("河北", ["石家庄", "唐山", "保定", "廊坊", "邯郸", "秦皇岛", "沧州", "邢台", "张家口", "承德"]),
            ("山西", ["太原", "大同", "临汾", "运城", "长治", "晋中"]),
            ("内蒙古", ["呼和浩特", "包头", "鄂尔多斯", "赤峰"]),
            ("河南", ["郑州", "洛阳", "开封", "新乡", "南阳", "许昌", "安阳", "商丘", "周口", "信阳"]),
            ("湖北", ["武汉", "宜昌", "襄阳", "荆州", "十堰", "黄石", "孝感"]),
            ("湖南", ["长沙", "株洲", "湘潭", "衡阳", "岳阳", "常德", "郴州"]),
            ("四川", ["成都", "绵阳", "德阳", "宜宾", "南充", "泸州", "乐山"]),
            ("贵州", ["贵阳", "遵义", "六盘水", "安顺"]),
            ("云南", ["昆明", "曲靖", "大理", "玉溪", "丽江"]),
            ("西藏", ["拉萨", "日喀则"]),
            ("陕西", ["西安", "咸阳", "宝鸡", "榆林", "延安", "渭南"]),
            ("甘肃", ["兰州", "天水", "酒泉", "嘉峪关"]),
            ("青海", ["西宁", "海东"]),
            ("宁夏", ["银川", "石嘴山"]),
            ("新疆", ["乌鲁木齐", "克拉玛依", "喀什", "伊犁"]),
            ("辽宁", ["沈阳", "大连", "鞍山", "抚顺", "丹东", "锦州", "营口"]),
            ("吉林", ["长春", "吉林", "四平", "延边"]),
            ("黑龙江", ["哈尔滨", "齐齐哈尔", "大庆", "牡丹江", "佳木斯"]),
        ]
        for (province, cities) in groups { for c in cities { m[c] = province } }
        for municipality in ["上海", "北京", "天津", "重庆", "香港", "澳门"] { m[municipality] = municipality }
        return m
    }()

    /// Pinyin spellings of provinces and the largest cities, as English-language exports write them.
    static let pinyin: [String: String] = [
        "shanghai": "上海", "jiangsu": "江苏", "zhejiang": "浙江", "anhui": "安徽", "fujian": "福建", "jiangxi": "江西",
        "shandong": "山东", "guangdong": "广东", "guangxi": "广西", "hainan": "海南", "beijing": "北京", "tianjin": "天津",
        "hebei": "河北", "shanxi": "山西", "inner mongolia": "内蒙古", "neimenggu": "内蒙古", "henan": "河南",
        "hubei": "湖北", "hunan": "湖南", "chongqing": "重庆", "sichuan": "四川", "guizhou": "贵州", "yunnan": "云南",
        "tibet": "西藏", "xizang": "西藏", "shaanxi": "陕西", "gansu": "甘肃", "qinghai": "青海", "ningxia": "宁夏",
        "xinjiang": "新疆", "liaoning": "辽宁", "jilin": "吉林", "heilongjiang": "黑龙江", "hong kong": "香港",
        "hongkong": "香港", "macau": "澳门", "macao": "澳门",
        "nanjing": "南京", "suzhou": "苏州", "hangzhou": "杭州", "ningbo": "宁波", "hefei": "合肥", "fuzhou": "福州",
        "xiamen": "厦门", "jinan": "济南", "qingdao": "青岛", "guangzhou": "广州", "shenzhen": "深圳",
        "dongguan": "东莞", "foshan": "佛山", "zhuhai": "珠海", "nanning": "南宁", "haikou": "海口",
        "shijiazhuang": "石家庄", "taiyuan": "太原", "zhengzhou": "郑州", "wuhan": "武汉", "changsha": "长沙",
        "chengdu": "成都", "guiyang": "贵阳", "kunming": "昆明", "lhasa": "拉萨", "xi'an": "西安", "xian": "西安",
        "lanzhou": "兰州", "xining": "西宁", "yinchuan": "银川", "urumqi": "乌鲁木齐", "shenyang": "沈阳",
        "dalian": "大连", "changchun": "长春", "harbin": "哈尔滨", "wuxi": "无锡", "nanchang": "南昌",
    ]
}
