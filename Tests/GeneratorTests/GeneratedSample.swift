import Foundation
@testable import Generator

/// One generated data set shared by the read-only tests: generated once, parsed into memory, and
/// its directory removed again.
enum GeneratedSample {
    static let customers = 3000
    static let seed: UInt64 = 7

    private static let generated: (summary: GenerationSummary, tables: [String: (header: [String], rows: [[String: String]])]) = {
        let dir = NSTemporaryDirectory() + "generator-tests-\(getpid())-shared"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try! DataGenerator.generate(GeneratorConfig(customers: customers, seed: seed), to: dir)
        var tables: [String: (header: [String], rows: [[String: String]])] = [:]
        for name in DataGenerator.fileNames { tables[name] = try! CSVTestReader.table(atPath: dir + "/" + name) }
        return (summary, tables)
    }()

    static var summary: GenerationSummary { generated.summary }

    static func table(_ name: String) -> (header: [String], rows: [[String: String]]) {
        generated.tables[name] ?? ([], [])
    }

    static var customersTable: (header: [String], rows: [[String: String]]) { table("customers.csv") }
    static var truthTable: (header: [String], rows: [[String: String]]) { table("duplicates_truth.csv") }
}
