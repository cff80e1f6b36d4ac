import Foundation
import Columns
import Testing
@testable import Generator

@Suite struct DeterminismTests {
    static func generate(seed: UInt64, customers: Int = 1500, tag: String) throws -> String {
        let dir = NSTemporaryDirectory() + "generator-det-\(getpid())-\(tag)"
        try? FileManager.default.removeItem(atPath: dir)
        _ = try DataGenerator.generate(GeneratorConfig(customers: customers, seed: seed), to: dir)
        return dir
    }

    static func bytes(_ dir: String, _ name: String) -> Data {
        FileManager.default.contents(atPath: dir + "/" + name) ?? Data()
    }

    @Test func sameSeedGivesByteIdenticalFiles() throws {
        let a = try Self.generate(seed: 99, tag: "a")
        let b = try Self.generate(seed: 99, tag: "b")
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        for name in DataGenerator.fileNames {
            let x = Self.bytes(a, name)
            #expect(!x.isEmpty, "\(name) is empty")
            #expect(x == Self.bytes(b, name), "\(name) differs between two runs with the same seed")
        }
    }

    @Test func differentSeedGivesDifferentData() throws {
        let a = try Self.generate(seed: 1, tag: "s1")
        let b = try Self.generate(seed: 2, tag: "s2")
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        for name in ["customers.csv", "orders.csv", "interactions.csv", "opportunities.csv", "tickets.csv", "duplicates_truth.csv"] {
            #expect(Self.bytes(a, name) != Self.bytes(b, name), "\(name) is the same for seeds 1 and 2")
        }
    }

    @Test func endDateMovesTheWindow() throws {
        let dir = NSTemporaryDirectory() + "generator-det-\(getpid())-end"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = GeneratorConfig(customers: 300, seed: 5)
        config.endDate = Int32(CivilDate.days(year: 2020, month: 6, day: 30))
        _ = try DataGenerator.generate(config, to: dir)
        let orders = try CSVTestReader.table(atPath: dir + "/orders.csv").rows
        #expect(!orders.isEmpty)
        #expect(orders.allSatisfy { $0["order_date"]! <= "2020-06-30" && $0["order_date"]! >= "2017-07-01" })
    }
}
