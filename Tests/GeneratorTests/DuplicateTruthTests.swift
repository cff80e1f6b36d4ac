import Testing
@testable import Generator

@Suite struct DuplicateTruthTests {
    struct Pair {
        let original: [String: String]
        let duplicate: [String: String]
        let edits: Set<String>
    }

    /// Every duplicate row with the original row of its entity.
    static let pairs: [Pair] = {
        let byID = Dictionary(uniqueKeysWithValues: GeneratedSample.customersTable.rows.map { ($0["customer_id"]!, $0) })
        var originalOf: [String: String] = [:]
        for t in GeneratedSample.truthTable.rows where t["role"] == "original" { originalOf[t["entity_id"]!] = t["customer_id"]! }
        return GeneratedSample.truthTable.rows.filter { $0["role"] == "duplicate" }.map { t in
            Pair(original: byID[originalOf[t["entity_id"]!]!]!, duplicate: byID[t["customer_id"]!]!,
                 edits: Set(t["notes"]!.split(separator: ";").map(String.init)))
        }
    }()

    @Test func truthCoversEveryCustomerRowOnce() {
        let customers = GeneratedSample.customersTable.rows.map { $0["customer_id"]! }
        let truth = GeneratedSample.truthTable.rows.map { $0["customer_id"]! }
        #expect(GeneratedSample.truthTable.header == ["customer_id", "entity_id", "role", "notes"])
        #expect(truth.count == customers.count)
        #expect(Set(truth) == Set(customers))
        #expect(Set(truth).count == truth.count)
        var originals: [String: Int] = [:]
        for t in GeneratedSample.truthTable.rows where t["role"] == "original" { originals[t["entity_id"]!, default: 0] += 1 }
        let entities = Set(GeneratedSample.truthTable.rows.map { $0["entity_id"]! })
        #expect(entities.allSatisfy { originals[$0] == 1 }, "every entity has exactly one original row")
    }

    @Test func aboutEightPercentAreDuplicates() {
        let share = Double(Self.pairs.count) / Double(GeneratedSample.customers)
        #expect(abs(share - 0.08) < 0.001)
        // Mostly across the two source systems, as in a migration.
        let crossSystem = Self.pairs.filter { $0.original["source"] != $0.duplicate["source"] }.count
        #expect(Double(crossSystem) / Double(Self.pairs.count) > 0.7)
        #expect(Set(GeneratedSample.customersTable.rows.map { $0["source"]! }) == ["crm_a", "erp_b"])
    }

    @Test func everyDuplicateDiffersAfterNaiveNormalisation() {
        let identical = Self.pairs.filter { TestNormalizer.key($0.original) == TestNormalizer.key($0.duplicate) }
        #expect(identical.isEmpty, "\(identical.count) duplicates are equal after folding case, width, spacing and phone format")
        #expect(Self.pairs.allSatisfy { $0.edits.contains { DuplicateEdit(rawValue: $0)?.isHard == true } })
        let averageEdits = Double(Self.pairs.map(\.edits.count).reduce(0, +)) / Double(Self.pairs.count)
        #expect(averageEdits >= 2, "on average \(averageEdits) edits per duplicate")
    }

    /// What each edit kind must visibly do to the pair, after naive normalisation.
    static func check(_ edit: DuplicateEdit, _ p: Pair) -> Bool {
        let o = p.original, d = p.duplicate
        switch edit {
        case .nameTypo, .nameTranspose, .nameOrderSwap, .nickname, .romanized, .englishAlias:
            return TestNormalizer.text(o["name"]!) != TestNormalizer.text(d["name"]!)
        case .emailDropped: return !o["email"]!.isEmpty && d["email"]!.isEmpty
        case .emailTypo, .emailOtherMailbox: return TestNormalizer.text(o["email"]!) != TestNormalizer.text(d["email"]!)
        case .phoneDropped: return !o["phone"]!.isEmpty && d["phone"]!.isEmpty
        case .phoneTypo, .phoneOtherNumber: return TestNormalizer.phone(o["phone"]!) != TestNormalizer.phone(d["phone"]!)
        case .movedCity: return TestNormalizer.city(o["city"]!) != TestNormalizer.city(d["city"]!)
        case .companyVariant: return TestNormalizer.text(o["company"]!) != TestNormalizer.text(d["company"]!)
        case .phoneReformat:
            return o["phone"] != d["phone"] && (TestNormalizer.phone(o["phone"]!) == TestNormalizer.phone(d["phone"]!)
                                                || p.edits.contains(DuplicateEdit.fullWidth.rawValue))
        case .fullWidth: return [d["name"]!, d["phone"]!, d["email"]!].contains { $0.unicodeScalars.contains { (0xFF01...0xFF5E).contains($0.value) || $0 == "\u{3000}" } }
        case .caseChange: return o["name"] != d["name"] || o["email"] != d["email"]
        case .spacing: return o["name"] != d["name"]
        }
    }

    @Test(arguments: DuplicateEdit.allCases)
    func editKindIsInjectedAndVisible(_ edit: DuplicateEdit) {
        let carrying = Self.pairs.filter { $0.edits.contains(edit.rawValue) }
        #expect(!carrying.isEmpty, "no duplicate carries \(edit.rawValue)")
        let wrong = carrying.filter { !Self.check(edit, $0) }
        #expect(wrong.isEmpty, "\(wrong.count) of \(carrying.count) \(edit.rawValue) pairs do not show it, e.g. \(wrong.first.map { "\($0.original) / \($0.duplicate)" } ?? "")")
    }

    @Test func someEventsReferenceDuplicateRows() {
        let duplicates = Set(Self.pairs.map { $0.duplicate["customer_id"]! })
        for file in ["orders.csv", "interactions.csv"] {
            let referenced = Set(GeneratedSample.table(file).rows.map { $0["customer_id"]! }).intersection(duplicates)
            #expect(Double(referenced.count) / Double(duplicates.count) > 0.15, "\(file): \(referenced.count) duplicate ids used")
        }
    }

    @Test func hostileCasesArePresent() {
        let rows = GeneratedSample.customersTable.rows
        let notes = GeneratedSample.truthTable.rows.map { $0["notes"]! }
        for hostile in HostileCase.allCases {
            #expect(notes.contains(hostile.label), "\(hostile.label) missing")
        }
        #expect(rows.contains { $0["name"]!.isEmpty })
        #expect(rows.contains { $0["tags"]!.contains("\n") })
        // One switchboard shared by several unrelated entities.
        let entityOf = Dictionary(uniqueKeysWithValues: GeneratedSample.truthTable.rows.map { ($0["customer_id"]!, $0["entity_id"]!) })
        var entitiesByPhone: [String: Set<String>] = [:]
        for row in rows where !row["phone"]!.isEmpty {
            entitiesByPhone[TestNormalizer.phone(row["phone"]!), default: []].insert(entityOf[row["customer_id"]!]!)
        }
        #expect((entitiesByPhone.values.map(\.count).max() ?? 0) >= 5)
    }
}
