import Testing
@testable import Cleaning

/// Full names put together from given and family name columns.
@Suite struct PersonNamePartsTests {
    /// (given, family, full name)
    static let cases: [(String?, String?, String?)] = [
        ("Mary", "Smith", "Mary Smith"),
        ("  Mary ", " Smith  ", "Mary Smith"),
        ("Jean-Luc", "Picard", "Jean-Luc Picard"),
        ("Mary Ann", "van der Berg", "Mary Ann van der Berg"),
        ("Mary", nil, "Mary"),
        (nil, "Smith", "Smith"),
        ("", "Smith", "Smith"),
        ("三丰", "张", "张三丰"),
        ("娜娜", "欧阳", "欧阳娜娜"),
        ("三丰", nil, "三丰"),
        (nil, "张", "张"),
        ("买买提", "阿卜杜拉·", "阿卜杜拉·买买提"),
        ("Wei", "Zhang", "Wei Zhang"),
        ("ｍａｒｙ", "ｓｍｉｔｈ", "mary smith"),
        ("三丰", "Zhang", "三丰 Zhang"),
        ("", "", nil),
        (nil, nil, nil),
        ("   ", "\u{3000}", nil),
        ("Anne-Marie", "O'Neil", "Anne-Marie O'Neil"),
        ("José", "Álvarez", "José Álvarez"),
    ]

    @Test(arguments: cases.indices)
    func composesFullNames(_ i: Int) {
        let (given, family, expected) = Self.cases[i]
        #expect(PersonNameNormalizer.compose(given: given, family: family) == expected, "\(given ?? "nil") + \(family ?? "nil")")
    }

    @Test func headerSpellingsAreNormalisedForms() {
        for h in PersonNameNormalizer.givenNameHeaders.union(PersonNameNormalizer.familyNameHeaders) {
            #expect(h == h.lowercased() && !h.contains(" ") && !h.contains("_"), "\(h)")
        }
        #expect(PersonNameNormalizer.givenNameHeaders.isDisjoint(with: PersonNameNormalizer.familyNameHeaders))
    }
}
