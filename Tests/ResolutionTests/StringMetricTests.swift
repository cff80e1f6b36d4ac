import Testing
import Columns
@testable import Resolution

@Suite struct StringMetricTests {
    /// Values from Winkler (1990) and the record-linkage literature (rounded to 3 places).
    static let jaroWinklerCases: [(String, String, Double)] = [
        ("MARTHA", "MARHTA", 0.961), ("DWAYNE", "DUANE", 0.840), ("DIXON", "DICKSONX", 0.813),
        ("JELLYFISH", "SMELLYFISH", 0.896), ("CRATE", "TRACE", 0.733), ("SHACKLEFORD", "SHACKELFORD", 0.982),
        ("DUNNINGHAM", "CUNNIGHAM", 0.896), ("NICHLESON", "NICHULSON", 0.956), ("JONES", "JOHNSON", 0.832),
        ("MASSEY", "MASSIE", 0.933), ("ABROMS", "ABRAMS", 0.922), ("HARDIN", "MARTINEZ", 0.722),
        ("ITMAN", "SMITH", 0.467), ("JERALDINE", "GERALDINE", 0.926), ("MICHELLE", "MICHAEL", 0.921),
        ("JULIES", "JULIUS", 0.933), ("TANYA", "TONYA", 0.880), ("SEAN", "SUSAN", 0.805),
        ("JON", "JOHN", 0.933), ("", "", 1.0), ("ABC", "", 0.0), ("张三丰", "张三丰", 1.0), ("张三丰", "张三峰", 0.822),
    ]

    @Test(arguments: jaroWinklerCases)
    func jaroWinkler(_ c: (String, String, Double)) {
        let s = JaroWinkler.similarity(c.0, c.1)
        #expect(abs(s - c.2) < 0.0015, "\(c.0)/\(c.1): \(s)")
        #expect(abs(JaroWinkler.similarity(c.1, c.0) - s) < 1e-12)
    }

    static let levenshteinCases: [(String, String, Int, Int)] = [
        // a, b, Levenshtein, Damerau (optimal string alignment)
        ("kitten", "sitting", 3, 3), ("flaw", "lawn", 2, 2), ("", "abc", 3, 3), ("abc", "", 3, 3), ("", "", 0, 0),
        ("abc", "abc", 0, 0), ("ab", "ba", 2, 1), ("13812345678", "13812345687", 2, 1), ("ca", "abc", 3, 3),
        ("张三", "张三丰", 1, 1), ("王小明", "王晓明", 1, 1), ("明小", "小明", 2, 1), ("saturday", "sunday", 3, 3),
        ("gumbo", "gambol", 2, 2), ("book", "back", 2, 2), ("abcdef", "badcfe", 4, 3), ("a", "b", 1, 1),
        ("smith", "smtih", 2, 1), ("intention", "execution", 5, 5), ("ＡＢ", "AB", 2, 2),
    ]

    @Test(arguments: levenshteinCases)
    func editDistances(_ c: (String, String, Int, Int)) {
        #expect(Levenshtein.distance(c.0, c.1) == c.2)
        #expect(DamerauLevenshtein.distance(c.0, c.1) == c.3)
        #expect(Levenshtein.distance(c.1, c.0) == c.2)
        #expect(DamerauLevenshtein.distance(c.1, c.0) == c.3)
    }

    @Test func cutOffNeverUnderstatesDistance() {
        let words = ["kitten", "sitting", "13812345678", "13812345687", "abcdef", "badcfe", "saturday", "sunday", "", "x"]
        for a in words {
            for b in words {
                for limit in 0...3 {
                    let full = DamerauLevenshtein.distance(a, b)
                    let x = a.unicodeScalars.map(\.value), y = b.unicodeScalars.map(\.value)
                    let cut = x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in DamerauLevenshtein.distance(p, q, limit: limit) } }
                    #expect(full <= limit ? cut == full : cut > limit, "\(a)/\(b) limit \(limit)")
                    let lfull = Levenshtein.distance(a, b)
                    let lcut = x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in Levenshtein.distance(p, q, limit: limit) } }
                    #expect(lfull <= limit ? lcut == lfull : lcut > limit)
                }
            }
        }
    }

    static let jaccardCases: [(String, String, Double)] = [
        ("acme corp", "acme corp", 1), ("acme corp", "corp acme", 1), ("acme", "acme corp", 0.5), ("a b c", "d e f", 0),
        ("星辰科技", "星辰科技", 1), ("星辰科技", "星辰网络", 1.0 / 5.0), ("北京星辰科技", "星辰科技", 3.0 / 5.0),
        ("", "", 1), ("abc", "", 0), ("a a a", "a", 1), ("张", "张", 1), ("x-ray vision", "x ray vision", 1),
        ("1 main st", "1 main street", 0.5), ("星辰 tech", "星辰 tech", 1), ("上海市 浦东", "上海市 浦东新区", 3.0 / 5.0),
        ("one two", "two three", 1.0 / 3.0), ("a,b", "b;a", 1), ("AbC", "abc", 0), ("  ", "", 1), ("科", "学", 0),
    ]

    @Test(arguments: jaccardCases)
    func tokenJaccard(_ c: (String, String, Double)) {
        #expect(abs(TokenJaccard.similarity(c.0, c.1) - c.2) < 1e-9, "\(c.0)/\(c.1)")
    }

    @Test func proximities() {
        #expect(NumericProximity.similarity(10, 10, scale: 5) == 1)
        #expect(NumericProximity.similarity(10, 12.5, scale: 5) == 0.5)
        #expect(NumericProximity.similarity(10, 20, scale: 5) == 0)
        #expect(NumericProximity.similarity(.nan, 1, scale: 5) == 0)
        let d = Int32(CivilDate.days(year: 1990, month: 3, day: 5))
        let swapped = Int32(CivilDate.days(year: 1990, month: 5, day: 3))
        #expect(DateProximity.relation(d, d, nearDays: 3) == .same)
        #expect(DateProximity.relation(d, swapped, nearDays: 3) == .dayMonthSwapped)
        #expect(DateProximity.relation(d, d + 2, nearDays: 3) == .within(days: 2))
        #expect(DateProximity.relation(d, d + 400, nearDays: 3) == .apart(days: 400))
    }
}

extension StringMetricTests {
    @Test func withinOneAgreesWithTheFullDistance() {
        var g = SplitMix64(seed: 3)
        let alphabet: [UInt32] = [49, 50, 51, 0x5F20, 0x4E09]
        for _ in 0..<20_000 {
            let a = (0..<Int(g.next() % 6)).map { _ in alphabet[Int(g.next() % 5)] }
            var b = a
            switch g.next() % 4 {
            case 0 where !b.isEmpty: b[Int(g.next() % UInt64(b.count))] = alphabet[Int(g.next() % 5)]
            case 1: b.insert(alphabet[Int(g.next() % 5)], at: Int(g.next() % UInt64(b.count + 1)))
            case 2 where b.count >= 2: let i = Int(g.next() % UInt64(b.count - 1)); b.swapAt(i, i + 1)
            default: b = (0..<Int(g.next() % 6)).map { _ in alphabet[Int(g.next() % 5)] }
            }
            let full = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in DamerauLevenshtein.distance(x, y) } }
            let quick = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in DamerauLevenshtein.isWithinOne(x, y) } }
            #expect(quick == (full <= 1), "\(a) / \(b)")
        }
    }
}
