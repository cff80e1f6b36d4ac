import Testing
@testable import Cleaning

/// The ASCII fast path of `EmailNormalizer` must give exactly what the general path gives.
@Suite struct EmailFastPathTests {
    static let fragments = ["Zhang", "san", ".", "@", "QQ.com", "gmail", "<", ">", "mailto:", "MAILTO:", " ", "-", "_", "+",
                            "163", "..", "Ａ", "＠", "\t", "#", "'", "\u{7F}", "é", "x"]

    @Test func fastPathEqualsGeneralPath() {
        var g = SeededGenerator(seed: 2026)
        var taken = 0
        for _ in 0..<50_000 {
            let raw = randomCell(Self.fragments, maxParts: 6, using: &g)
            guard let fast = EmailNormalizer.plainASCII(raw) else { continue }
            taken += 1
            #expect(fast == WidthFolding.foldAndCollapse(raw).lowercased(), "\(raw)")
            #expect(!fast.hasPrefix("mailto:") && !fast.hasPrefix("<"), "\(raw)")
        }
        #expect(taken > 5_000, "the fast path should take most plain cells")
    }

    @Test(arguments: [("Zhang.San@QQ.com", "zhang.san@qq.com"), ("mailto:a@b.cn", nil), ("<a@b.cn>", nil), (" a@b.cn", nil),
                      ("a@b.cn\u{7F}", nil), ("ＡＢ@qq.com", nil), ("", nil)] as [(String, String?)])
    func whichCellsTakeIt(raw: String, fast: String?) {
        #expect(EmailNormalizer.plainASCII(raw) == fast)
    }
}
