import Testing
@testable import Reports

@Suite struct HTMLBuilderTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a & b", "a &amp; b"),
        ("\" onerror=\"x", "\" onerror=\"x"),
        ("-->", "--&gt;"),
        ("a\u{0}b", "a\u{FFFD}b"),
        ("abc\u{202E}fed", "abcfed"),
        ("x\u{2066}y\u{2069}", "xy"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("bell\u{7}", "bell\u{FFFD}"),
        ("中文 ¥1,234", "中文 ¥1,234"),
    ])
    func textIsEscaped(input: String, expected: String) {
        #expect(HTML.text(input).markup == expected)
    }

    @Test(arguments: [
        ("\" onerror=\"alert(1)", "&quot; onerror=&quot;alert(1)"),
        ("' onload='x", "&#39; onload=&#39;x"),
        ("<b>", "&lt;b&gt;"),
        ("line\nbreak", "line break"),
        ("\u{202E}evil", "evil"),
    ])
    func attributeValueIsEscaped(input: String, expected: String) {
        #expect(HTML.element(.span, [.title(input)]).markup == "<span title=\"\(expected)\"></span>")
    }

    @Test func attributesAreWrittenInFixedOrderWhateverTheCallOrder() {
        let a = HTML.element(.a, [.init(.href, "x.csv"), .class("c"), .id("i")], text: "t")
        let b = HTML.element(.a, [.id("i"), .init(.href, "x.csv"), .class("c")], text: "t")
        #expect(a == b)
        #expect(a.markup == "<a id=\"i\" class=\"c\" href=\"x.csv\">t</a>")
    }

    @Test func repeatedAttributeKeepsTheLastValue() {
        #expect(HTML.element(.div, [.class("a"), .class("b")]).markup == "<div class=\"b\"></div>")
    }

    @Test func voidAndSVGElements() {
        #expect(HTML.element(.meta, [.init(.charset, "utf-8")], [.text("dropped")]).markup == "<meta charset=\"utf-8\">")
        #expect(HTML.element(.rect, [.init(.x, "1")]).markup == "<rect x=\"1\"/>")
        #expect(HTML.element(.svgTitle, text: "t").markup == "<title>t</title>")
    }

    @Test func nestedMarkupStaysEscapedOnce() {
        let inner = HTML.element(.strong, text: "<&>")
        let outer = HTML.element(.p, [], [inner, .text(" & more")])
        #expect(outer.markup == "<p><strong>&lt;&amp;&gt;</strong> &amp; more</p>")
    }

    @Test(arguments: [(5, "12345"), (3, "123…"), (0, ""), (10, "12345")])
    func truncation(limit: Int, expected: String) {
        #expect(InertText.truncated("12345", limit: limit) == expected)
    }

    @Test func truncationCountsCharactersNotBytes() {
        #expect(InertText.truncated("上海宏远贸易有限公司", limit: 4) == "上海宏远…")
    }
}
