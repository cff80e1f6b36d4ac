/// Chinese characters to toneless pinyin, for matching: a name typed through a pinyin input
/// method comes out as a homophone (王伟 / 王玮), and the same person is often romanized in a
/// second system (刘艳红 / Yanhong Liu, LIU Yanhong). Both agree once written in pinyin.
enum Pinyin {
    /// Syllables as scalars, indexed by the codes below.
    static let syllables: [[UInt32]] = tables.syllables
    /// Character → its most common reading's syllable index (UInt16.max: unknown).
    static let primary: [UInt32: UInt16] = tables.primary
    /// Character → further readings (多音字), for surnames read differently (曾 zeng, 单 shan).
    static let secondary: [UInt32: [UInt16]] = tables.secondary

    private static let tables: (syllables: [[UInt32]], primary: [UInt32: UInt16], secondary: [UInt32: [UInt16]]) = {
        var syllables: [[UInt32]] = []
        var index: [String: UInt16] = [:]
        func code(_ s: Substring) -> UInt16 {
            let key = String(s)
            if let c = index[key] { return c }
            let c = UInt16(syllables.count)
            syllables.append(key.unicodeScalars.map(\.value))
            index[key] = c
            return c
        }
        var primary: [UInt32: UInt16] = [:]
        for line in PinyinTable.primary {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let c = code(parts[0])
            for ch in parts[1].unicodeScalars where primary[ch.value] == nil { primary[ch.value] = c }
        }
        var secondary: [UInt32: [UInt16]] = [:]
        for line in PinyinTable.secondary {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let c = code(parts[0])
            for ch in parts[1].unicodeScalars { secondary[ch.value, default: []].append(c) }
        }
        return (syllables, primary, secondary)
    }()

    /// Writes the romanized form of an all-Han name into `out` as `surname given` (given-name
    /// syllables run together, as names are romanized: 刘艳红 → `liu yanhong`) and returns its
    /// length, or nil when a character has no known reading. `surnameReading` picks one of the
    /// surname's readings (0 = most common), so 曾 can be read `zeng`.
    static func romanizeName(_ name: UnsafeBufferPointer<UInt32>, surnameReading: Int = 0,
                             into out: UnsafeMutableBufferPointer<UInt32>) -> Int? {
        let surname = ChineseSurname.length(name)
        var n = 0
        for i in 0..<name.count {
            var syllable: UInt16
            guard let p = primary[name[i]] else { return nil }
            syllable = p
            if i == 0 && surnameReading > 0 {
                guard let others = secondary[name[i]], surnameReading - 1 < others.count else { return nil }
                syllable = others[surnameReading - 1]
            }
            if i == surname && i > 0 {
                guard n < out.count else { return nil }
                out[n] = 32
                n += 1
            }
            for s in syllables[Int(syllable)] {
                guard n < out.count else { return nil }
                out[n] = s
                n += 1
            }
        }
        return n
    }

    /// How many readings the name's first character (its surname) has.
    static func surnameReadings(_ name: UnsafeBufferPointer<UInt32>) -> Int {
        guard let first = name.first, primary[first] != nil else { return 0 }
        return 1 + (secondary[first]?.count ?? 0)
    }
}
