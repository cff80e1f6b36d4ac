import Testing
@testable import Reports

@Suite struct DrillDownLinkTests {
    @Test(arguments: [
        ("churn.csv", "churn.csv"),
        ("scopes/华东.csv", "scopes/%E5%8D%8E%E4%B8%9C.csv"),
        ("a b&c\".csv", "a%20b%26c%22.csv"),
    ])
    func safeNamesAreEncoded(file: String, href: String) {
        #expect(DrillDownLink(file: file)?.href == href)
    }

    @Test(arguments: ["javascript:alert(1)", "/etc/passwd", "../secret.csv", "a/../../b.csv", "", "a//b.csv",
                      "http://evil.example/x.csv", "./x.csv"])
    func unsafeNamesAreRefused(file: String) {
        #expect(DrillDownLink(file: file) == nil)
    }
}
