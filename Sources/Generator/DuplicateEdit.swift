import Foundation

/// The kinds of differences between two records of one real customer, as the ground truth names
/// them. "Hard" edits change the content after the usual normalisation (case, width, spacing, phone
/// punctuation and country code), so a matcher has to be fuzzy, not just normalise and compare.
public enum DuplicateEdit: String, CaseIterable, Sendable {
    case nameTypo = "name_typo"
    case nameTranspose = "name_transpose"
    case nameOrderSwap = "name_order_swap"
    case nickname
    case romanized
    case englishAlias = "english_alias"
    case emailDropped = "email_dropped"
    case emailTypo = "email_typo"
    case emailOtherMailbox = "email_other_mailbox"
    case phoneDropped = "phone_dropped"
    case phoneTypo = "phone_typo"
    case phoneOtherNumber = "phone_other_number"
    case movedCity = "moved_city"
    case companyVariant = "company_variant"
    // Soft edits: undone by normalisation.
    case phoneReformat = "phone_reformat"
    case fullWidth = "full_width"
    case caseChange = "case_change"
    case spacing

    public var isHard: Bool {
        switch self {
        case .phoneReformat, .fullWidth, .caseChange, .spacing: return false
        default: return true
        }
    }
}

/// Turns an entity's record into the record a second system holds for the same person.
struct DuplicateMaker {
    let population: Population
    let texts: CompanyTexts

    func make(entity: Entity, system: Int, _ rng: inout Xoshiro256) -> (CustomerRecord, [DuplicateEdit]) {
        let styles = PhoneNumber.styleCount(entity.phone.kind)
        var record = CustomerRecord(entity, system: system, phoneStyle: Int(entity.phoneStyle), population: population, texts: texts)
        var edits: [DuplicateEdit] = []
        let company = entity.company >= 0 ? population.companies[Int(entity.company)] : nil

        // Name.
        var strongNameChange = false
        if rng.chance(0.65), let (name, edit) = nameEdit(entity.name, &rng) {
            record.name = name
            edits.append(edit)
            strongNameChange = edit == .nickname || edit == .romanized || edit == .englishAlias
        }

        // Phone.
        var phoneUnusable = false
        if !record.phone.isEmpty && entity.hostile == nil {
            let r = rng.uniform()
            if r < 0.18 {
                record.phone = ""; edits.append(.phoneDropped); phoneUnusable = true
            } else if r < 0.24 {
                record.phone = phoneWithTypo(entity.phone, style: Int(entity.phoneStyle) + 1 + rng.below(max(1, styles - 1)), &rng)
                edits.append(.phoneTypo); phoneUnusable = true
            } else if r < 0.34 {
                var other = company?.switchboard ?? PhoneNumber.randomMobile(&rng)
                if other == entity.phone { other = PhoneNumber.randomMobile(&rng) }
                record.phone = render(other, style: rng.below(8))
                edits.append(.phoneOtherNumber); phoneUnusable = true
            } else if r < 0.79 && styles > 1 {
                record.phone = render(entity.phone, style: Int(entity.phoneStyle) + 1 + rng.below(styles - 1))
                edits.append(.phoneReformat)
            }
        }

        // Email.
        if !record.email.isEmpty && entity.hostile == nil {
            let r = rng.uniform()
            if r < 0.2 && !phoneUnusable {
                record.email = ""; edits.append(.emailDropped)
            } else if r < 0.3 {
                record.email = emailWithTypo(record.email, &rng); edits.append(.emailTypo)
            } else if r < 0.45 {
                record.email = otherMailbox(entity, company: company, &rng); edits.append(.emailOtherMailbox)
            } else if r < 0.6 {
                record.email = mixedCaseEmail(record.email); edits.append(.caseChange)
            }
        }

        if rng.chance(0.15) {
            moveCity(&record, entity: entity, system: system, &rng)
            edits.append(.movedCity)
        }
        if let company, rng.chance(0.4) {
            let variant: Company.Variant = [.otherLegalForm, .shortName, .bracketedCity][rng.below(3)]
            record.company = company.name(variant)
            edits.append(.companyVariant)
        }
        // Every duplicate gets at least one hard edit; and a person must stay recognisable: when
        // the name changed beyond spelling and both contacts are unusable, the phone comes back.
        if !edits.contains(where: \.isHard) {
            if let (name, edit) = nameEdit(entity.name, &rng), rng.chance(0.5) {
                record.name = name
                edits.append(edit)
            } else {
                moveCity(&record, entity: entity, system: system, &rng)
                edits.append(.movedCity)
            }
        }
        let emailUnusable = record.email.isEmpty || edits.contains(.emailTypo) || edits.contains(.emailOtherMailbox)
        if strongNameChange && phoneUnusable && emailUnusable && entity.hasPhone && entity.hostile == nil {
            record.phone = render(entity.phone, style: Int(entity.phoneStyle) + 1)
            edits.removeAll { $0 == .phoneDropped || $0 == .phoneTypo || $0 == .phoneOtherNumber }
            edits.append(.phoneReformat)
        }
        if rng.chance(0.12) {
            // Only a field with ASCII in it can be widened (a Chinese name or an empty phone cannot).
            let widenable = [0, 1, 2].filter { [record.name, record.phone, record.email][$0].unicodeScalars.contains { $0.value > 0x20 && $0.value < 0x7F } }
            if !widenable.isEmpty {
                switch widenable[rng.below(widenable.count)] {
                case 0: record.name = fullWidth(record.name)
                case 1: record.phone = fullWidth(record.phone)
                default: record.email = fullWidth(record.email)
                }
                edits.append(.fullWidth)
            }
        }
        if !entity.name.chinese && rng.chance(0.15) {
            let changed = rng.chance(0.5) ? record.name.uppercased() : record.name.lowercased()
            if changed != record.name {
                record.name = changed
                if !edits.contains(.caseChange) { edits.append(.caseChange) }
            }
        }
        if rng.chance(0.12) {
            record.name = spaced(record.name, &rng)
            edits.append(.spacing)
        }

        if rng.chance(0.5) { record.owner = (record.owner + 1 + rng.below(max(1, population.team.count - 1))) % population.team.count }
        return (record, edits)
    }

