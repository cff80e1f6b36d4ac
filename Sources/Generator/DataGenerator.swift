import Dispatch
import Foundation

/// Synthetic CRM data for every canonical table, with injected near-duplicate customers and a
/// ground-truth file. Output is a pure function of the configuration: same config, same bytes.
public enum DataGenerator {
    /// Output files in the order the summary lists them.
    /// Changes whenever the same config and seed would produce different files, so data sets
    /// generated earlier (the benchmark's) are recognised as stale. 2: mailboxes unique per person;
    /// 3: phone numbers unique per person, North American numbers no longer from a hundred.
    public static let outputVersion = 3

    public static let fileNames = ["customers.csv", "orders.csv", "interactions.csv", "opportunities.csv", "stage_history.csv",
                                   "tickets.csv", "campaigns.csv", "campaign_members.csv", "duplicates_truth.csv"]

    /// Writes all tables into `directory` (created if missing). Each file is written under a
    /// temporary name and renamed when complete, so a failure never leaves a truncated table that
    /// looks finished. Tables are written in parallel on the available cores; `progress` may be
    /// called from any of them (calls are serialised).
    public static func generate(_ config: GeneratorConfig, to directory: String,
                                progress: ((String) -> Void)? = nil) throws -> GenerationSummary {
        try config.validate()
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError.cannotWrite(path: directory, reason: error.localizedDescription)
        }
        let log = ProgressLog(progress)
        log.say("building population: \(config.customers) customer rows, seed \(config.seed)")
        let population = Population(config)
        log.say("population ready: \(population.entities.count) entities, \(config.customers - population.entities.count) duplicate rows")

        // Largest tables first, so two cores finish together.
        let jobs: [[String]] = [["interactions.csv"], ["orders.csv"], ["customers.csv", "duplicates_truth.csv"],
                                ["opportunities.csv", "stage_history.csv"], ["tickets.csv"],
                                ["campaigns.csv", "campaign_members.csv"]]
        let results = JobResults(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { job in
            do {
                let files = try run(jobs[job], population: population, directory: directory)
                for file in files {
                    log.say("wrote \(file.name): \(file.rows) rows, \(file.bytes) bytes")
                }
                results.set(job, .success(files))
            } catch {
                results.set(job, .failure(error))
            }
        }
        var files: [GenerationSummary.File] = []
        for job in jobs.indices {
            switch results.get(job) {
            case .success(let written): files += written
            case .failure(let error): throw error
            case nil: break
            }
        }
        files.sort { fileNames.firstIndex(of: $0.name)! < fileNames.firstIndex(of: $1.name)! }
        return GenerationSummary(files: files, duplicateRows: config.customers - population.entities.count,
                                 entities: population.entities.count)
    }

    private static func run(_ names: [String], population: Population, directory: String) throws -> [GenerationSummary.File] {
        let partials = names.map { directory + "/." + $0 + ".partial" }
        var renamed = false
        defer { if !renamed { for path in partials { unlink(path) } } }
        let writers = try partials.map { try CSVByteWriter(path: $0, days: population.days) }
        switch names[0] {
        case "interactions.csv": InteractionsTable(population: population).write(to: writers[0])
        case "orders.csv": OrdersTable(population: population).write(to: writers[0])
        case "customers.csv": CustomersTable(population: population).write(customers: writers[0], truth: writers[1])
        case "opportunities.csv": OpportunitiesTable(population: population).write(opportunities: writers[0], history: writers[1])
        case "tickets.csv": TicketsTable(population: population).write(to: writers[0])
        default: CampaignsTable(population: population).write(campaigns: writers[0], members: writers[1])
        }
        var files: [GenerationSummary.File] = []
        for (name, writer) in zip(names, writers) {
            try writer.finish()
            let final = directory + "/" + name
            if rename(writer.path, final) != 0 {
                throw GeneratorError.cannotWrite(path: final, reason: String(cString: strerror(errno)))
            }
            files.append(GenerationSummary.File(name: name, path: final, rows: writer.rows, bytes: writer.bytesWritten))
        }
        renamed = true
        return files
    }
}

/// Results of the parallel jobs, one slot each.
private final class JobResults: @unchecked Sendable {
    private var slots: [Result<[GenerationSummary.File], Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<[GenerationSummary.File], Error>) { lock.withLock { slots[i] = r } }
    func get(_ i: Int) -> Result<[GenerationSummary.File], Error>? { lock.withLock { slots[i] } }
}

/// Serialises progress messages from the worker threads.
private final class ProgressLog: @unchecked Sendable {
    private let sink: ((String) -> Void)?
    private let lock = NSLock()

    init(_ sink: ((String) -> Void)?) { self.sink = sink }

    func say(_ message: String) {
        guard let sink else { return }
        lock.withLock { sink(message) }
    }
}
