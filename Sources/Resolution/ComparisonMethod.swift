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
    /// Moments (record creation times and the like) by how far apart they are: one level per
    /// limit in days (descending, so the top level is the closest), none "exact". A second system
    /// tends to take a customer in around the time the first did (a hand-over, a first order),
    /// while namesakes were entered at unrelated times; EM learns how much that says, and when
    /// every record was bulk-loaded on one day it learns that it says nothing.
    case timeApart(withinDays: [Int])

    /// Levels besides "disagree": the highest level is exact agreement.
    public var agreementLevels: Int {
        switch self {
        case .personName: 5
        case .email: 3
        case .phone, .company, .levenshtein, .damerau, .date, .numeric: 2
        case .exact: 1
        case .jaroWinkler(let t), .tokens(let t): t.count + 1
        case .timeApart(let limits): limits.count
        }
    }

    public var levelCount: Int { agreementLevels + 1 }

    /// The least share of true matches assumed at any level, or 0. Bookkeeping such as when a
    /// record was entered may speak against a match but never veto one: the generated data has
    /// no duplicate entered a year apart, so EM puts m near 0 there (-29 bits, outweighing a shared
    /// e-mail and phone), while a real second system may take a customer in years later.
    var minimumM: Double {
        if case .timeApart = self { return 0.01 }
        return 0
    }

    /// `m` with every level raised to `minimumM`, taken from the other levels in proportion.
    func withMinimumM(_ m: [Double]) -> [Double] {
        let floor = minimumM
        guard floor > 0, m.contains(where: { $0 < floor }) else { return m }
        let raised = m.map { max($0, floor) }
        let excess = raised.reduce(0, +) - 1
        let spare = zip(m, raised).reduce(0) { $0 + ($1.0 > floor ? $1.1 - floor : 0) }
        guard spare > excess else { return m }
        return raised.map { $0 > floor ? $0 - ($0 - floor) * excess / spare : $0 }
    }

    /// Words for a level, for merge logs and `explain`.
    public func describe(level: Int) -> String {
        if level < 0 { return "missing" }
        if level == 0 {
            if case .timeApart(let limits) = self, let widest = limits.max() { return "more than \(widest) days apart" }
            return "different"
        }
        if case .timeApart(let limits) = self { return "within \(limits.sorted(by: >)[level - 1]) days" }
        if level == agreementLevels { return "exact" }
        switch self {
        case .personName:
            return ["", "same family name, given name missing or not comparable", "similar (JW ≥ 0.80; Chinese: one given-name character different, extra or missing)",
                    "close (JW ≥ 0.92, same sound, or Chinese characters swapped or read alike)", "same name reordered, nickname or romanized"][level]
        case .email: return ["", "same mailbox name elsewhere, or one letter off", "same mailbox mistyped (domain, or a letter beside the same number)"][level]
        case .phone: return "one digit off or swapped"
        case .company: return "overlapping words"
        case .jaroWinkler(let t): return "Jaro-Winkler ≥ \(t[level - 1])"
        case .tokens(let t): return "token overlap ≥ \(t[level - 1])"
        case .levenshtein(let k), .damerau(let k): return "within \(k) edits"
        case .date(let d): return "day/month swapped or within \(d) days"
        case .numeric(let tol): return "within \(tol)"
        case .exact, .timeApart: return "exact"
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
    /// This field's positive evidence counts only beside positive evidence from the named group.
    /// Records entered in one batch (a firm's staff, a trade-show list) share their entry day
    /// without being one person: closeness in time backs up a resemblance, it does not make one.
    public var corroborates: String?

    public init(column: String, method: ComparisonMethod, termFrequencyAdjusted: Bool = false, evidenceGroup: String? = nil,
                corroborates: String? = nil) {
        self.column = column
        self.method = method
        self.termFrequencyAdjusted = termFrequencyAdjusted
        self.evidenceGroup = evidenceGroup
        self.corroborates = corroborates
    }
}
