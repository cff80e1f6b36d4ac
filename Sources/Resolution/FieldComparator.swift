/// Sorts a pair of records into agreement levels, field by field, reading the prepared buffers.
final class FieldComparator: Sendable {
    let comparison: FieldComparison
    let field: PreparedField
    let method: ComparisonMethod
    let top: Int8

    // The field's buffers as constants of this final class: reads need no exclusivity checks,
    // which for the prepared field's mutable properties cost as much as the comparison itself.
    let present: [Bool]
    let codes: [Int32]
    let alternateCodes: [Int32]
    let text: ScalarStrings
    let alternate: ScalarStrings
    let romanized: ScalarStrings
    let familyLength: [Int32]
    let family: [UInt64]
    let familyOnly: [Bool]
    let hanName: [Bool]
    let spelledFromName: [Bool]
    let frequency: [Int32]
    let domainCodes: [Int32]
    let knownDomain: [Bool]
    /// Phones and e-mails held by this many rows or more are shared contacts (0: not applied).
    let sharedContactRows: Int32
    let days: [Int32]
    let numbers: [Double]
    let tokens: [UInt64]
    let tokenOffsets: [Int32]

    init(comparison: FieldComparison, field: PreparedField) {
        self.comparison = comparison
        self.field = field
        self.method = comparison.method
        self.top = Int8(comparison.method.agreementLevels)
        present = field.present
        codes = field.codes
        alternateCodes = field.alternateCodes
        text = field.text
        alternate = field.alternate
        romanized = field.romanized
        familyLength = field.familyLength
        family = field.family
        familyOnly = field.familyOnly
        hanName = field.hanName
        spelledFromName = field.spelledFromName
        frequency = field.frequency
        domainCodes = field.domainCodes
        knownDomain = field.knownDomain
        sharedContactRows = field.kind == .phone || field.kind == .email ? FieldComparator.sharedContact : 0
        days = field.days
        numbers = field.numbers
        tokens = field.tokens
        tokenOffsets = field.tokenOffsets
    }

    /// Rows from which a phone number or e-mail address counts as shared by an organisation.
    static let sharedContact: Int32 = 4

    /// Whether this field's evidence for the pair at `level` belongs to its evidence group: an
    /// e-mail only when both mailbox names are spelled from the person's name and the addresses
    /// differ; other fields always. Namesakes get look-alike handles (zhangwei@qq.com,
    /// zhang.wei@163.com), so a near-miss mailbox repeats what the names said; but a mailbox has
    /// one owner, so the same address — exact, or with its domain mistyped — is evidence of its own.
    @inline(__always)
    func sharesGroup(_ a: Int, _ b: Int, level: Int8) -> Bool {
        spelledFromName.isEmpty || (spelledFromName[a] && spelledFromName[b] && level < Self.sameMailboxLevel)
    }

    /// `ComparisonMethod.email`'s levels from which the two addresses are one mailbox.
    static let sameMailboxLevel: Int8 = 2

    /// Whether two look-alike domains can be one mistyped: not when both are well-known
    /// providers (163.com and 126.com are two edits apart and two mailboxes; among a million
    /// customers, the 陈丽s and 陈立s hold chenli81 at both).
    @inline(__always)
    func couldBeOneDomain(_ a: Int, _ b: Int) -> Bool {
        guard !domainCodes.isEmpty, domainCodes[a] >= 0, domainCodes[b] >= 0 else { return true }
        return !(knownDomain[Int(domainCodes[a])] && knownDomain[Int(domainCodes[b])])
    }

    /// Jaccard overlap of two rows' prepared token sets.
    @inline(__always)
    func tokenOverlap(_ a: Int, _ b: Int) -> Double {
        var i = Int(tokenOffsets[a]), j = Int(tokenOffsets[b])
        let ei = Int(tokenOffsets[a + 1]), ej = Int(tokenOffsets[b + 1])
        let na = ei - i, nb = ej - j
        if na == 0 && nb == 0 { return 1 }
        var common = 0
        tokens.withUnsafeBufferPointer { t in
            while i < ei && j < ej {
                if t[i] == t[j] { common += 1; i += 1; j += 1 } else if t[i] < t[j] { i += 1 } else { j += 1 }
            }
        }
        return Double(common) / Double(na + nb - common)
    }

