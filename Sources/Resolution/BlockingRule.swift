/// One part of a blocking key, computed from a column's normalised value.
public enum BlockingKey: Sendable, Equatable, Codable {
    /// The whole normalised value.
    case value(String)
    /// Its first `n` characters (Unicode scalars).
    case prefix(String, Int)
    /// Its words sorted, so `Smith John` and `John Smith` meet.
    case sortedWords(String)
    /// Its first word (Latin) or first character (Chinese), e.g. a surname initial.
    case firstWord(String)
    /// Its last `n` digits (phones written with different prefixes).
    case lastDigits(String, Int)
    /// The year of a date column.
    case year(String)
    /// Its characters sorted: an anagram key, blind to transposed letters or digits
    /// (`Pteer`/`Peter`, `…60916`/`…60196`).
    case sortedCharacters(String)
    /// Person names: the letters of the name in pinyin or Latin script, sorted — blind to word
    /// order, script (刘艳红 / Yanhong Liu), transposed letters and input-method homophones
    /// (王伟 / 王玮). Names that give only a family name (王总) have none.
    case nameSound(String)
    /// Person names: the family name in pinyin or Latin letters (刘 and Liu meet).
    case familyName(String)
    /// E-mails: the mailbox name before the `@` (`zhang.wei@qq.co` meets `zhang.wei@qq.com`).
    case mailboxName(String)
    /// Several keys per row: the value (a person name's sorted-word form) and each form of it with
    /// one character left out. Two values one typo apart — a wrong, extra, missing or swapped
    /// character (`Lopez`/`Lppez`, `Bailey`/`Baileyy`, `Alexander`/`Alexnader`) — share at least
    /// one. Values under five characters (Chinese names) give none.
    case oneCharacterLeftOut(String)

    /// Whether the part gives a row several keys (each joins the row to a block).
    var hasSeveralKeysPerRow: Bool {
        if case .oneCharacterLeftOut = self { return true }
        return false
    }

    public var column: String {
        switch self {
        case .value(let c), .prefix(let c, _), .sortedWords(let c), .firstWord(let c), .lastDigits(let c, _), .year(let c),
             .sortedCharacters(let c), .nameSound(let c), .familyName(let c), .mailboxName(let c), .oneCharacterLeftOut(let c): c
        }
    }
}

/// A blocking rule: records whose keys are all equal become candidate pairs. A block bigger than
/// the cap (a switchboard number shared by thousands) is split by the `refinements`, one at a
/// time; what is still too big is left out and reported in the result's notes.
public struct BlockingRule: Sendable, Equatable, Codable {
    public var name: String
    public var keys: [BlockingKey]
    public var refinements: [BlockingKey]
    /// When set, the rule is a sorted neighbourhood instead: records sorted by the key, each paired
    /// with the next `window - 1` — robust to typos late in the key.
    public var sortedNeighbourhoodWindow: Int?
    /// This rule's own block size cap (nil: the configuration's `maxBlockSize`). Keys that
    /// namesakes share (a name's sound) want smaller blocks than identifiers do.
    public var maxBlockSize: Int?

    public init(name: String, keys: [BlockingKey], refinements: [BlockingKey] = [], sortedNeighbourhoodWindow: Int? = nil,
                maxBlockSize: Int? = nil) {
        self.name = name
        self.keys = keys
        self.refinements = refinements
        self.sortedNeighbourhoodWindow = sortedNeighbourhoodWindow
        self.maxBlockSize = maxBlockSize
    }

    public var columns: [String] { (keys + refinements).map(\.column) }
}
