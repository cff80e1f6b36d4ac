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
        case .date: return .date
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
        case .email: s = EmailNormalizer.normalize(raw).value
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
