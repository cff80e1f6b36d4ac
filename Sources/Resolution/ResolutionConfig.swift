/// Everything that steers entity resolution, with defaults that suit the canonical customers
/// table. Columns a rule names but the table lacks are skipped (and said so in the notes).
public struct ResolutionConfig: Sendable, Equatable, Codable {
    public var comparisons: [FieldComparison]
    public var blocking: [BlockingRule]
    /// Blocks larger than this are refined or left out, so pair counts stay near-linear.
    public var maxBlockSize: Int
    /// Pairs at or above this match probability are linked.
    public var matchThreshold: Double
    /// A cluster member must reach this probability against the cluster's core record directly;
    /// this stops chains of weak links from merging unrelated people (A~B~C with A≁C).
    public var coreLinkThreshold: Double
    /// Random pairs drawn to estimate u (how often non-matches agree by chance).
    public var randomPairs: Int
    public var maxEMIterations: Int
    public var emTolerance: Double
    /// Sources in decreasing trust, matched against the lineage source or the `source` column.
    public var sourcePriority: [String]
    /// Column whose latest value wins for `.mostRecent`.
    public var recencyColumn: String
    /// Survivorship per column; columns not listed use `defaultSurvivorship`.
    public var survivorship: [String: SurvivorshipRule]
    public var defaultSurvivorship: SurvivorshipRule
    /// Column holding the record id, copied to the merge log.
    public var idColumn: String
    /// Blocking rules whose pairs train m, one EM session each (with the rule's key fields left
    /// out). Rules on strong identifiers only: pairs blocked on a name are mostly namesakes,
    /// whose e-mail handles are derived from the same name — a correlation EM would take for
    /// evidence of a match.
    public var trainingRules: [String]
    /// Seed for the random pairs; fixed so runs are reproducible.
    public var seed: UInt64
    /// Worker threads for comparisons (the work is split into contiguous, deterministic ranges).
    public var threads: Int
    /// Whether the result keeps the fitted model and prepared fields, so `explain` and
    /// `matchProbability` work on any two rows afterwards. A batch run that only needs the golden
    /// records and the merge log turns it off and frees that memory before the golden records.
    public var keepsExplanations: Bool = true

    /// The match probability pipelines link at when their file sets none (`resolution.threshold`).
    /// Chosen by measurement, as the lowest threshold that keeps pairwise precision at or above
    /// 0.995 on generated data at both 50 k and 1 M customers (at 1 M: 0.7 → 0.9952, 0.6 falls
    /// below); FEBRL 1–4 keep precision 1.0 there. The probability is a posterior, so a lower
    /// threshold in a bigger table is not looser: the prior already weighs in the namesakes.
    /// A migration that wants only near-certain merges sets its own (pipelines/cleanup.yml: 0.97).
    public static let pipelineThreshold = 0.7

    public init(
        comparisons: [FieldComparison] = ResolutionConfig.defaultComparisons,
        blocking: [BlockingRule] = ResolutionConfig.defaultBlocking,
        maxBlockSize: Int = 60,
        matchThreshold: Double = 0.95,
        coreLinkThreshold: Double = 0.5,
        randomPairs: Int = 200_000,
        maxEMIterations: Int = 200,
        emTolerance: Double = 1e-6,
        sourcePriority: [String] = [],
        recencyColumn: String = "created_at",
        survivorship: [String: SurvivorshipRule] = ResolutionConfig.defaultSurvivorshipRules,
        defaultSurvivorship: SurvivorshipRule = .mostComplete,
        idColumn: String = "customer_id",
        trainingRules: [String] = ["email", "phone", "id_number"],
        seed: UInt64 = 0x5EED,
        threads: Int = 2
    ) {
        self.comparisons = comparisons
        self.blocking = blocking
        self.maxBlockSize = maxBlockSize
        self.matchThreshold = matchThreshold
        self.coreLinkThreshold = coreLinkThreshold
        self.randomPairs = randomPairs
        self.maxEMIterations = maxEMIterations
        self.emTolerance = emTolerance
        self.sourcePriority = sourcePriority
        self.recencyColumn = recencyColumn
        self.survivorship = survivorship
        self.defaultSurvivorship = defaultSurvivorship
        self.idColumn = idColumn
        self.trainingRules = trainingRules
        self.seed = seed
        self.threads = threads
    }

