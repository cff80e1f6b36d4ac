import Foundation
import Columns
import Testing
@testable import Generator

@Suite struct ConfigTests {
    static func config(_ change: (inout GeneratorConfig) -> Void) -> GeneratorConfig {
        var c = GeneratorConfig(customers: 100, seed: 1)
        change(&c)
        return c
    }

    @Test(arguments: [
        ("customers", config { $0.customers = -1 }),
        ("duplicateRate", config { $0.duplicateRate = 0.9 }),
        ("duplicateRate", config { $0.duplicateRate = .nan }),
        ("years", config { $0.years = 0 }),
        ("endDate", config { $0.endDate = 0 }),
        ("ordersPerCustomer", config { $0.ordersPerCustomer = -2 }),
        ("ticketsPerCustomer", config { $0.ticketsPerCustomer = .infinity }),
    ])
    func invalidSettingsAreNamed(_ setting: String, _ config: GeneratorConfig) {
        do {
            try config.validate()
            Issue.record("\(setting) accepted")
        } catch let error as GeneratorError {
            guard case .invalidConfig(let named, _, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(named == setting)
            #expect(error.description.contains(setting))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unwritableDirectoryIsReported() throws {
        let file = NSTemporaryDirectory() + "generator-not-a-dir-\(getpid())"
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(throws: GeneratorError.self) {
            _ = try DataGenerator.generate(GeneratorConfig(customers: 10, seed: 1), to: file + "/out")
        }
    }

    @Test func defaultWindowIsThreeYearsEndingOnNewYearsEve() {
        let c = GeneratorConfig(customers: 1, seed: 1)
        #expect(CivilDate.iso(Int(c.endDate)) == "2025-12-31")
        #expect(CivilDate.iso(Int(c.startDate)) == "2023-01-01")
        #expect(c.duplicateRate == 0.08)
    }

    @Test(arguments: [0.0, 0.2])
    func duplicateRateIsHonoured(_ rate: Double) throws {
        let dir = NSTemporaryDirectory() + "generator-rate-\(rate)-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try DataGenerator.generate(GeneratorConfig(customers: 500, seed: 4, duplicateRate: rate), to: dir)
        #expect(summary.duplicateRows == Int((500 * rate).rounded()))
        let truth = try CSVTestReader.table(atPath: dir + "/duplicates_truth.csv").rows
        #expect(truth.filter { $0["role"] == "duplicate" }.count == summary.duplicateRows)
    }

    @Test func progressIsReported() throws {
        let dir = NSTemporaryDirectory() + "generator-progress-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = Lines()
        _ = try DataGenerator.generate(GeneratorConfig(customers: 50, seed: 1), to: dir) { lines.append($0) }
        let all = lines.all
        #expect(all.first?.hasPrefix("building population") == true)
        for name in DataGenerator.fileNames { #expect(all.contains { $0.hasPrefix("wrote \(name)") }, "\(name)") }
        // No partial files left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
    }

    final class Lines: @unchecked Sendable {
        private var lines: [String] = []
        private let lock = NSLock()
        func append(_ s: String) { lock.withLock { lines.append(s) } }
        var all: [String] { lock.withLock { lines } }
    }
}
