import Testing
@testable import Cleaning

@Suite struct RegionMapTests {
    static let cases: [(String, String?)] = [
        ("上海", "华东"), ("上海市", "华东"), ("江苏省", "华东"), ("苏州", "华东"), ("苏州市", "华东"),
        ("广东", "华南"), ("深圳市", "华南"), ("广西壮族自治区", "华南"), ("北京", "华北"), ("内蒙古自治区", "华北"),
        ("郑州", "华中"), ("湖南省", "华中"), ("重庆市", "西南"), ("成都", "西南"), ("西藏自治区", "西南"),
        ("陕西省", "西北"), ("新疆维吾尔自治区", "西北"), ("宁夏回族自治区", "西北"), ("黑龙江省", "东北"),
        ("哈尔滨", "东北"), ("大连", "东北"), ("广东省深圳市", "华南"), ("Shanghai", "华东"), ("Guangdong Province", "华南"),
        ("chengdu", "西南"), ("华东", "华东"), ("华南地区", "华南"), ("上 海", nil), ("火星", nil), ("", nil),
    ]

    @Test(arguments: cases)
    func mapsPlaces(_ c: (String, String?)) {
        #expect(RegionMap.standard.region(of: c.0) == c.1)
    }

    @Test func overridesFollowTheCompany() {
        let m = RegionMap.standard.overriding(provinces: ["福建省": "华南", "山东": "华北"], cities: ["义乌": "浙江"])
        #expect(m.region(of: "厦门") == "华南")
        #expect(m.region(of: "青岛市") == "华北")
        #expect(m.region(of: "杭州") == "华东")
        #expect(RegionMap.standard.region(of: "厦门") == "华东")
    }

    @Test func everyProvinceHasARegion() {
        #expect(RegionMap.standard.provinceRegion.count >= 34)
        for (_, province) in RegionMap.standardCities {
            #expect(RegionMap.standard.provinceRegion[province] != nil, "\(province)")
        }
    }

    @Test func regionOfARegionIsItself() {
        var g = SeededGenerator(seed: 17)
        let fragments = ["江苏", "省", "苏州", "市", "广西", "壮族自治区", "华东", "地区", " ", "　", "Shanghai", "北京", "火星", "深圳"]
        for _ in 0..<3000 {
            let raw = randomCell(fragments, maxParts: 4, using: &g)
            if let r = RegionMap.standard.region(of: raw) {
                #expect(RegionMap.regions.contains(r))
                #expect(RegionMap.standard.region(of: r) == r, "\(raw)")
            }
            let short = RegionMap.shortPlaceName(raw)
            #expect(RegionMap.shortPlaceName(short) == short, "\(raw)")
        }
    }
}
