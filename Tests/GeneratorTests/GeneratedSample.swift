import Foundation
@testable import Generator

/// One generated data set shared by the read-only tests (generating once keeps the suite quick).
enum GeneratedSample {
    static let customers = 3000
    static let seed: UInt64 = 7

    static let directory: String = {
        let dir = NSTemporaryDirectory() + "generator-tests-\(getpid())-shared"
        _ = try! DataGenerator.generate(GeneratorConfig(customers: customers, seed: seed), to: dir)
        return dir
    }()

    static let summary: GenerationSummary = {
        let dir = NSTemporaryDirectory() + "generator-tests-\(getpid())-summary"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try! DataGenerator.generate(GeneratorConfig(customers: customers, seed: seed), to: dir)
    }()

    static func table(_ name: String) -> (header: [String], rows: [[String: String]]) {
        try! CSVTestReader.table(atPath: directory + "/" + name)
    }

    static let customersTable = table("customers.csv")
    static let truthTable = table("duplicates_truth.csv")
}