    public static let defaultComparisons: [FieldComparison] = [
        FieldComparison(column: "name", method: .personName, termFrequencyAdjusted: true, evidenceGroup: "identity"),
        FieldComparison(column: "email", method: .email, termFrequencyAdjusted: true, evidenceGroup: "identity"),
        FieldComparison(column: "phone", method: .phone, termFrequencyAdjusted: true, evidenceGroup: "household"),
        FieldComparison(column: "company", method: .company, termFrequencyAdjusted: true, evidenceGroup: "workplace"),
        FieldComparison(column: "city", method: .exact, termFrequencyAdjusted: true, evidenceGroup: "workplace"),
        FieldComparison(column: "birth_date", method: .date(nearDays: 3)),
        FieldComparison(column: "id_number", method: .damerau(maxEdits: 1), termFrequencyAdjusted: true),
        FieldComparison(column: "postcode", method: .damerau(maxEdits: 1), evidenceGroup: "household"),
        FieldComparison(column: "address", method: .tokens(thresholds: [0.4, 0.7]), evidenceGroup: "household"),
        FieldComparison(column: "created_at", method: .timeApart(withinDays: [365, 90, 30, 7]), corroborates: "identity"),
    ]

    public static let defaultBlocking: [BlockingRule] = [
        BlockingRule(name: "email", keys: [.value("email")], refinements: [.firstWord("name")]),
        BlockingRule(name: "phone", keys: [.value("phone")], refinements: [.firstWord("name"), .value("name")]),
        BlockingRule(name: "id_number", keys: [.value("id_number")]),
        // Capped like the other name rules: a name and a city shared by more than 20 rows is a
        // common name in a big city, whose pairs are namesakes the model turns down anyway (at
        // 2 M customers 1.70 M -> 1.12 M pairs; at 1 M, 8 of 83,461 true pairs).
        BlockingRule(name: "name+city", keys: [.sortedWords("name"), .value("city")],
                     refinements: [.year("birth_date"), .value("postcode")], maxBlockSize: 20),
        BlockingRule(name: "name+birth_date", keys: [.sortedWords("name"), .value("birth_date")]),
        // Typos in the name and the id together still meet on where and when the person was born.
        BlockingRule(name: "birth_date+postcode", keys: [.value("birth_date"), .value("postcode")]),
        // … or on when they were born and where they live or what they are called, when the
        // postcode has a typo too.
        BlockingRule(name: "birth_date+city", keys: [.value("birth_date"), .value("city")]),
        BlockingRule(name: "birth_date+family name", keys: [.value("birth_date"), .familyName("name")]),
        // An id with one digit wrong keeps one of its halves.
        BlockingRule(name: "id_number head", keys: [.prefix("id_number", 4)], refinements: [.year("birth_date"), .familyName("name")]),
        BlockingRule(name: "id_number tail", keys: [.lastDigits("id_number", 4)], refinements: [.year("birth_date"), .familyName("name")]),
        BlockingRule(name: "name+company", keys: [.sortedWords("name"), .value("company")]),
        // A rare name alone, for a person who moved and changed every contact detail: common
        // names are left to the rules above (name and city, name and company).
        BlockingRule(name: "rare name", keys: [.sortedWords("name")], maxBlockSize: 8),
        // A typo in a Latin name (`Lopez`/`Lppez`, `Whitw`) where nothing else is shared but the
        // city. Chinese names are left out (see `CandidatePairs.appendKeys`).
        BlockingRule(name: "name typo+city", keys: [.oneCharacterLeftOut("name"), .value("city")], maxBlockSize: 8),
        BlockingRule(name: "phone tail", keys: [.lastDigits("phone", 8)], refinements: [.firstWord("name")]),
        BlockingRule(name: "mailbox name", keys: [.mailboxName("email")], refinements: [.familyName("name")], maxBlockSize: 10),
        BlockingRule(name: "name sound", keys: [.nameSound("name")], refinements: [.value("city"), .value("company")],
                     maxBlockSize: 12),
        // Coarse keys (a firm and a family name; a phone's digits, sorted) gather more strangers
        // the bigger the table: small caps keep their pairs near-linear in the row count, as for
        // the mailbox-name and name-sound rules (at 2 M customers 9.0 M candidate pairs became
        // 7.7 M, recall 0.9358 -> 0.9354; at 1 M, 7 of 83,461 true pairs).
        BlockingRule(name: "company+family name", keys: [.value("company"), .familyName("name")], maxBlockSize: 20),
        BlockingRule(name: "phone digits", keys: [.sortedCharacters("phone"), .firstWord("name")], refinements: [.value("city")],
                     maxBlockSize: 12),
    ]

    public static let defaultSurvivorshipRules: [String: SurvivorshipRule] = [
        "name": .mostFrequent, "email": .mostRecent, "phone": .mostRecent, "city": .mostRecent,
        "region": .mostRecent, "company": .mostComplete, "address": .mostComplete,
    ]
}
