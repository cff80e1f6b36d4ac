/// The mailboxes already handed out. A mail provider or a company's mail server gives each address
/// to one person only: the second 张伟 at qq.com gets zhangwei88@qq.com, not zhangwei@qq.com. Without
/// this, namesakes in a large population share name-only addresses, which no real export contains
/// and which would make an exact e-mail match worthless as evidence.
struct MailboxRegistry: Sendable {
    private(set) var taken: Set<String> = []

    func contains(_ address: String) -> Bool { taken.contains(address) }

    /// Gives every entity a mailbox no earlier entity has, in entity (creation) order, as sign-up
    /// order decides who got the plain handle. A taken address gets a number, as providers suggest;
    /// a taken QQ number is drawn again. Entities without an e-mail on record still own theirs.
    static func assign(_ entities: inout [Entity], companies: [Company], seed: UInt64) -> MailboxRegistry {
        var registry = MailboxRegistry()
        registry.taken.reserveCapacity(entities.count)
        var rng = Xoshiro256(seed: seed, stream: Streams.mailboxes, index: 0)
        for i in entities.indices {
            let company = entities[i].company >= 0 ? companies[Int(entities[i].company)] : nil
            var email = entities[i].email
            var address = email.address(entities[i].name, company: company)
            // Numbers widen with each retry, so a very common name still finds a free one quickly.
            var range: UInt32 = 100
            while registry.taken.contains(address) {
                if email.style == 5 {
                    email.number = UInt32(10_000_000 + rng.below(2_000_000_000))
                } else {
                    email.style = 3
                    email.number = UInt32(rng.below(Int(range)))
                    range = min(range * 10, 1_000_000)
                }
                address = email.address(entities[i].name, company: company)
            }
            entities[i].email = email
            registry.taken.insert(address)
        }
        return registry
    }

    /// A second mailbox for a person: `address` when nobody owns it, else the same handle with a
    /// number that nobody owns.
    func secondMailbox(_ email: EmailAddress, name: PersonName, company: Company?, _ rng: inout Xoshiro256) -> String {
        var email = email
        var address = email.address(name, company: company)
        var range = 1000
        while taken.contains(address) {
            if email.style == 5 {
                email.number = UInt32(10_000_000 + rng.below(2_000_000_000))
            } else {
                email.style = 3
                email.number = UInt32(rng.below(range))
                range = min(range * 10, 1_000_000)
            }
            address = email.address(name, company: company)
        }
        return address
    }
}
