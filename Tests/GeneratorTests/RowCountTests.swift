import Foundation
import Testing
@testable import Generator

@Suite struct RowCountTests {
    /// (file, rows per customer row, allowed relative deviation).
    @Test(arguments: [
        ("customers.csv", 1.0, 0.0), ("duplicates_truth.csv", 1.0, 0.0), ("orders.csv", 5.0, 0.08),
        ("interactions.csv", 10.0, 0.08), ("opportunities.csv", 0.5, 0.12), ("tickets.csv", 0.2, 0.15),
    ])
    func ratios(_ file: String, _ perCustomer: Double, _ tolerance: Double) throws {
        let rows = GeneratedSample.table(file).rows.count
        let expected = perCustomer * Double(GeneratedSample.customers)
        #expect(abs(Double(rows) - expected) <= tolerance * expected + 0.5, "\(file): \(rows) rows, expected ≈ \(expected)")
    }

    @Test func summaryCountsMatchTheFiles() {
        let summary = GeneratedSample.summary
        #expect(summary.files.map(\.name) == DataGenerator.fileNames)
        for file in summary.files {
            #expect(GeneratedSample.table(file.name).rows.count == file.rows, "\(file.name)")
        }
        #expect(summary.duplicateRows == 240)
        #expect(summary.entities == GeneratedSample.customers - 240)
        #expect(summary.totalBytes > 0)
    }

    @Test func stageHistoryHasAtLeastOneRowPerOpportunity() {
        let opportunities = GeneratedSample.table("opportunities.csv").rows.count
        let history = GeneratedSample.table("stage_history.csv").rows.count
        #expect(history >= opportunities)
        #expect(history <= opportunities * 5)
    }

    @Test(arguments: [0, 1, 2, 49, 50])
    func tinyPopulations(_ customers: Int) throws {
        let dir = NSTemporaryDirectory() + "generator-tiny-\(customers)-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try DataGenerator.generate(GeneratorConfig(customers: customers, seed: 3), to: dir)
        #expect(summary.rows("customers.csv") == customers)
        #expect(summary.rows("duplicates_truth.csv") == customers)
        #expect(summary.entities + summary.duplicateRows == customers)
        for name in DataGenerator.fileNames {
            let table = try CSVTestReader.table(atPath: dir + "/" + name)
            #expect(!table.header.isEmpty, "\(name) has no header")
        }
    }
}
