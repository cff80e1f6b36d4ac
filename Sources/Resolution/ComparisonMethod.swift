/// How one field of two records is compared. Each method sorts a pair into a few ordered
/// agreement levels (0 = disagree … highest = exact); a missing value on either side is its own
/// state and contributes no evidence either way (null-aware).
public enum ComparisonMethod: Sendable, Equatable, Codable {
    /// Person names: exact · same after reordering words or nicknames · Jaro-Winkler ≥ 0.92 · ≥ 0.80.
    case personName
    /// E-mail: exact · the same mailbox mistyped: its domain (≤ 2 edits, not two known providers)
    /// or one letter beside the same number at the same provider · same mailbox name at another
    /// provider, or the same letters and digits punctuated differently, or one letter slipped.
    case email
    /// Phone: exact · one digit wrong or two swapped.
    case phone
    /// Company: same key (legal form dropped) · token overlap ≥ 0.5 or Jaro-Winkler ≥ 0.9.
    case company
    /// Exact equality after width-folding, trimming and lower-casing.
    case exact
    /// Jaro-Winkler similarity, one level per threshold (ascending), above the exact level.
    case jaroWinkler(thresholds: [Double])
    /// Levenshtein distance: exact · within `maxEdits`.
    case levenshtein(maxEdits: Int)
    /// Damerau (adjacent-swap aware) distance: exact · within `maxEdits` (ids, postcodes).
    case damerau(maxEdits: Int)
    /// Token Jaccard overlap, one level per threshold (ascending): addresses, free text.
    case tokens(thresholds: [Double])
    /// Dates: same day · day and month swapped or within `nearDays`.
    case date(nearDays: Int)
    /// Numbers: equal · within `tolerance`.
    case numeric(tolerance: Double)

    /// Levels besides "disagree": the highest level is exact agreement.
    public var agreementLevels: Int {
        switch self {
        case .personName: 5
        case .email: 3
        case .phone, .company, .levenshtein, .damerau, .date, .numeric: 2
        case .exact: 1
        case .jaroWinkler(let t), .tokens(let t): t.count + 1
        }
    }

    public var levelCount: Int { agreementLevels + 1 }

    /// Words for a level, for merge logs and `explain`.
    public func describe(level: Int) -> String {
        if level < 0 { return "missing" }
        if level == 0 { return "different" }
        if level == agreementLevels { return "exact" }
        switch self {
        case .personName:
            return ["", "same family name, given name missing or not comparable", "similar (JW ≥ 0.80)",
                    "close (JW ≥ 0.92, one character off, or same sound)", "same name reordered, nickname or romanized"][level]
        case .email: return ["", "same mailbox name elsewhere, or one letter off", "same mailbox mistyped (domain, or a letter beside the same number)"][level]
        case .phone: return "one digit off or swapped"
        case .company: return "overlapping words"
        case .jaroWinkler(let t): return "Jaro-Winkler ≥ \(t[level - 1])"
        case .tokens(let t): return "token overlap ≥ \(t[level - 1])"
        case .levenshtein(let k), .damerau(let k): return "within \(k) edits"
        case .date(let d): return "day/month swapped or within \(d) days"
        case .numeric(let tol): return "within \(tol)"
        case .exact: return "exact"
        }
    }
}

/// One compared field: the column and how to compare it.
public struct FieldComparison: Sendable, Equatable, Codable {
    public var column: String
    public var method: ComparisonMethod
    /// Scale the weight of exact agreement by how common the value is (a switchboard number or
    /// 王伟 says less than a rare value); Splink's term-frequency adjustment.
    public var termFrequencyAdjusted: Bool
    /// Fields that tend to agree together even for different people (a household shares its
    /// phone and address) form one evidence group: of their positive weights only the largest
    /// counts, so one shared household does not count twice. Negative weights all count.
    public var evidenceGroup: String?

    public init(column: String, method: ComparisonMethod, termFrequencyAdjusted: Bool = false, evidenceGroup: String? = nil) {
        self.column = column
        self.method = method
        self.termFrequencyAdjusted = termFrequencyAdjusted
        self.evidenceGroup = evidenceGroup
    }
}
