import Foundation
import Testing
@testable import Generator

/// A mailbox and a personal phone number have one owner: among tens of thousands of customers,
/// namesakes (two 王伟s, two James Smiths) must not share an address, nor strangers a number, or
/// an exact match on either would prove nothing. Shared company switchboards are a hostile case
/// of their own.
@Suite struct ContactUniquenessTests {
    struct Generated {
        var customers: [[String: String]]
        var entityOf: [String: String]
        /// customer_id → the truth file's notes (edits and hostile cases).
        var notes: [String: String]
    }

    static let generated: Generated = {
        let dir = NSTemporaryDirectory() + "generator-contacts-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try! DataGenerator.generate(.customersOnly(30_000, seed: 11), to: dir)
        let customers = try! CSVTestReader.table(atPath: dir + "/customers.csv").rows
        let truth = try! CSVTestReader.table(atPath: dir + "/duplicates_truth.csv").rows
        return Generated(customers: customers,
                         entityOf: Dictionary(uniqueKeysWithValues: truth.map { ($0["customer_id"]!, $0["entity_id"]!) }),
                         notes: Dictionary(uniqueKeysWithValues: truth.map { ($0["customer_id"]!, $0["notes"]!) }))
    }()

    /// Values of `column` (normalised by `key`) held by more than one entity. Rows whose notes
    /// contain one of `exempt` are skipped (a typo may land on somebody else's value, as in real
    /// data), and so are all rows of an entity with one of `hostile` (placeholders and switchboards
    /// are shared on purpose, by the entity's duplicates too).
    static func shared(_ column: String, key: (String) -> String, exempt: [String], hostile: [String]) -> [String] {
        let g = generated
        let hostileEntities = Set(g.customers.map { $0["customer_id"]! }
            .filter { id in hostile.contains { g.notes[id]!.contains($0) } }.map { g.entityOf[$0]! })
        var owners: [String: Set<String>] = [:]
        for row in g.customers {
            let id = row["customer_id"]!
            let value = key(row[column]!)
            guard !value.isEmpty, !exempt.contains(where: { g.notes[id]!.contains($0) }),
                  !hostileEntities.contains(g.entityOf[id]!) else { continue }
            owners[value, default: []].insert(g.entityOf[id]!)
        }
        return owners.filter { $0.value.count > 1 }.keys.sorted()
    }

    @Test func noTwoPeopleShareAnAddress() {
        let shared = Self.shared("email", key: TestNormalizer.text, exempt: ["email_typo"], hostile: ["malformed_email"])
        #expect(shared.count == 0, "addresses held by several people, e.g. \(shared.prefix(5))")
        // The test means something only when namesakes exist: their handles got numbers.
        var byName: [String: Set<String>] = [:]
        for row in Self.generated.customers {
            byName[TestNormalizer.text(row["name"]!), default: []].insert(Self.generated.entityOf[row["customer_id"]!]!)
        }
        let sharedNames = byName.values.filter { $0.count > 1 }.count
        #expect(sharedNames > 100, "only \(sharedNames) names are shared by several people")
    }

    @Test func noTwoPeopleShareAPersonalNumber() {
        let shared = Self.shared("phone", key: TestNormalizer.phone, exempt: ["phone_typo", "phone_other_number"],
                                 hostile: ["shared_switchboard", "malformed_phone"])
        #expect(shared.count == 0, "numbers held by several people, e.g. \(shared.prefix(5))")
    }
}

/// The registries themselves, on entities made to collide.
@Suite struct ContactRegistryTests {
    @Test func everyEntityEndsWithItsOwnNumberOfTheSameKindAndPlace() {
        let population = Population(.customersOnly(300, seed: 5))
        var entities = population.entities
        let template = entities.map(\.phone)
        for i in entities.indices { entities[i].phone = template[i % 3] }
        PhoneRegistry.assign(&entities, seed: 5)
        let numbers = entities.map { "\($0.phone.kind) \($0.phone.place) \($0.phone.digits)" }
        #expect(Set(numbers).count == entities.count)
        for (i, e) in entities.enumerated() {
            #expect(e.phone.kind == template[i % 3].kind && e.phone.place == template[i % 3].place)
        }
        // The first holder keeps the number it had.
        #expect(entities[0].phone == template[0])
    }

    @Test func namesakesAtOneProviderGetNumberedHandles() {
        let population = Population(.customersOnly(300, seed: 5))
        var entities = population.entities
        for i in entities.indices {
            entities[i].name = entities[0].name
            entities[i].email = EmailAddress(style: 0, freeDomain: 0, number: 0)
        }
        let registry = MailboxRegistry.assign(&entities, companies: population.companies, seed: 5)
        let addresses = entities.map { $0.email.address($0.name, company: nil) }
        #expect(Set(addresses).count == entities.count)
        #expect(addresses.allSatisfy(registry.contains))
    }
}
