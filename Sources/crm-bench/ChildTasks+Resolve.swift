import Columns
import Foundation
import Generator
import Ingest
import Resolution

/// Entity resolution measured the way the pipeline runs it — customers.csv loaded onto the
/// canonical schema, then `Resolver.resolve` with the pipeline's threshold — and scored against
/// the generator's truth file:
///
///     crm-bench --child resolve DIR                 DIR holds customers.csv and duplicates_truth.csv
///     crm-bench --child resolve-generated N SEED    generates N customers in a temporary folder first
///
/// Prints "rows seconds precision recall true_pairs predicted_pairs correct_pairs load_seconds"
/// on the first line (seconds = resolve only), then the phase timings. With CRM_BENCH_WHY=1 it
/// also lists the missed and wrong pairs by the edits the generator made, for diagnosis;
/// CRM_BENCH_THRESHOLD=P resolves at match probability P instead of the pipeline's;
/// CRM_BENCH_MEMORY=1 prints the peak resident memory within each resolver phase.
enum ResolveChild {
    /// The threshold the pipeline passes by default (`ResolutionSettings.threshold`).
    static let pipelineThreshold = ResolutionConfig.pipelineThreshold

    static func run(_ args: [String]) throws {
        switch args.first {
        case "resolve" where args.count == 2:
            try measure(directory: args[1])
        case "resolve-generated" where args.count == 3:
            guard let n = Int(args[1]), let seed = UInt64(args[2]) else { throw BenchError.usage("resolve-generated N SEED") }
            let dir = NSTemporaryDirectory() + "crm-bench-resolve-\(getpid())"
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let config = GeneratorConfig.customersOnly(n, seed: seed)
            _ = try DataGenerator.generate(config, to: dir)
            try measure(directory: dir)
        default:
            throw BenchError.usage("child tasks: resolve DIR | resolve-generated N SEED")
        }
    }

    static func measure(directory: String) throws {
        let loadStart = Date()
        let customers = try CSVLoader.load(path: directory + "/customers.csv", options: CSVOptions(table: .customers)).table
        let loadSeconds = Date().timeIntervalSince(loadStart)
        var config = ResolutionConfig()
        config.matchThreshold = pipelineThreshold
        // As the nightly run does, unless the misses are to be explained.
        config.keepsExplanations = ProcessInfo.processInfo.environment["CRM_BENCH_WHY"] == "1"
        // For diagnosis: the same run at another threshold (precision/recall trade-off).
        if let t = ProcessInfo.processInfo.environment["CRM_BENCH_THRESHOLD"].flatMap(Double.init) { config.matchThreshold = t }
        let sampler = ProcessInfo.processInfo.environment["CRM_BENCH_MEMORY"] == "1" ? ResidentMemorySampler() : nil
        let start = Date()
        let result = try Resolver.resolve(customers, config: config)
        let seconds = Date().timeIntervalSince(start)
        if let sampler {
            // Peak resident memory within each phase, from the sampler's timeline.
            let samples = sampler.stop()
            var from = start
            print("peak RSS per phase (MB): " + result.timings.map { t in
                let to = from.addingTimeInterval(t.seconds)
                defer { from = to }
                let peak = samples.filter { $0.at >= from && $0.at <= to }.map(\.bytes).max() ?? 0
                return String(format: "%@ %.0f", t.phase, Double(peak) / 1e6)
            }.joined(separator: ", ") + String(format: "; before %.0f", Double(samples.first?.bytes ?? 0) / 1e6))
        }
        let truth = try TruthFile(path: directory + "/duplicates_truth.csv", customers: customers)
        let score = PairwiseScore(predicted: result.goldenIndex, truth: truth.entity)
        print(customers.rowCount, seconds, score.precision, score.recall, score.truePairs, score.predictedPairs, score.correctPairs, loadSeconds)
        print(result.timings.map { String(format: "%@ %.2f", $0.phase, $0.seconds) }.joined(separator: ", "))
        print("candidates \(result.candidatePairCount), links \(result.linkedPairCount), golden \(result.golden.rowCount)")
        for note in result.notes where note.hasPrefix("candidate pairs per blocking rule") { print(note) }
        if ProcessInfo.processInfo.environment["CRM_BENCH_WHY"] == "1" {
            for note in result.notes { print("note: \(note)") }
            for f in result.parameters.fields {
                print("  \(f.column): m " + f.m.map { String(format: "%.4f", $0) }.joined(separator: " ") + " | u "
                      + f.u.map { String(format: "%.2g", $0) }.joined(separator: " ") + " | w "
                      + f.weights.map { String(format: "%.1f", $0) }.joined(separator: " "))
            }
            print("  prior \(result.parameters.priorWeight), candidate match share \(result.parameters.candidateMatchShare)")
            ResolutionErrors(result: result, truth: truth, customers: customers).report()
        }
    }
}