    /// The agreement level of rows `a` and `b`: -1 when either is missing, 0 disagree, up to
    /// `method.agreementLevels` for exact.
    func level(_ a: Int, _ b: Int) -> Int8 {
        guard present[a], present[b] else { return -1 }
        switch method {
        case .date(let near):
            switch DateProximity.relation(days[a], days[b], nearDays: near) {
            case .same: return 2
            case .dayMonthSwapped, .within: return 1
            case .apart: return 0
            }
        case .numeric(let tolerance):
            let x = numbers[a], y = numbers[b]
            if x == y { return 2 }
            return abs(x - y) <= tolerance ? 1 : 0
        case .timeApart(let limits):
            let apart = abs(Int(days[a]) - Int(days[b]))
            var level: Int8 = 0
            for limit in limits where apart <= limit { level += 1 }
            return level
        default:
            break
        }
        if codes[a] == codes[b] {
            // 胡先生 and 胡先生, 王总 and 王总, a lone "Smith" twice: a family name (with a title or
            // without) names anyone called Hu or Smith — as strong as agreeing on the family
            // name, not as agreeing on a full name.
            if !familyOnly.isEmpty, familyOnly[a] { return 1 }
            return top
        }
        // A contact that many records share (a switchboard, info@…) belongs to an organisation,
        // not to the person: a record holding it says nothing about the person's own number.
        if sharedContactRows > 0, max(frequency[Int(codes[a])], frequency[Int(codes[b])]) >= sharedContactRows { return -1 }
        return text.withScalars(a) { x in
            text.withScalars(b) { y in textLevel(x, y, a, b) }
        }
    }