    // MARK: - Names

    private func nameEdit(_ name: PersonName, _ rng: inout Xoshiro256) -> (String, DuplicateEdit)? {
        var options: [DuplicateEdit] = [.nameTypo]
        if name.chinese {
            if name.given2 >= 0 && name.given1 != name.given2 { options.append(.nameTranspose) }
            options += [.nickname, .romanized]
            if name.alias >= 0 { options.append(.englishAlias) }
        } else {
            options += [.nameTranspose, .nameOrderSwap]
            let entry = EnglishNames.firstNames[Int(name.first)]
            if !entry.1.isEmpty { options.append(.nickname) }
        }
        let edit = options[rng.below(options.count)]
        let text: String
        switch edit {
        case .nameTypo: text = name.chinese ? chineseTypo(name, &rng) : englishTypo(name, &rng)
        case .nameTranspose:
            if name.chinese {
                text = name.surnameText + ChineseNames.givenChars[Int(name.given2)].syllable.hanzi
                    + ChineseNames.givenChars[Int(name.given1)].syllable.hanzi
            } else {
                text = rng.chance(0.5) ? transposed(name.firstText, &rng) + " " + name.lastText
                                       : name.firstText + " " + transposed(name.lastText, &rng)
            }
        case .nameOrderSwap:
            text = [name.lastText + ", " + name.firstText, name.lastText.uppercased() + " " + name.firstText,
                    name.lastText + " " + name.firstText][rng.below(3)]
        case .nickname:
            if name.chinese {
                // 小王 / 老王 for colleagues, 王总 / 王经理 for a client's manager.
                text = rng.chance(0.5) ? ["小", "老"][rng.below(2)] + name.surnameText
                                       : name.surnameText + ["总", "经理", "先生"][rng.below(3)]
            } else {
                let nicks = EnglishNames.firstNames[Int(name.first)].1
                text = nicks[rng.below(nicks.count)] + " " + name.lastText
            }
        case .romanized:
            let surname = capitalized(name.surnamePinyin)
            let given = capitalized(name.givenPinyin)
            text = [surname + " " + given, surname.uppercased() + " " + given, given + " " + surname][rng.below(3)]
        default:
            text = EnglishNames.firstNames[Int(name.alias)].0 + " " + capitalized(name.surnamePinyin)
        }
        return text == name.canonical ? nil : (text, edit)
    }

