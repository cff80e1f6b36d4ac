import Testing
@testable import Cleaning

@Suite struct PersonNameNormalizerTests {
    static let cases: [(String, String, String)] = [
        ("张三", "张三", "张三"),
        ("  张三  ", "张三", "张三"),
        ("张 三", "张三", "张三"),
        ("张　三", "张三", "张三"),
        ("欧阳 娜娜", "欧阳娜娜", "欧阳娜娜"),
        ("阿卜杜拉・买买提", "阿卜杜拉·买买提", "阿卜杜拉·买买提"),
        ("阿卜杜拉 · 买买提", "阿卜杜拉·买买提", "阿卜杜拉·买买提"),
        ("john smith", "John Smith", "john smith"),
        ("JOHN SMITH", "John Smith", "john smith"),
        ("John   Smith", "John Smith", "john smith"),
        ("SMITH, John", "John Smith", "john smith"),
        ("Smith,John", "John Smith", "john smith"),
        ("ｊｏｈｎ　ｓｍｉｔｈ", "John Smith", "john smith"),
        ("McDonald", "McDonald", "mcdonald"),
        ("jean-luc picard", "Jean-Luc Picard", "jean luc picard"),
        ("o'brien", "O'Brien", "obrien"),
        ("Mr. John Smith", "John Smith", "john smith"),
        ("Dr Zhang Wei", "Zhang Wei", "zhang wei"),
        ("Smith, Jr.", "Smith, Jr.", "smith jr"),
        ("张三, 李四", "张三, 李四", "张三 李四"),
        ("José ÁLVAREZ", "José Álvarez", "josé álvarez"),
        ("Mr", "Mr", "mr"),
        ("", "", ""),
        ("   ", "", ""),
    ]

    @Test(arguments: cases)
    func normalizes(_ c: (String, String, String)) {
        let n = PersonNameNormalizer.normalize(c.0)
        #expect(n.display == c.1)
        #expect(n.key == c.2)
    }

    @Test func idempotentOnRandomCells() {
        var g = SeededGenerator(seed: 5)
        let fragments = ["张", "三", "欧阳", " ", "　", "john", "SMITH", ",", "·", "・", "-", "'", "Mr.", "ß", "ｊ", "Ö", ".", "Jr.", "de"]
        for _ in 0..<5000 {
            let raw = randomCell(fragments, maxParts: 7, using: &g)
            let once = PersonNameNormalizer.normalize(raw)
            #expect(PersonNameNormalizer.normalize(once.display) == once, "\(raw)")
        }
    }
}
