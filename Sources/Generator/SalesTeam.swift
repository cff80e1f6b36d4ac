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
