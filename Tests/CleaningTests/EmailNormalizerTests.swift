import Testing
@testable import Cleaning

@Suite struct EmailNormalizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let raw: String, value: String, valid: Bool, suggestion: String?
        init(_ raw: String, _ value: String, _ valid: Bool = true, suggest: String? = nil) {
            self.raw = raw; self.value = value; self.valid = valid; suggestion = suggest
        }
        var testDescription: String { "\"\(raw)\"" }
    }

    static let cases: [Case] = [
        Case("zhang.san@example.com", "zhang.san@example.com"),
        Case("  Zhang.San@Example.COM ", "zhang.san@example.com"),
        Case("ZHANGSAN@QQ.COM", "zhangsan@qq.com"),
        Case("ｚｈａｎｇ＠ｑｑ．ｃｏｍ", "zhang@qq.com"),
        Case("zhang＠163.com", "zhang@163.com"),
        Case("mailto:li@126.com", "li@126.com"),
        Case("<wang@sina.com>", "wang@sina.com"),
        Case("o'brien+crm@mail.example.co.uk", "o'brien+crm@mail.example.co.uk"),
        Case("a_b-c@sub-domain.example.org", "a_b-c@sub-domain.example.org"),
        Case("zhang@gmial.com", "zhang@gmial.com", suggest: "gmail.com"),
        Case("zhang@gmail.con", "zhang@gmail.con", suggest: "gmail.com"),
        Case("zhang@hotmial.com", "zhang@hotmial.com", suggest: "hotmail.com"),
        Case("zhang@yahooo.com", "zhang@yahooo.com", suggest: "yahoo.com"),
        Case("zhang@qq.con", "zhang@qq.com".replacingLast(), suggest: "qq.com"),
        Case("zhang@outlok.com", "zhang@outlok.com", suggest: "outlook.com"),
        Case("zhang@gmai.com", "zhang@gmai.com", suggest: "gmail.com"),
        Case("zhang@136.com", "zhang@136.com"),
        Case("zhang@gmail.com", "zhang@gmail.com"),
        Case("", "", false),
        Case("   ", "", false),
        Case("zhang", "zhang", false),
        Case("zhang@", "zhang@", false),
        Case("@qq.com", "@qq.com", false),
        Case("zhang@@qq.com", "zhang@@qq.com", false),
        Case("zhang@qq", "zhang@qq", false),
        Case("zhang san@qq.com", "zhang san@qq.com", false),
        Case("zhang..san@qq.com", "zhang..san@qq.com", false),
        Case("zhang@qq..com", "zhang@qq..com", false),
        Case("zhang@-qq.com", "zhang@-qq.com", false),
        Case("zhang@1.2.3.4", "zhang@1.2.3.4", false),
    ]

    @Test(arguments: cases)
    func normalizes(_ c: Case) {
        let e = EmailNormalizer.normalize(c.raw)
        #expect(e.value == c.value)
        #expect(e.isValid == c.valid)
        #expect(e.suggestedDomain == c.suggestion)
        if c.suggestion != nil { #expect(e.issue?.contains("typo") == true) }
    }

    @Test func typosAreFlaggedNeverRewritten() {
        let e = EmailNormalizer.normalize("Wang@GMIAL.com")
        #expect(e.value == "wang@gmial.com" && e.domain == "gmial.com")
        #expect(e.suggestedDomain == "gmail.com")
    }

    @Test func idempotentOnRandomCells() {
        var g = SeededGenerator(seed: 99)
        let fragments = ["a", "Z", "zhang", ".", "@", "＠", "qq", "com", "gmial", "-", "_", "+", " ", "　", "mailto:", "<", ">",
                         "163", "中", "..", "ＡＢ", "'", "\t"]
        for _ in 0..<5000 {
            let raw = randomCell(fragments, maxParts: 8, using: &g)
            let once = EmailNormalizer.normalize(raw)
            let twice = EmailNormalizer.normalize(once.value)
            #expect(twice == once, "\(raw)")
        }
    }
}

extension String {
    /// Test-table helper: `qq.com` → `qq.con`, so the expected value reads next to the raw one.
    func replacingLast() -> String { String(dropLast()) + "n" }
}
