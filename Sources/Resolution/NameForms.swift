/// Forms of a normalised person name that let two spellings of one person meet across scripts
/// and incomplete entries: 刘艳红, `Yanhong Liu` and `LIU Yan Hong` share their pinyin letters;
/// 王伟 and 王玮 (an input-method homophone) share their sound; 刘总, 小刘 and `Mr Liu` name only
/// the family, which agrees with 刘艳红 without saying more.
struct NameForms {
    /// Han names: toneless pinyin, family first, a space after the family name (`liu yanhong`).
    /// Latin names: the words as typed, lower-cased. Empty when a character has no known reading.
    var romanized: [UInt32] = []
    /// Scalars of `romanized` that are the family name (Han names only; 0 otherwise).
    var familyLength = 0
    /// Hash of the family name in pinyin or Latin letters (Han: the surname; Latin: the last
    /// word); 0 when unknown.
    var family: UInt64 = 0
    /// Only a family name was given (刘总, 小王, 王先生, a one-word Latin name).
    var familyOnly = false
    var han = false

    /// Common Chinese surnames (the 百家姓 heads and the most frequent by census), for telling a
    /// family name plus honorific (王总, 小王) from a two-character full name (王伟).
    static let commonSurnames: Set<UInt32> = Set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝".unicodeScalars.map(\.value))

    /// Words after a family name that make it a form of address, not a given name.
    static let titles: [[UInt32]] = ["总", "经理", "总经理", "先生", "女士", "小姐", "老师", "主任", "老板", "总监", "董事长", "处长",
                                     "科长", "局长", "医生", "律师", "工", "师傅", "会计", "姐", "哥", "董", "校长", "院长", "部长"]
        .map { $0.unicodeScalars.map(\.value) }
    /// Words before a family name that make it a form of address (小王, 老李, 阿陈).
    static let prefixes: Set<UInt32> = Set("小老阿".unicodeScalars.map(\.value))

    init() {}

    init(_ key: UnsafeBufferPointer<UInt32>) {
        guard !key.isEmpty else { return }
        if key.allSatisfy(TokenJaccard.isHan) { readHan(key) } else { readLatin(key) }
    }

    private mutating func readHan(_ key: UnsafeBufferPointer<UInt32>) {
        han = true
        var surname = key[0..<ChineseSurname.length(key)]
        var givenName = key[surname.endIndex...]
        // 小王 / 老李: a prefix and a family name. 王总 / 李经理: a family name and a title.
        if key.count == 2 || key.count == 3, Self.prefixes.contains(key[0]) {
            let rest = UnsafeBufferPointer(rebasing: key[1...])
            if (rest.count == 1 && Self.commonSurnames.contains(rest[0])) || (rest.count == 2 && ChineseSurname.length(rest) == 2) {
                surname = key[1...]
                givenName = key[key.endIndex...]
                familyOnly = true
            }
        }
        if !familyOnly {
            for title in Self.titles where key.count > title.count && key.count - title.count <= 2 && key.suffix(title.count).elementsEqual(title) {
                let head = UnsafeBufferPointer(rebasing: key[0..<(key.count - title.count)])
                if (head.count == 1 && Self.commonSurnames.contains(head[0])) || (head.count == 2 && ChineseSurname.length(head) == 2) {
                    surname = key[0..<head.count]
                    givenName = key[head.count..<head.count]
                    familyOnly = true
                    break
                }
            }
        }
        var out: [UInt32] = []
        for c in surname {
            guard let code = Pinyin.primary[c] else { return }
            out += Pinyin.syllables[Int(code)]
        }
        familyLength = out.count
        if !givenName.isEmpty { out.append(32) }
        for c in givenName {
            guard let code = Pinyin.primary[c] else { return }
            out += Pinyin.syllables[Int(code)]
        }
        romanized = out
        family = out.withUnsafeBufferPointer { CandidatePairs.hashScalars(UnsafeBufferPointer(rebasing: $0[0..<familyLength])) }
    }

    private mutating func readLatin(_ key: UnsafeBufferPointer<UInt32>) {
        var out: [UInt32] = []
        var lastWordStart = 0, words = 0
        var inWord = false
        for c in key {
            let letter = (c >= 97 && c <= 122) || (c > 127 && !TokenJaccard.isHan(c))
            if letter {
                if !inWord { if !out.isEmpty { out.append(32) }; lastWordStart = out.count; words += 1; inWord = true }
                out.append(c)
            } else {
                inWord = false
            }
        }
        guard words > 0 else { return }
        romanized = out
        familyOnly = words == 1
        family = out.withUnsafeBufferPointer { CandidatePairs.hashScalars(UnsafeBufferPointer(rebasing: $0[lastWordStart...])) }
    }

    /// The letters without spaces; for Han names in both orders (family first, given first), as
    /// romanized names are written either way.
    func letterRuns() -> [[UInt32]] {
        let joined = romanized.filter { $0 != 32 }
        guard han, familyLength > 0, familyLength < romanized.count else { return [joined] }
        let familyPart = Array(romanized[0..<familyLength])
        let givenPart = romanized[(familyLength + 1)...].filter { $0 != 32 }
        return [joined, givenPart + familyPart]
    }
}
