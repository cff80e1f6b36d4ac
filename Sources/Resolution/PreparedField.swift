import Cleaning
import Columns

/// One column made ready for comparison and blocking: normalised text as scalars, an interned
/// code per row (equal codes ⇔ equal normalised values; -1 when missing), and how often each
/// value occurs (for term-frequency weights). Dates and numbers keep their typed value.
final class PreparedField: @unchecked Sendable {
    enum Kind: Sendable { case personName, email, phone, company, place, text, date, number }

    let column: String
    let kind: Kind
    var text = ScalarStrings()
    var codes: [Int32] = []
    var frequency: [Int32] = []
    /// Person names only: the words sorted and nicknames made formal (`Bob Smith` → `robert smith`
    /// sorted), for reordered names and nicknames.
    var alternate = ScalarStrings()
    var alternateCodes: [Int32] = []
    /// A coarser value for term frequencies of partial agreement: person names their sound
    /// (`NameForms` letters sorted), e-mails their mailbox name. -1 when none.
    var fuzzyCodes: [Int32] = []
    var fuzzyFrequency: [Int32] = []
    /// E-mails only: the domain's code per row, and per code whether it is a well-known mail
    /// provider — two of those are two providers, not one mistyped.
    var domainCodes: [Int32] = []
    var knownDomain: [Bool] = []
    /// Person names: the family name's code and frequency, for family-only agreement.
    var familyCodes: [Int32] = []
    var familyFrequency: [Int32] = []
    /// E-mails only: the mailbox name is spelled from the row's person name (`li.feiwen`,
    /// `jbaker`), so agreeing on it says little more than agreeing on the name.
    var spelledFromName: [Bool] = []
    /// Person names only: the `NameForms` of each row (romanized letters, family name).
    var romanized = ScalarStrings()
    var familyLength: [Int32] = []
    var family: [UInt64] = []
    var familyOnly: [Bool] = []
    var hanName: [Bool] = []
    var days: [Int32] = []
    var numbers: [Double] = []
    /// Rows holding a value.
    var present: [Bool] = []
    var distinctValues = 0
    /// Sorted distinct token hashes per row (company and free-text fields), so token overlap is a
    /// merge of two short sorted runs instead of tokenising both strings for every pair.
    var tokens: [UInt64] = []
    var tokenOffsets: [Int32] = []