/// The generator's truth: entity per customer row (matched by customer_id), and the edits that
/// made each duplicate.
struct TruthFile {
    var entity: [Int]
    var notes: [String]

    init(path: String, customers: Table) throws {
        let t = try CSVLoader.load(path: path).table
        guard let ids = t["customer_id"], let entities = t["entity_id"], let notesColumn = t["notes"] else {
            throw BenchError.failed("truth file", "\(path) lacks customer_id, entity_id or notes")
        }
        var entityOf: [String: (Int, String)] = [:]
        entityOf.reserveCapacity(t.rowCount)
        for r in 0..<t.rowCount {
            guard let id = ids.text(at: r), let e = entities.text(at: r) else { continue }
            entityOf[id] = (Int(e.filter(\.isNumber)) ?? -1, notesColumn.text(at: r) ?? "")
        }
        let customerIDs = customers["customer_id"]
        entity = (0..<customers.rowCount).map { r in customerIDs?.text(at: r).flatMap { entityOf[$0]?.0 } ?? -1 }
        notes = (0..<customers.rowCount).map { r in customerIDs?.text(at: r).flatMap { entityOf[$0]?.1 } ?? "" }
    }
}

/// Missed and wrong pairs, grouped by the generator's edit notes, with a few explained examples.
struct ResolutionErrors {
    let result: ResolutionResult
    let truth: TruthFile
    let customers: Table

