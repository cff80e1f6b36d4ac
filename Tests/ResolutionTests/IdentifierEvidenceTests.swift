import Columns
import Testing
@testable import Resolution

/// An identifier (an id card or tax number) held by just two rows is strong evidence even when
/// most records in the table have a duplicate — the FEBRL shape, where every original has a
/// corrupted copy. u for such a value must not come out as "one chance row in the table", which
/// equals the prior odds and made an id match worth nothing.
@Suite struct IdentifierEvidenceTests {
    static let given = ["mary", "john", "lucy", "peter", "anna", "james", "emma", "david", "sarah", "paul", "kate", "mark"]
    static let family = ["smith", "jones", "brown", "taylor", "wilson", "clark", "walker", "young", "king", "wright",
                         "green", "baker", "hill", "scott", "adams", "nelson", "carter", "mitchell", "roberts", "turner"]
    static let cities = ["perth", "sydney", "hobart", "darwin", "cairns", "dubbo", "mackay", "orange", "albury", "bendigo"]

    /// `people` originals, each with a copy: a typo in the family name, another given name, a
    /// move or a missing birth date; the first `renamed` copies instead took another family name
    /// and moved (a marriage), keeping only the id and the given name.
    static func table(people: Int, renamed: Int) -> (Table, [Int]) {
        var g = SplitMix64(seed: 99)
        func pick<T>(_ a: [T]) -> T { a[Int(g.next() % UInt64(a.count))] }
        var ids: [String?] = [], names: [String?] = [], numbers: [String?] = [], births: [String?] = [], places: [String?] = []
        var entity: [Int] = []
        for p in 0..<people {
            let first = pick(given), last = pick(family), city = pick(cities)
            let number = String(1_000_000 + Int(g.next() % 9_000_000))
            let birth = "19\(50 + Int(g.next() % 50))-0\(1 + Int(g.next() % 9))-1\(Int(g.next() % 9))"
            ids.append("P\(p)"); names.append(first + " " + last); numbers.append(number); births.append(birth); places.append(city)
            entity.append(p)
            ids.append("D\(p)"); numbers.append(number); entity.append(p)
            if p < renamed {
                var other = pick(family)
                while other == last { other = pick(family) }
                var moved = pick(cities)
                while moved == city { moved = pick(cities) }
                names.append(first + " " + other); births.append(nil); places.append(moved)
            } else {
                // The usual copy: a typo in the name, now and then a move or a missing birth date.
                let roll = Int(g.next() % 10)
                names.append(roll < 3 ? pick(given) + " " + last : first + " " + String(last.dropLast()))
                births.append(roll == 3 || roll == 4 ? nil : birth)
                places.append(roll >= 5 && roll <= 6 ? pick(cities) : city)
            }
        }
        let t = try! Table(name: "customers", columns: [
            ("customer_id", .string(StringColumn(ids))), ("name", .string(StringColumn(names))),
            ("id_number", .string(StringColumn(numbers))), ("birth_date", .string(StringColumn(births))),
            ("city", .string(StringColumn(places))),
        ])
        return (t, entity)
    }

    @Test func anIdSharedByTwoRowsOutweighsAMoveAndANewName() throws {
        let (table, entity) = Self.table(people: 1500, renamed: 40)
        let r = try Resolver.resolve(table)
        // With u = (rows holding it - 1) / rows, the id's weight was the prior's mirror image and
        // these pairs came out at 0.08–0.38; with the id the one thing the two records still
        // share, a match is now more likely than not (0.59, or 0.91 with similar names).
        let renamed = (0..<40).map { r.matchProbability(2 * $0, 2 * $0 + 1) }
        #expect(renamed.allSatisfy { $0 >= 0.5 }, "lowest match probability of a renamed person: \(renamed.min() ?? 0)")
        let score = PairwiseScore(predicted: r.goldenIndex, truth: entity)
        #expect(score.precision >= 0.999)
        #expect(score.recall >= 0.97)
    }
}
