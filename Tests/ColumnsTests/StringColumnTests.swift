import Testing
@testable import Columns

@Suite struct StringColumnTests {
    @Test func lowCardinalityStaysDictionaryEncoded() {
        var b = StringBuilder(decideAfter: 100)
        for i in 0..<1000 { b.append(["won", "lost", "open"][i % 3]) }
        let c = b.finish()
        #expect(c.isDictionary)
        #expect(c[0] == "won" && c[4] == "lost" && c[998] == "open")
    }

    @Test func highCardinalitySwitchesToPlain() {
        var b = StringBuilder(decideAfter: 100)
        for i in 0..<1000 { b.append("C\(i)") }
        b.appendNull()
        let c = b.finish()
        #expect(!c.isDictionary)
        #expect(c.count == 1001)
        #expect(c[0] == "C0" && c[99] == "C99" && c[100] == "C100" && c[999] == "C999" && c[1000] == nil)
    }

    @Test func nullsAndEmptyStringsDiffer() {
        var b = StringBuilder()
        b.append("")
        b.appendNull()
        b.append("华东")
        let c = b.finish()
        #expect(c[0] == "" && c[1] == nil && c[2] == "华东")
    }

    @Test func gatherAndDictionaryEncodingKeepValues() {
        let c = StringColumn(["b", nil, "a", "b", "中文"])
        let g = c.gather([4, 1, 0])
        #expect(g[0] == "中文" && g[1] == nil && g[2] == "b")
        let d = c.dictionaryEncoded()
        #expect(d.isDictionary)
        #expect((0..<5).map { d[$0] } == ["b", nil, "a", "b", "中文"])
    }

    @Test func internerGivesDenseFirstSeenCodes() {
        var i = ByteInterner(capacity: 2)
        let words = (0..<5000).map { "w\($0 % 1234)" }
        let codes = words.map { i.intern($0) }
        #expect(i.count == 1234)
        #expect(codes[0] == 0 && codes[1] == 1 && codes[1234] == 0)
        #expect(i.code(of: "w5") == 5 && i.code(of: "nope") == nil)
        #expect(i.code(of: "") == nil)
    }

    @Test func truncateDropsPartialRow() {
        var b = AnyColumnBuilder(type: .string)
        b.strings.append("a")
        b.strings.append("b")
        b.truncate(to: 1)
        #expect(b.count == 1)
        var p = AnyColumnBuilder(type: .double)
        p.doubles.append(1.5)
        p.appendNull()
        p.truncate(to: 1)
        if case .double(let c) = p.finish() { #expect(c.values == [1.5] && !c.validity.hasNulls) } else { Issue.record("type") }
    }
}
