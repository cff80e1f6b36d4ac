/// The sales reps who own customers, deals and follow-ups. The team grows with the data so that
/// per-owner reports stay meaningful; each rep covers a few provinces.
struct SalesTeam: Sendable {
    let names: [EncodedText]

    init(customers: Int, seed: UInt64) {
        let count = min(60, max(8, customers / 1000))
        var rng = Xoshiro256(seed: seed, stream: Streams.salesTeam, index: 0)
        var seen = Set<String>()
        var names: [EncodedText] = []
        while names.count < count {
            let person = PersonName.random(chinese: rng.chance(0.9), &rng)
            var name = person.canonical
            if !person.chinese { name = person.firstText + " " + person.lastText }
            // A few reps go by their English name in the CRM (Kevin Li): common in foreign-invested firms.
            if person.chinese && person.alias >= 0 && rng.chance(0.3) {
                name = EnglishNames.firstNames[Int(person.alias)].0 + " " + capitalized(person.surnamePinyin)
            }
            if seen.insert(name).inserted { names.append(EncodedText(name)) }
        }
        self.names = names
    }

    var count: Int { names.count }

    /// The rep who covers a province: reps split the provinces, neighbours in the list share reps.
    func owner(province: Int, _ rng: inout Xoshiro256) -> Int {
        (province * 5 + rng.below(3)) % count
    }
}

/// Stream identifiers for `Xoshiro256(seed:stream:index:)`: one per purpose, so adding a draw in one
/// table never shifts another table's numbers.
enum Streams {
    static let salesTeam: UInt64 = 1
    static let companies: UInt64 = 2
    static let entities: UInt64 = 3
    static let purchases: UInt64 = 4
    static let customerRows: UInt64 = 5
    static let duplicates: UInt64 = 6
    static let orders: UInt64 = 7
    static let interactions: UInt64 = 8
    static let opportunities: UInt64 = 9
    static let tickets: UInt64 = 10
    static let campaigns: UInt64 = 11
    static let campaignMembers: UInt64 = 12
    static let calibration: UInt64 = 13
    static let hostile: UInt64 = 14
}