    private func chineseTypo(_ name: PersonName, _ rng: inout Xoshiro256) -> String {
        if let alternatives = ChineseNames.surnameHomophones[name.surnameText], rng.chance(0.35) {
            return alternatives[rng.below(alternatives.count)] + name.givenText
        }
        var g1 = ChineseNames.givenChars[Int(name.given1)].syllable.hanzi
        var g2 = name.given2 >= 0 ? ChineseNames.givenChars[Int(name.given2)].syllable.hanzi : ""
        func homophone(_ index: Int16) -> String? {
            let group = ChineseNames.givenGroups[ChineseNames.givenChars[Int(index)].group]
            let own = ChineseNames.givenChars[Int(index)].syllable.hanzi
            let others = group.map(\.hanzi).filter { $0 != own }
            return others.isEmpty ? nil : others[rng.below(others.count)]
        }
        if name.given2 >= 0, rng.chance(0.5), let h = homophone(name.given2) {
            g2 = h
        } else if let h = homophone(name.given1) {
            g1 = h
        } else if name.given2 >= 0 {
            // No homophone to hand: the clerk dropped a character instead.
            g2 = ""
        } else {
            return name.surnameText + g1 + g1
        }
        return name.surnameText + g1 + g2
    }

    private func englishTypo(_ name: PersonName, _ rng: inout Xoshiro256) -> String {
        let spellings = EnglishNames.firstNames[Int(name.first)].2
        if !spellings.isEmpty && rng.chance(0.4) {
            return spellings[rng.below(spellings.count)] + " " + name.lastText
        }
        if rng.chance(0.5) { return typo(name.firstText, &rng) + " " + name.lastText }
        return name.firstText + " " + typo(name.lastText, &rng)
    }

    /// One keyboard slip: a neighbouring key, a dropped letter or a doubled letter.
    private func typo(_ word: String, _ rng: inout Xoshiro256) -> String {
        var chars = Array(word)
        guard chars.count >= 3 else { return word + word.suffix(1) }
        let i = 1 + rng.below(chars.count - 1)
        switch rng.below(3) {
        case 0:
            let rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"].map(Array.init)
            let lower = Character(chars[i].lowercased())
            for row in rows {
                if let j = row.firstIndex(of: lower) {
                    let k = j == 0 ? 1 : (j == row.count - 1 ? j - 1 : (rng.chance(0.5) ? j - 1 : j + 1))
                    chars[i] = row[k]
                    return String(chars)
                }
            }
            chars.remove(at: i)
        case 1: chars.remove(at: i)
        default: chars.insert(chars[i], at: i)
        }
        return String(chars)
    }

    private func transposed(_ word: String, _ rng: inout Xoshiro256) -> String {
        var chars = Array(word)
        guard chars.count >= 3 else { return String(chars.reversed()) }
        for _ in 0..<4 {
            let i = 1 + rng.below(chars.count - 2)
            if chars[i] != chars[i + 1] {
                chars.swapAt(i, i + 1)
                return String(chars)
            }
        }
        return String(chars.reversed())
    }

    // MARK: - Contacts and place

