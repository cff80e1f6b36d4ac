import Testing
import Cleaning

@Suite struct PlaceholderValuesTests {
    /// Values exports use for "nobody knew", as they arrive: any case, padded, full-width.
    @Test(arguments: [
        ("[not provided]", "[not provided]"), ("[Not Provided]", "[not provided]"), ("  [not provided] ", "[not provided]"),
        ("N/A", "N/A"), ("n/a", "N/A"), ("Ｎ／Ａ", "N/A"), ("#N/A", "#N/A"), ("NA", "NA"), ("ＮＡ", "NA"),
        ("-", "-"), ("--", "--"), ("－", "-"), ("/", "/"), ("none", "none"), ("None", "none"), ("NULL", "null"),
        ("Unknown", "unknown"), ("无", "无"), ("暂无", "暂无"), ("　未知　", "未知"), ("不详", "不详"), ("待定", "待定"),
    ])
    func placeholders(raw: String, standard: String) {
        #expect(PlaceholderValues.match(raw).map { PlaceholderValues.standard[$0] } == standard)
    }

    /// Real content that looks close: kept. `Na` is a surname; `test` and `TBD` can be real names.
    @Test(arguments: [
        "", " ", "Na", "na", "test", "TBD", "n/a Holdings", "None Such Ltd", "无锡科技", "未知数据有限公司", "---", "//",
        "x", "0", "A-1", "Nonexistent", "[not provided", "unknown unknown", "N / A",
    ])
    func realValues(raw: String) {
        #expect(PlaceholderValues.match(raw) == nil)
        #expect(!PlaceholderValues.isPlaceholder(raw))
    }

    /// Hostile bytes: invalid UTF-8, a huge value, control characters. No match, no crash.
    @Test(arguments: [
        [UInt8]([0xFF, 0xFE]), [0x4E, 0xC0, 0x41], [UInt8](repeating: 0x20, count: 10_000) + Array("N/A".utf8),
        Array("N/A".utf8) + [0x00], [0xE6, 0x9A],
    ])
    func hostileBytes(bytes: [UInt8]) {
        #expect(bytes.withUnsafeBytes { PlaceholderValues.match($0) } == nil)
    }

    @Test func everyStandardEntryMatchesItself() {
        for (i, s) in PlaceholderValues.standard.enumerated() { #expect(PlaceholderValues.match(s) == i, "\(s)") }
    }
}
