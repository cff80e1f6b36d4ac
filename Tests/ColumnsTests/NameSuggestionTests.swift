import Testing
@testable import Columns

@Suite struct NameSuggestionTests {
    static let keys = ["name", "as_of", "sources", "stages", "funnel", "reports", "segments"]

    @Test(arguments: [
        ("stags", "stages"), ("source", "sources"), ("asof", "as_of"), ("Reports", "reports"),
        ("segmnets", "segments"), ("fun", nil), ("zzz", nil), ("", nil), ("nmae", "name"),
    ] as [(String, String?)])
    func nearestKey(typed: String, expected: String?) {
        #expect(NameSuggestion.nearest(to: typed, in: Self.keys) == expected)
    }

    @Test func chineseHeaders() {
        #expect(NameSuggestion.nearest(to: "客户名", in: ["客户名称", "手机"]) == "客户名称")
        #expect(NameSuggestion.hint(for: "custmer_id", in: ["customer_id"]) == " (did you mean 'customer_id'?)")
        #expect(NameSuggestion.hint(for: "x", in: [String]()) == "")
    }
}
