/// Chinese characters to toneless pinyin, for matching: a name typed through a pinyin input
/// method comes out as a homophone (王伟 / 王玮), and the same person is often romanized in a
/// second system (刘艳红 / Yanhong Liu, LIU Yanhong). Both agree once written in pinyin.
enum Pinyin {
    /// Syllables as scalars, indexed by the codes below.
    static let syllables: [[UInt32]] = tables.syllables
    /// Character → its most common reading's syllable index.
    static let primary: [UInt32: UInt16] = tables.primary

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
