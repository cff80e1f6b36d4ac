/// Chinese characters to toneless pinyin, for matching: a name typed through a pinyin input
/// method comes out as a homophone (王伟 / 王玮), and the same person is often romanized in a
/// second system (刘艳红 / Yanhong Liu, LIU Yanhong). Both agree once written in pinyin.
enum Pinyin {
    /// Syllables as scalars, indexed by the codes below.
    static let syllables: [[UInt32]] = tables.syllables
    /// Character → its most common reading's syllable index.
    static let primary: [UInt32: UInt16] = tables.primary

    /// Whether two characters read alike under the fuzzy-pinyin rules input methods offer for
    /// speakers who do not tell these sounds apart (搜狗's 模糊音): zh/z, ch/c, sh/s, l/n at the
    /// start, -ng/-n at the end (陈 chen / 程 cheng, 林 lin / 凌 ling). Homophones count too.
    static func soundsAlike(_ a: UInt32, _ b: UInt32) -> Bool {
        guard let ca = primary[a], let cb = primary[b] else { return false }
        return ca == cb || fuzzy(syllables[Int(ca)]) == fuzzy(syllables[Int(cb)])
    }

    private static func fuzzy(_ syllable: [UInt32]) -> [UInt32] {
        let h: UInt32 = 104, z: UInt32 = 122, c: UInt32 = 99, s: UInt32 = 115, l: UInt32 = 108, n: UInt32 = 110, g: UInt32 = 103
        var out = syllable
        if out.count > 2, [z, c, s].contains(out[0]), out[1] == h { out.remove(at: 1) }
        if out.first == l { out[0] = n }
        if out.count > 2, out[out.count - 1] == g, out[out.count - 2] == n { out.removeLast() }
        return out
    }

    private static let tables: (syllables: [[UInt32]], primary: [UInt32: UInt16]) = {
        var syllables: [[UInt32]] = []
        var primary: [UInt32: UInt16] = [:]
        for line in PinyinTable.primary {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let code = UInt16(syllables.count)
            syllables.append(parts[0].unicodeScalars.map(\.value))
            for ch in parts[1].unicodeScalars where primary[ch.value] == nil { primary[ch.value] = code }
        }
        return (syllables, primary)
    }()
}
