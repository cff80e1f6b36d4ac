import ArgumentParser
import Foundation
import Generator

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic CRM data for every table, with near-duplicate customers and a truth file.",
        discussion: """
        Output: customers, orders, interactions, opportunities, stage_history, tickets, campaigns and \
        campaign_members as CSV, plus duplicates_truth.csv (customer_id → entity_id) for measuring \
        entity resolution. Same --customers and --seed → byte-identical files.

        Examples:
          crm generate --customers 5000 --seed 7 --out /tmp/crm-small
          crm generate --customers 1000000 --seed 42 --out bench-data/1m
        """)

    @Option(help: "Customer rows to generate (duplicates included).")
    var customers: Int

    @Option(help: "Random seed; the same seed gives the same files.")
    var seed: UInt64 = 42

    @Option(help: "Output folder (created if missing).")
    var out: String

    @Option(help: "Share of customer rows that are near-duplicates, 0 to 0.5.")
    var duplicateRate: Double = 0.08

    func validate() throws {
        guard (1...50_000_000).contains(customers) else {
            throw ValidationError("--customers: expected 1 to 50000000, got \(customers)")
        }
        guard (0...0.5).contains(duplicateRate) else {
            throw ValidationError("--duplicate-rate: expected 0 to 0.5, got \(duplicateRate)")
        }
    }

    func run() throws {
        let started = Date()
        let config = GeneratorConfig(customers: customers, seed: seed, duplicateRate: duplicateRate)
        do {
            let summary = try DataGenerator.generate(config, to: out) { printError($0) }
            for f in summary.files {
                print("\(f.path)\t\(f.rows) rows\t\(f.bytes) bytes")
            }
            print(String(format: "%d files, %d rows, %.1f MB in %.1fs; %d duplicate customer rows of %d entities",
                         summary.files.count, summary.totalRows, Double(summary.totalBytes) / 1e6,
                         Date().timeIntervalSince(started), summary.duplicateRows, summary.entities))
        } catch {
            printError("crm generate: \(error)")
            throw ExitCode(1)
        }
    }
}
