import Testing
@testable import Cleaning

@Suite struct CompanyNameNormalizerTests {
    static let cases: [(String, String, String)] = [
        ("星辰科技有限公司", "星辰科技有限公司", "星辰科技"),
        ("星辰科技股份有限公司", "星辰科技股份有限公司", "星辰科技"),
        ("星辰科技有限责任公司", "星辰科技有限责任公司", "星辰科技"),
        ("星辰集团有限公司", "星辰集团有限公司", "星辰"),
        ("星辰集团", "星辰集团", "星辰"),
        ("星辰科技股份公司", "星辰科技股份公司", "星辰科技"),
        ("  星辰科技（北京）有限公司 ", "星辰科技(北京)有限公司", "星辰科技"),
        ("阿里巴巴(中国)有限公司", "阿里巴巴(中国)有限公司", "阿里巴巴"),
        ("星辰科技有限公司上海分公司", "星辰科技有限公司上海分公司", "星辰科技上海分公司"),
        ("星辰科技上海分公司", "星辰科技上海分公司", "星辰科技上海分公司"),
        ("Acme Co., Ltd.", "Acme Co., Ltd.", "acme"),
        ("ACME CO LTD", "ACME CO LTD", "acme"),
        ("Acme Inc.", "Acme Inc.", "acme"),
        ("Acme, Inc", "Acme, Inc", "acme"),
        ("Acme LLC", "Acme LLC", "acme"),
        ("Acme GmbH", "Acme GmbH", "acme"),
        ("Acme Group Co., Ltd.", "Acme Group Co., Ltd.", "acme"),
        ("Acme Corporation", "Acme Corporation", "acme"),
        ("Johnson & Johnson", "Johnson & Johnson", "johnson & johnson"),
        ("Ｓｔａｒ Ｔｅｃｈ Ｌｔｄ", "Star Tech Ltd", "star tech"),
        ("有限公司", "有限公司", "有限公司"),
        ("Inc", "Inc", "inc"),
        ("", "", ""),
    ]

    @Test(arguments: cases)
    func normalizes(_ c: (String, String, String)) {
        let n = CompanyNameNormalizer.normalize(c.0)
        #expect(n.display == c.1)
        #expect(n.key == c.2)
    }

    @Test func idempotentOnRandomCells() {
        var g = SeededGenerator(seed: 11)
        let fragments = ["星辰", "科技", "有限公司", "股份", "集团", "分公司", "上海", "(", ")", "（", "）", "Acme", " Co.", ", Ltd.",
                         " Inc", " ", "　", "GmbH", "&", "ｔ"]
        for _ in 0..<5000 {
            let raw = randomCell(fragments, maxParts: 7, using: &g)
            let once = CompanyNameNormalizer.normalize(raw)
            #expect(CompanyNameNormalizer.normalize(once.display) == once, "\(raw)")
        }
    }
}