    private func textLevel(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int) -> Int8 {
        switch method {
        case .personName:
            return personNameLevel(x, y, a, b)
        case .email:
            let atX = lastAt(x), atY = lastAt(y)
            guard atX > 0, atY > 0 else { return DamerauLevenshtein.isWithinOne(x, y) ? 1 : 0 }
            let lx = UnsafeBufferPointer(rebasing: x[0..<atX]), ly = UnsafeBufferPointer(rebasing: y[0..<atY])
            if atX == atY && memEqual(x, y, atX) {
                // Same mailbox name: a mistyped domain (qq.con) is the same address; another
                // provider is only a hint (handles repeat across providers, and between namesakes).
                let dx = UnsafeBufferPointer(rebasing: x[(atX + 1)...]), dy = UnsafeBufferPointer(rebasing: y[(atY + 1)...])
                return DamerauLevenshtein.distance(dx, dy, limit: 2) <= 2 && couldBeOneDomain(a, b) ? 2 : 1
            }
            // Handles are made from names, so namesakes' handles differ only in their digits or
            // dots (`zhang.wei7` / `zhangwei4`): a different mailbox. Weak evidence only for the
            // same letters with the same digits, or — at the same provider, where a typo keeps
            // the domain — the same digits with one letter slipped (`yangping` / `yangying` at two
            // providers are two people with similar names).
            let dx = UnsafeBufferPointer(rebasing: x[(atX + 1)...]), dy = UnsafeBufferPointer(rebasing: y[(atY + 1)...])
            let sameProvider = dx.elementsEqual(dy)
            return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * (lx.count + ly.count)) { t -> Int8 in
                var n = 0
                func split(_ s: UnsafeBufferPointer<UInt32>) -> (Range<Int>, Range<Int>) {
                    let l0 = n
                    for c in s where (c >= 97 && c <= 122) || c > 127 { t[n] = c; n += 1 }
                    let d0 = n
                    for c in s where c >= 48 && c <= 57 { t[n] = c; n += 1 }
                    return (l0..<d0, d0..<n)
                }
                let (lettersX, digitsX) = split(lx), (lettersY, digitsY) = split(ly)
                let lX = UnsafeBufferPointer(rebasing: t[lettersX]), lY = UnsafeBufferPointer(rebasing: t[lettersY])
                let dX = UnsafeBufferPointer(rebasing: t[digitsX]), dY = UnsafeBufferPointer(rebasing: t[digitsY])
                guard dX.elementsEqual(dY) else { return 0 }
                if lX.elementsEqual(lY) { return 1 }
                guard sameProvider && lX.count >= 4 && DamerauLevenshtein.isWithinOne(lX, lY) else { return 0 }
                // One letter slipped beside the same number at the same provider
                // (yangdonghui60 / yangdonghuu60): the same mailbox mistyped, as with a domain slip.
                return dX.isEmpty ? 1 : 2
            }
        case .phone:
            return x.count == y.count && DamerauLevenshtein.isWithinOne(x, y) ? 1 : 0
        case .company:
            return tokenOverlap(a, b) >= 0.5 || JaroWinkler.similarity(x, y) >= 0.9 ? 1 : 0
        case .exact:
            return 0
        case .jaroWinkler(let thresholds):
            let s = JaroWinkler.similarity(x, y)
            var level: Int8 = 0
            for t in thresholds where s >= t { level += 1 }
            return level
        case .tokens(let thresholds):
            let s = tokenOverlap(a, b)
            var level: Int8 = 0
            for t in thresholds where s >= t { level += 1 }
            return level
        case .levenshtein(let k):
            return Levenshtein.distance(x, y, limit: k) <= k ? 1 : 0
        case .damerau(let k):
            if k == 1 { return DamerauLevenshtein.isWithinOne(x, y) ? 1 : 0 }
            return DamerauLevenshtein.distance(x, y, limit: k) <= k ? 1 : 0
        case .date, .numeric, .timeApart:
            return 0
        }
    }

    /// Levels of `ComparisonMethod.personName` below exact (5).
    private func personNameLevel(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int) -> Int8 {
        if alternateCodes[a] == alternateCodes[b] { return 4 }
        // Only a family name on one side (王总, 小王, a one-word name): it agrees or it does not.
        if familyOnly[a] || familyOnly[b] {
            return family[a] != 0 && family[a] == family[b] ? 1 : 0
        }
        let hanA = hanName[a], hanB = hanName[b]
        if hanA && hanB {
            // The same sound typed through a pinyin input method (王伟 / 王玮) or one character off.
            if romanized.length(a) > 0 && romanized.withScalars(a, { p in romanized.withScalars(b) { q in p.elementsEqual(q) } }) {
                return 3
            }
            return chineseNameLevel(x, y)
        }
        if hanA != hanB {
            // One side romanized: compare letters, the Han name read family-first and given-first.
            let (h, l) = hanA ? (a, b) : (b, a)
            let level = romanizedLevel(han: h, latin: l)
            if level > 0 { return level }
            // An English given name with the family name in pinyin (James Chen / 陈凯国).
            return family[a] != 0 && family[a] == family[b] ? 1 : 0
        }
        var jw = JaroWinkler.similarity(x, y)
        if jw < 0.92 {
            jw = max(jw, alternate.withScalars(a) { p in alternate.withScalars(b) { q in JaroWinkler.similarity(p, q) } })
        }
        // Whole-string Jaro-Winkler rewards a shared surname (`jessica clark` / `daniel clark`
        // score 0.8); names of several words must also agree word by word (Monge-Elkan).
        if jw >= 0.80 - 1e-9, x.contains(32) || y.contains(32) {
            jw = min(jw, MongeElkan.similarity(x, y))
        }
        // Thresholds carry a small tolerance: 0.8 computed in floating point can land a hair below.
        if jw >= 0.92 - 1e-9 { return 3 }
        if jw >= 0.80 - 1e-9 { return 2 }
        return 0
    }

    /// 4 when a Latin name spells the Han name's pinyin (either order, spaces ignored), 3 when it
    /// is within Jaro-Winkler 0.92 of it (a romanization typo), else 0.
    private func romanizedLevel(han h: Int, latin l: Int) -> Int8 {
        let hanLength = romanized.length(h), latinLength = romanized.length(l)
        guard hanLength > 0, latinLength > 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * (hanLength + latinLength)) { t -> Int8 in
            var n = 0
            romanized.withScalars(l) { s in for c in s where c != 32 { t[n] = c; n += 1 } }
            let latin = UnsafeBufferPointer(rebasing: t[0..<n])
            let familyEnd = Int(familyLength[h])
            var best = 0.0
            romanized.withScalars(h) { s in
                // Family first, then given first.
                var start = n
                for c in s where c != 32 { t[n] = c; n += 1 }
                let familyFirst = UnsafeBufferPointer(rebasing: t[start..<n])
                if familyFirst.elementsEqual(latin) { best = 1; return }
                best = JaroWinkler.similarity(familyFirst, latin)
                guard familyEnd > 0, familyEnd < s.count else { return }
                start = n
                for c in s[(familyEnd + 1)...] where c != 32 { t[n] = c; n += 1 }
                for c in s[0..<familyEnd] { t[n] = c; n += 1 }
                let givenFirst = UnsafeBufferPointer(rebasing: t[start..<n])
                if givenFirst.elementsEqual(latin) { best = 1; return }
                best = max(best, JaroWinkler.similarity(givenFirst, latin))
            }
            if best >= 1 { return 4 }
            return best >= 0.92 - 1e-9 ? 3 : 0
        }
    }

    /// Chinese names are two to four characters; Jaro-Winkler on them mostly measures the shared
    /// surname (司马华/司马梓 score 0.82), so they are compared character by character:
    /// - 3 (close): two characters swapped (张彬毅/张毅彬), or one replaced by a character that reads
    ///   alike (李国军/李国君, 陈成/程成) — what a pinyin input method gets wrong;
    /// - 2 (similar): one given-name character replaced by one that reads differently (王红仪/王红阳),
    ///   or typed twice or left out (李海/李海海, 王思/王思琳). Relatives' names look like this too —
    ///   siblings share a generation character — so EM weighs the level apart from close;
    /// - 0: anything else. With a one-character given name a different character is a different
    ///   person (王伟/王强: a sibling, a spouse).
    private func chineseNameLevel(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>) -> Int8 {
        guard DamerauLevenshtein.isWithinOne(x, y) else { return 0 }
        let familyLength = ChineseSurname.length(x)
        guard familyLength == ChineseSurname.length(y) else { return 0 }
        var i = 0
        while i < x.count && i < y.count && x[i] == y[i] { i += 1 }
        if x.count != y.count {
            // One character more or less, past the surname, leaving a given name on both sides.
            return i >= familyLength && min(x.count, y.count) > familyLength ? 2 : 0
        }
        let givenLength = x.count - familyLength
        if i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[i] != y[i] {
            return givenLength >= 2 ? 3 : 0
        }
        if Pinyin.soundsAlike(x[i], y[i]) { return 3 }
        return i >= familyLength && givenLength >= 2 ? 2 : 0
    }

    @inline(__always) private func lastAt(_ s: UnsafeBufferPointer<UInt32>) -> Int {
        var i = s.count - 1
        while i >= 0 { if s[i] == 64 { return i }; i -= 1 }
        return -1
    }

    @inline(__always) private func memEqual(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>, _ n: Int) -> Bool {
        for i in 0..<n where x[i] != y[i] { return false }
        return true
    }
}

/// All compared fields of a configuration that the table has.
struct RecordComparator: Sendable {
    let fields: [FieldComparator]

    var count: Int { fields.count }

    /// Writes each field's level for the pair into `out[0..<count]`.
    @inline(__always)
    func compare(_ a: Int, _ b: Int, into out: UnsafeMutablePointer<Int8>) {
        fields.withUnsafeBufferPointer { fs in
            for k in 0..<fs.count { out[k] = fs[k].level(a, b) }
        }
    }
}