    func report() {
        let n = truth.entity.count
        var rowsByEntity: [Int: [Int]] = [:]
        for r in 0..<n where truth.entity[r] >= 0 { rowsByEntity[truth.entity[r], default: []].append(r) }
        var missedByEdit: [String: Int] = [:]
        var missedExamples: [(Int, Int)] = []
        var missed = 0
        for rows in rowsByEntity.values where rows.count > 1 {
            for i in 0..<rows.count {
                for j in (i + 1)..<rows.count where result.goldenIndex[rows[i]] != result.goldenIndex[rows[j]] {
                    missed += 1
                    let edits = truth.notes[rows[i]] + ";" + truth.notes[rows[j]]
                    for e in Set(edits.split(separator: ";").map(String.init)) { missedByEdit[e, default: 0] += 1 }
                    if missedExamples.count < 25 { missedExamples.append((rows[i], rows[j])) }
                }
            }
        }
        print("missed pairs \(missed); by edit:", missedByEdit.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        // A missed pair the model scores at or above the threshold was never a candidate (or was
        // detached by the chaining guard): blocking, not the model, lost it.
        var aboveThreshold: [(Int, Int)] = []
        for rows in rowsByEntity.values where rows.count > 1 {
            for i in 0..<rows.count {
                for j in (i + 1)..<rows.count where result.goldenIndex[rows[i]] != result.goldenIndex[rows[j]] {
                    if result.matchProbability(rows[i], rows[j]) >= result.threshold { aboveThreshold.append((rows[i], rows[j])) }
                }
            }
        }
        print("missed pairs scoring at or above the threshold (not blocked together, or detached): \(aboveThreshold.count)")
        // How far below the threshold the rest score: pairs just under it are the model's to win,
        // pairs far under it carry no evidence a model could use.
        var byProbability = [0, 0, 0, 0, 0]
        let bounds = [0.01, 0.1, 0.5, result.threshold]
        for rows in rowsByEntity.values where rows.count > 1 {
            for i in 0..<rows.count {
                for j in (i + 1)..<rows.count where result.goldenIndex[rows[i]] != result.goldenIndex[rows[j]] {
                    let p = result.matchProbability(rows[i], rows[j])
                    byProbability[bounds.firstIndex { p < $0 } ?? bounds.count] += 1
                }
            }
        }
        print("missed pairs by match probability: <0.01 \(byProbability[0]), 0.01-0.1 \(byProbability[1]), 0.1-0.5 \(byProbability[2]), 0.5-threshold \(byProbability[3]), above \(byProbability[4])")
        for (a, b) in aboveThreshold.sorted(by: { $0 < $1 }).prefix(8) {
            print("--- ABOVE THRESHOLD [\(truth.notes[a])] / [\(truth.notes[b])] rows \(a) \(b)\n\(row(a))\n\(row(b))")
        }
        var membersByGolden: [Int32: [Int]] = [:]
        for r in 0..<n { membersByGolden[result.goldenIndex[r], default: []].append(r) }
        var wrong = 0
        var wrongExamples: [(Int, Int)] = []
        for rows in membersByGolden.values where rows.count > 1 {
            for i in 0..<rows.count {
                for j in (i + 1)..<rows.count where truth.entity[rows[i]] != truth.entity[rows[j]] {
                    wrong += 1
                    if wrongExamples.count < 25 { wrongExamples.append((rows[i], rows[j])) }
                }
            }
        }
        print("wrong pairs \(wrong)")
        let sizes = membersByGolden.values.map(\.count).sorted(by: >)
        print("largest clusters: \(sizes.prefix(15).map(String.init).joined(separator: " ")); clusters of 3+: \(sizes.filter { $0 >= 3 }.count)")
        var patterns: [String: Int] = [:]
        for rows in membersByGolden.values where rows.count > 1 {
            for i in 0..<rows.count {
                for j in (i + 1)..<rows.count where truth.entity[rows[i]] != truth.entity[rows[j]] {
                    patterns[pattern(rows[i], rows[j]), default: 0] += 1
                }
            }
        }
        for (p, c) in patterns.sorted(by: { $0.value > $1.value }).prefix(30) { print("  wrong \(c)  \(p)") }
        var missedPatterns: [String: Int] = [:]
        for rows in rowsByEntity.values where rows.count > 1 {
            for i in 0..<rows.count {
                for j in (i + 1)..<rows.count where result.goldenIndex[rows[i]] != result.goldenIndex[rows[j]] {
                    missedPatterns[pattern(rows[i], rows[j]), default: 0] += 1
                }
            }
        }
        for (p, c) in missedPatterns.sorted(by: { $0.value > $1.value }).prefix(30) { print("  missed \(c)  \(p)") }
        for (a, b) in missedExamples {
            print("--- MISSED [\(truth.notes[a])] / [\(truth.notes[b])]\n\(row(a))\n\(row(b))\n\(result.explain(a, b))")
        }
        for (a, b) in wrongExamples {
            print("--- WRONG [\(truth.notes[a])] / [\(truth.notes[b])]\n\(row(a))\n\(row(b))\n\(result.explain(a, b))")
        }
    }

    /// Each compared field's level words, from the explanation, e.g. "name=exact email=different".
    func pattern(_ a: Int, _ b: Int) -> String {
        result.explain(a, b).split(separator: "\n").dropFirst(2).map { line -> String in
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 3 else { return "" }
            let level = line.split(separator: ":").first.map { $0.split(separator: " ").dropFirst(2).joined(separator: " ") } ?? ""
            return "\(words[0])=\(level)"
        }.joined(separator: " ")
    }

    func row(_ r: Int) -> String {
        ["customer_id", "name", "email", "phone", "company", "city", "source"].map { customers[$0]?.text(at: r) ?? "∅" }.joined(separator: " | ")
    }
}

/// Samples this process's resident memory every 10 ms on a background thread, for telling which
/// phase of a computation holds the most.
final class ResidentMemorySampler: @unchecked Sendable {
    struct Sample { let at: Date; let bytes: Int }
    private var samples: [Sample] = []
    private var running = true
    private let lock = NSLock()
    private var thread: Thread?

    init() {
        samples.append(Sample(at: Date(), bytes: Self.resident()))
        let t = Thread { [self] in
            while lock.withLock({ running }) {
                let s = Sample(at: Date(), bytes: Self.resident())
                lock.withLock { samples.append(s) }
                usleep(10_000)
            }
        }
        thread = t
        t.start()
    }

    func stop() -> [Sample] {
        lock.withLock { running = false }
        usleep(20_000)
        return lock.withLock { samples }
    }

    static func resident() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}