    private func render(_ phone: PhoneNumber, style: Int) -> String {
        var bytes: [UInt8] = []
        phone.render(style: style, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func phoneWithTypo(_ phone: PhoneNumber, style: Int, _ rng: inout Xoshiro256) -> String {
        var bytes: [UInt8] = []
        phone.render(style: style, into: &bytes)
        // Change one of the last four digits: a slip, not a different area or carrier.
        let digitPositions = bytes.indices.filter { bytes[$0] >= 48 && bytes[$0] <= 57 }.suffix(4)
        let i = digitPositions[digitPositions.startIndex + rng.below(digitPositions.count)]
        bytes[i] = 48 + UInt8((Int(bytes[i]) - 48 + 1 + rng.below(9)) % 10)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func emailWithTypo(_ email: String, _ rng: inout Xoshiro256) -> String {
        guard let at = email.firstIndex(of: "@") else { return email + "m" }
        let local = String(email[..<at])
        let domain = String(email[email.index(after: at)...])
        if let typo = EmailAddress.domainTypos[domain], rng.chance(0.6) { return local + "@" + typo }
        return typo(local, &rng) + "@" + domain
    }

    private func otherMailbox(_ entity: Entity, company: Company?, _ rng: inout Xoshiro256) -> String {
        var other = entity.email
        if other.freeDomain < 0 {
            other.freeDomain = Int8(rng.pick(cumulative: entity.name.chinese ? EmailAddress.chineseFreeCumulative
                                                                             : EmailAddress.englishFreeCumulative))
        } else if company != nil {
            other.freeDomain = -1
        } else {
            other.freeDomain = Int8((Int(other.freeDomain) + 1 + rng.below(EmailAddress.chineseFreeDomains.count - 1))
                % EmailAddress.chineseFreeDomains.count)
        }
        other.style = UInt8((Int(other.style) + 1 + rng.below(EmailAddress.styleCount - 1)) % EmailAddress.styleCount)
        return population.mailboxes.secondMailbox(other, name: entity.name, company: company, &rng)
    }

    private func mixedCaseEmail(_ email: String) -> String {
        var result = ""
        var upperNext = true
        for ch in email {
            result += upperNext ? ch.uppercased() : String(ch)
            upperNext = ch == "." || ch == "@" || ch == "_"
        }
        return result == email ? email.uppercased() : result
    }

    private func moveCity(_ record: inout CustomerRecord, entity: Entity, system: Int, _ rng: inout Xoshiro256) {
        if entity.city < 0 {
            let n = Geography.overseas.count
            record.place(cityIndex: -1, overseas: (Int(entity.overseas) + 1 + rng.below(n - 1)) % n, system: system)
            return
        }
        let province = Geography.cities[Int(entity.city)].province
        let range = Geography.cityRange[province]
        var target: Int
        if range.count > 1 && rng.chance(0.6) {
            target = range.lowerBound + rng.below(range.count)
            if target == Int(entity.city) { target = range.lowerBound + (target - range.lowerBound + 1) % range.count }
        } else {
            target = rng.below(Geography.cities.count)
            if Geography.cities[target].province == province { target = (range.upperBound) % Geography.cities.count }
        }
        record.place(cityIndex: target, overseas: -1, system: system)
    }

    // MARK: - Width and spacing

    private func fullWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.value >= 0x21 && s.value <= 0x7E, let wide = Unicode.Scalar(s.value + 0xFEE0) {
                scalars.append(wide)
            } else if s.value == 0x20 {
                scalars.append("\u{3000}")
            } else {
                scalars.append(s)
            }
        }
        return String(scalars)
    }

    private func spaced(_ name: String, _ rng: inout Xoshiro256) -> String {
        if !name.contains(" ") && name.count >= 2 && name.unicodeScalars.allSatisfy({ $0.value >= 0x3000 }) {
            let chars = Array(name)
            return String(chars[0]) + (rng.chance(0.5) ? " " : "\u{3000}") + String(chars[1...])
        }
        return rng.chance(0.5) ? name.replacingOccurrences(of: " ", with: "  ") : " " + name + " "
    }
}
