import Testing
@testable import Reports

@Suite struct LabelTests {
    @Test(arguments: ReportLanguage.allCases)
    func everyLabelHasTextInEveryLanguage(language: ReportLanguage) {
        for label in Label.allCases {
            #expect(!label.text(language).isEmpty, "\(label) is empty in \(language)")
        }
    }

    /// A Chinese page must not fall back to English words: zh labels that are pure ASCII are only
    /// the ones that are the same in both languages (abbreviations, symbols).
    @Test func chineseLabelsAreChineseUnlessUniversal() {
        let universal: Set<Label> = [.notAvailable, .smape, .mase]
        for label in Label.allCases where !universal.contains(label) {
            #expect(label.text(.zh).unicodeScalars.contains { $0.value > 0x2E80 }, "\(label) has no Chinese")
        }
    }

    @Test func argumentsAreSubstituted() {
        #expect(Label.expectedPurchases.text(.zh, "90") == "未来90天预计购买")
        #expect(Label.expectedPurchases.text(.en, "90") == "Expected purchases, next 90 days")
        #expect(Label.monthN.text(.en, "3") == "M3")
    }
}
