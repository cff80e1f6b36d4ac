import Foundation
import Testing
@testable import Generator

/// A mailbox has one owner: among tens of thousands of customers, namesakes (two 王伟s, two
/// James Smiths) must not share an address, or an exact e-mail match would prove nothing.
@Suite struct MailboxUniquenessTests {
    @Test func noTwoPeopleShareAnAddress() throws {
        let dir = NSTemporaryDirectory() + "generator-mailboxes-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = GeneratorConfig.customersOnly(30_000, seed: 11)
        _ = try DataGenerator.generate(config, to: dir)
        let customers = try CSVTestReader.table(atPath: dir + "/customers.csv").rows
        let truth = try CSVTestReader.table(atPath: dir + "/duplicates_truth.csv").rows
        let entityOf = Dictionary(uniqueKeysWithValues: truth.map { ($0["customer_id"]!, $0["entity_id"]!) })
        // Typos may land on somebody else's address, as they do in real data; hostile rows carry
        // placeholders ("none", "n/a") on purpose. Every other address is its owner's alone.
        let mistyped = Set(truth.filter { $0["notes"]!.contains("email_typo") }.map { $0["customer_id"]! })
        let hostile = Set(truth.filter { $0["notes"]!.contains("malformed_email") }.map { $0["customer_id"]! })
        var owners: [String: Set<String>] = [:]
        for row in customers {
            let id = row["customer_id"]!
            let email = TestNormalizer.text(row["email"]!)
            guard !email.isEmpty, !mistyped.contains(id), !hostile.contains(id) else { continue }
            owners[email, default: []].insert(entityOf[id]!)
        }
        let shared = owners.filter { $0.value.count > 1 }.keys.sorted()
        #expect(shared.count == 0, "addresses held by several people, e.g. \(shared.prefix(5))")
        // The test means something only when namesakes exist: their handles got numbers.
        var byName: [String: Set<String>] = [:]
        for row in customers { byName[TestNormalizer.text(row["name"]!), default: []].insert(entityOf[row["customer_id"]!]!) }
        let sharedNames = byName.values.filter { $0.count > 1 }.count
        #expect(sharedNames > 100, "only \(sharedNames) names are shared by several people")
    }
}
