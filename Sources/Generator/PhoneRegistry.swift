/// The phone numbers already given out. A personal number belongs to one person: drawn at random
/// for a million customers, a few hundred numbers came out twice, and unrelated people sharing a
/// number is what a company switchboard does — a hostile case of its own, not chance.
struct PhoneRegistry {
    private struct Key: Hashable {
        var kind: UInt8
        var place: UInt16
        var digits: UInt64
    }

    /// Gives every entity a number no earlier entity has, in entity (creation) order; a taken
    /// number is drawn again of the same kind and place.
    static func assign(_ entities: inout [Entity], seed: UInt64) {
        var taken = Set<Key>(minimumCapacity: entities.count)
        var rng = Xoshiro256(seed: seed, stream: Streams.phones, index: 0)
        for i in entities.indices {
            var phone = entities[i].phone
            while !taken.insert(Key(kind: phone.kind.rawValue, place: phone.place, digits: phone.digits)).inserted {
                switch phone.kind {
                case .mobile: phone = PhoneNumber.randomMobile(&rng)
                case .landline: phone = PhoneNumber.randomLandline(city: Int(phone.place), &rng)
                case .overseas: phone = PhoneNumber.randomOverseas(place: Int(phone.place), &rng)
                case .service: phone.digits = 4_000_000_000 + UInt64(rng.below(10_000_000))
                }
            }
            entities[i].phone = phone
        }
    }
}
