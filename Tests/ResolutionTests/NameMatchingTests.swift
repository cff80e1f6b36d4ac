import Columns
import Testing
@testable import Resolution

/// Person-name agreement levels across scripts and forms, and whether a mailbox name is spelled
/// from its owner's name.
@Suite struct NameMatchingTests {
    static func level(_ a: String?, _ b: String?) -> Int8 {
        let t = try! Table(name: "customers", columns: [("name", .string(StringColumn([a, b])))])
        let records = PreparedRecords(table: t, columns: ["name"], methods: ["name": .personName], threads: 1)
        let comparator = FieldComparator(comparison: FieldComparison(column: "name", method: .personName), field: records.fields["name"]!)
        return comparator.level(0, 1)
    }

    /// (name A, name B, level): 5 exact · 4 reordered, nickname or romanized · 3 close or same
    /// sound · 2 similar · 1 family name only / not comparable · 0 different · -1 missing.
    static let cases: [(String?, String?, Int8)] = [
        ("张三丰", "张 三丰", 5),
        ("John Smith", "JOHN  SMITH", 5),
        ("Smith, John", "John Smith", 5),
        ("John Smith", "Smith John", 4),
        ("Bob Smith", "Robert Smith", 4),
        ("刘艳红", "Yanhong Liu", 4),
        ("刘艳红", "LIU Yanhong", 4),
        ("刘艳红", "Liu Yan-hong", 4),
        ("欧阳娜娜", "Nana Ouyang", 4),
        ("刘艳红", "Yanhomg Liu", 3),
        ("王伟", "王玮", 3),
        ("李国军", "李国君", 3),
        ("张彬毅", "张毅彬", 3),
        // Read alike under fuzzy pinyin (en/eng, in/ing, l/n, zh/z): what an input method mistypes.
        ("陈成", "程成", 3),
        ("林峰", "凌峰", 3),
        ("张晓东", "张小东", 3),
        // One given-name character that reads differently, or one typed twice or left out: similar,
        // weighed apart from close (siblings share a generation character: 王红仪 / 王红阳).
        ("王红仪", "王红阳", 2),
        ("李海", "李海海", 2),
        ("王思", "王思琳", 2),
        ("欧阳娜娜", "欧阳娜", 2),
        ("Jonathan Smith", "Jonathon Smith", 3),
        ("刘总", "刘艳红", 1),
        // A family name with a title, spelled the same on both sides, names two people called
        // Hu or Wang, not one: family-name agreement, not an exact full name.
        ("胡先生", "胡先生", 1),
        ("王总", "王总", 1),
        ("小王", "王伟", 1),
        ("王经理", "王伟明", 1),
        ("James Chen", "陈凯国", 1),
        ("Smith", "John Smith", 1),
        ("刘总", "王艳红", 0),
        ("王伟", "李娜", 0),
        ("王伟", "王强", 0),
        ("王红仪", "李红仪", 0),
        ("Jessica Clark", "Daniel Clark", 0),
        ("James Chen", "王凯国", 0),
        ("小明", "王小明", 0),
        (nil, "王伟", -1),
        ("", "王伟", -1),
    ]

    @Test(arguments: cases.indices)
    func nameLevels(_ i: Int) {
        let (a, b, expected) = Self.cases[i]
        #expect(Self.level(a, b) == expected, "\(a ?? "nil") / \(b ?? "nil")")
        #expect(Self.level(b, a) == expected, "symmetric: \(b ?? "nil") / \(a ?? "nil")")
    }

    /// (character, character, read alike): homophones and the fuzzy-pinyin pairs input methods
    /// offer (模糊音), and what stays apart.
    static let soundPairs: [(Character, Character, Bool)] = [
        ("伟", "玮", true), ("陈", "程", true), ("林", "凌", true), ("刘", "牛", true), ("张", "章", true),
        ("周", "邹", true), ("成", "程", true), ("山", "三", true), ("春", "村", true),
        ("王", "李", false), ("红", "阳", false), ("芳", "黄", false), ("海", "海", true), ("a", "b", false),
    ]

    @Test(arguments: soundPairs.indices)
    func fuzzyPinyin(_ i: Int) {
        let (a, b, alike) = Self.soundPairs[i]
        let x = a.unicodeScalars.first!.value, y = b.unicodeScalars.first!.value
        #expect(Pinyin.soundsAlike(x, y) == alike, "\(a) / \(b)")
        #expect(Pinyin.soundsAlike(y, x) == alike, "symmetric: \(b) / \(a)")
    }

    static let romanizations: [(String, String)] = [
        ("刘艳红", "liu yanhong"), ("王伟", "wang wei"), ("欧阳娜娜", "ouyang nana"), ("王总", "wang"), ("小李", "li"),
        ("John Smith", "john smith"), ("", ""),
    ]

    @Test(arguments: romanizations.indices)
    func romanizedForms(_ i: Int) {
        let (name, expected) = Self.romanizations[i]
        let key = name.lowercased().unicodeScalars.map(\.value)
        let forms = key.withUnsafeBufferPointer { NameForms($0) }
        #expect(String(String.UnicodeScalarView(forms.romanized.compactMap(Unicode.Scalar.init))) == expected, "\(name)")
    }

    /// (e-mail, romanized name, spelled from the name)
    static let mailboxes: [(String, String, Bool)] = [
        ("li.feiwen@163.com", "li feiwen", true),
        ("nlpan@sina.com", "pan ninglin", true),
        ("karen@gmail.com", "karen james", true),
        ("james_baker@gmail.com", "james baker", true),
        ("60723971@qq.com", "wu taoying", false),
        // Two digits are what namesakes share (chenli81 at several providers); a year is personal.
        ("li.feiwen83@163.com", "li feiwen", true),
        ("li.feiwen1983@163.com", "li feiwen", false),
        ("sunnybird88@163.com", "wang wei", false),
        ("no-at-sign", "wang wei", false),
        ("x@qq.com", "wang wei", false),
    ]

    @Test(arguments: mailboxes.indices)
    func mailboxSpelledFromName(_ i: Int) {
        let (email, name, expected) = Self.mailboxes[i]
        let e = email.unicodeScalars.map(\.value), n = name.unicodeScalars.map(\.value)
        let got = e.withUnsafeBufferPointer { eb in n.withUnsafeBufferPointer { MailboxName.isSpelledFromName(eb, romanizedName: $0) } }
        #expect(got == expected, "\(email) / \(name)")
    }

    /// (predicted labels, truth, true pairs, predicted pairs, correct pairs)
    static let scores: [([Int32], [Int], Int, Int, Int)] = [
        ([0, 0, 1, 1], [0, 0, 1, 1], 2, 2, 2),
        ([0, 0, 0, 0], [0, 0, 1, 1], 2, 6, 2),
        ([0, 1, 2, 3], [0, 0, 1, 1], 2, 0, 0),
        ([0, 0, 1], [0, 1, -1], 0, 1, 0),
        ([], [], 0, 0, 0),
    ]

    @Test(arguments: scores.indices)
    func pairwiseScore(_ i: Int) {
        let (p, t, truePairs, predicted, correct) = Self.scores[i]
        let s = PairwiseScore(predicted: p, truth: t)
        #expect(s.truePairs == truePairs && s.predictedPairs == predicted && s.correctPairs == correct)
    }
}