    func buildTokens() {
        tokens = []
        tokenOffsets = [0]
        tokens.reserveCapacity(text.scalars.count / 2)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 4096) { scratch in
            for r in 0..<text.count {
                text.withScalars(r) { s in
                    let clipped = UnsafeBufferPointer(rebasing: s[0..<min(s.count, 4000)])
                    let n = TokenJaccard.tokenHashes(clipped, into: scratch)
                    tokens.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<n]))
                }
                tokenOffsets.append(Int32(tokens.count))
            }
        }
    }

    /// Fills the name forms, computed once per distinct name.
    func buildNameForms() {
        var formsOfCode = [NameForms?](repeating: nil, count: distinctValues)
        let n = codes.count
        romanized = ScalarStrings()
        romanized.scalars.reserveCapacity(text.scalars.count)
        familyLength = [Int32](repeating: 0, count: n)
        family = [UInt64](repeating: 0, count: n)
        familyOnly = [Bool](repeating: false, count: n)
        hanName = [Bool](repeating: false, count: n)
        for r in 0..<n {
            let c = Int(codes[r])
            var forms = NameForms()
            if c >= 0 {
                if let known = formsOfCode[c] { forms = known } else {
                    forms = text.withScalars(r) { NameForms($0) }
                    formsOfCode[c] = forms
                }
            }
            romanized.scalars.append(contentsOf: forms.romanized)
            romanized.offsets.append(Int32(romanized.scalars.count))
            familyLength[r] = Int32(forms.familyLength)
            family[r] = forms.family
            familyOnly[r] = forms.familyOnly
            hanName[r] = forms.han
        }
        (fuzzyCodes, fuzzyFrequency) = internFuzzy { r, intern in
            guard !familyOnly[r], romanized.length(r) > 0 else { return nil }
            return romanized.withScalars(r) { s -> Int32 in
                var letters = s.filter { $0 != 32 }
                letters.sort()
                return letters.withUnsafeBytes { intern($0) }
            }
        }
        (familyCodes, familyFrequency) = internFuzzy { r, intern in
            guard family[r] != 0 else { return nil }
            var h = family[r]
            return withUnsafeBytes(of: &h) { intern($0) }
        }
    }

    /// Codes and frequencies for the coarser values; `key` gives a row's bytes to intern (nil: none).
    func internFuzzy(_ key: (Int, (UnsafeRawBufferPointer) -> Int32) -> Int32?) -> ([Int32], [Int32]) {
        var interner = ByteInterner()
        var codes = [Int32](repeating: -1, count: present.count)
        for r in 0..<present.count where present[r] {
            codes[r] = key(r) { interner.intern($0) } ?? -1
        }
        return (codes, PreparedRecords.frequencies(codes, distinct: interner.count))
    }

    /// Mailbox names (before the last `@`) as the e-mail's coarser value, and the domains.
    func buildHandles() {
        (fuzzyCodes, fuzzyFrequency) = internFuzzy { r, intern in
            text.withScalars(r) { s -> Int32? in
                guard let at = s.lastIndex(of: 64), at > 0 else { return nil }
                return intern(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: s[0..<at])))
            }
        }
        var interner = ByteInterner()
        var known: [Bool] = []
        domainCodes = [Int32](repeating: -1, count: present.count)
        for r in 0..<present.count where present[r] {
            domainCodes[r] = text.withScalars(r) { s -> Int32 in
                guard let at = s.lastIndex(of: 64), at + 1 < s.count else { return -1 }
                let domain = UnsafeBufferPointer(rebasing: s[(at + 1)...])
                let code = interner.intern(UnsafeRawBufferPointer(domain))
                if Int(code) == known.count {
                    known.append(DomainTypos.knownDomains.contains(String(String.UnicodeScalarView(domain.compactMap(Unicode.Scalar.init)))))
                }
                return code
            }
        }
        knownDomain = known
    }

    init(column: String, kind: Kind) {
        self.column = column
        self.kind = kind
    }

    @inline(__always) func isPresent(_ row: Int) -> Bool { present[row] }

    /// What the field shows for a row in explanations.
    func display(_ row: Int) -> String {
        guard present[row] else { return "∅" }
        switch kind {
        case .date: return CivilDate.iso(Int(days[row]))
        case .number: return formatDouble(numbers[row])
        default: return "\"" + text.string(row) + "\""
        }
    }

    /// Share of non-missing rows holding this row's value.
    @inline(__always) func relativeFrequency(_ row: Int, nonMissing: Int) -> Double {
        let c = codes[row]
        guard c >= 0, nonMissing > 0 else { return 1 }
        return Double(frequency[Int(c)]) / Double(nonMissing)
    }

    static func kind(column: String, method: ComparisonMethod?, type: ColumnType) -> Kind {
        if type == .date || type == .timestamp { return .date }
        if type == .double || type == .int64 { return .number }
        switch method {
        case .personName: return .personName
        case .email: return .email
        case .phone: return .phone
        case .company: return .company
        case .date, .timeApart: return .date
        case .numeric: return .number
        default: break
        }
        switch column {
        case "name": return .personName
        case "email": return .email
        case "phone": return .phone
        case "company": return .company
        case "city", "region": return .place
        default: return .text
        }
    }

    /// The normalised form of one cell, or nil when it carries no value.
    static func normalize(_ raw: String, kind: Kind) -> String? {
        let s: String
        switch kind {
        case .personName: s = PersonNameNormalizer.normalize(raw).key
        case .email: s = EmailNormalizer.matchingValue(raw)
        case .phone:
            let p = PhoneNormalizer.normalize(raw)
            s = p.isValid ? p.value : String(p.value.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }.map(Character.init))
        case .company: s = CompanyNameNormalizer.normalize(raw).key
        case .place: s = RegionMap.shortPlaceName(raw).lowercased()
        case .text, .date, .number: s = WidthFolding.foldAndCollapse(raw).lowercased()
        }
        return s.isEmpty ? nil : s
    }

    /// Sorted words with formal given names: the reorder- and nickname-blind form of a name key.
    static func alternateName(_ key: String) -> String {
        key.split(separator: " ").map { Nicknames.canonical(String($0)) }.sorted().joined(separator: " ")
    }
}
