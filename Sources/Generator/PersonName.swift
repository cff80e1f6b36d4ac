/// A person's name as indices into the name tables, rendered on demand: the canonical form for the
/// first record, and the forms a second system ends up with (romanized, nickname, order swapped …).
struct PersonName: Sendable {
    var chinese: Bool
    /// Chinese: surname and one or two given characters (`given2 < 0` = single). English: `first`, `last`.
    var surname: Int16 = 0
    var given1: Int16 = 0
    var given2: Int16 = -1
    var first: Int16 = 0
    var last: Int16 = 0
    /// A Chinese person's English first name (David Wang), or -1.
    var alias: Int16 = -1

    static func random(chinese: Bool, _ rng: inout Xoshiro256) -> PersonName {
        if chinese {
            return PersonName(chinese: true, surname: Int16(rng.pick(cumulative: ChineseNames.surnameCumulative)),
                              given1: Int16(rng.below(ChineseNames.givenChars.count)),
                              given2: rng.chance(0.7) ? Int16(rng.below(ChineseNames.givenChars.count)) : -1,
                              alias: rng.chance(0.2) ? Int16(rng.below(EnglishNames.firstNames.count)) : -1)
        }
        return PersonName(chinese: false, first: Int16(rng.below(EnglishNames.firstNames.count)),
                          last: Int16(rng.below(EnglishNames.lastNames.count)))
    }

    var surnameText: String { ChineseNames.surnames[Int(surname)].0 }
    var surnamePinyin: String { ChineseNames.surnames[Int(surname)].1 }
    var givenText: String {
        ChineseNames.givenChars[Int(given1)].syllable.hanzi + (given2 >= 0 ? ChineseNames.givenChars[Int(given2)].syllable.hanzi : "")
    }
    var givenPinyin: String {
        ChineseNames.givenChars[Int(given1)].syllable.pinyin + (given2 >= 0 ? ChineseNames.givenChars[Int(given2)].syllable.pinyin : "")
    }
    var firstText: String { EnglishNames.firstNames[Int(first)].0 }
    var lastText: String { EnglishNames.lastNames[Int(last)] }

    /// The registered form: 王伟明, Robert Smith.
    var canonical: String { chinese ? surnameText + givenText : firstText + " " + lastText }

    /// Appends the canonical form's bytes without building a String per part.
    func appendCanonical(into out: inout [UInt8]) {
        if chinese {
            out += ChineseNames.surnameBytes[Int(surname)]
            out += ChineseNames.givenBytes[Int(given1)]
            if given2 >= 0 { out += ChineseNames.givenBytes[Int(given2)] }
        } else {
            out += EnglishNames.firstBytes[Int(first)]
            out.append(32)
            out += EnglishNames.lastBytes[Int(last)]
        }
    }
}

extension ChineseNames {
    static let surnameBytes: [[UInt8]] = surnames.map { Array($0.0.utf8) }
    static let givenBytes: [[UInt8]] = givenChars.map { Array($0.syllable.hanzi.utf8) }
}

extension EnglishNames {
    static let firstBytes: [[UInt8]] = firstNames.map { Array($0.0.utf8) }
    static let lastBytes: [[UInt8]] = lastNames.map { Array($0.utf8) }
}

func capitalized(_ s: String) -> String {
    guard let f = s.first else { return s }
    return f.uppercased() + s.dropFirst()
}
