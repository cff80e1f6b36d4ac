import Columns
import Foundation

/// Entity resolution over a customers table: prepare → block → compare → estimate m/u (u from
/// random pairs, m and the match share by EM) → score → cluster with a chaining guard → golden
/// records by survivorship → merge log.
public enum Resolver {
    public static func resolve(_ customers: Table, config: ResolutionConfig = ResolutionConfig()) throws(ResolutionError) -> ResolutionResult {
        let n = customers.rowCount
        guard n < Int(Int32.max) else { throw .tooManyRows(n) }
        var notes: [String] = []
        var timings: [PhaseTiming] = []
        let clock = ContinuousClock()
        var phaseStart = clock.now
        func phase(_ name: String) {
            let now = clock.now
            let d = now - phaseStart
            timings.append(PhaseTiming(phase: name, seconds: Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18))
            phaseStart = now
        }

        let compared = config.comparisons.filter { customers[$0.column] != nil }
        let skipped = config.comparisons.filter { customers[$0.column] == nil }.map(\.column)
        if !skipped.isEmpty { notes.append("compared fields not in the table, skipped: \(skipped.joined(separator: ", "))") }
        guard !compared.isEmpty else { throw .noComparableColumns(available: customers.columnNames) }

        // Everything up to the merge log runs in `link`, so that its working set (prepared fields,
        // candidate pairs, comparison vectors: about 400 MB at 1 M customers) is released before
        // the golden records are built — unless the result keeps the model for explanations.
        func link() -> Linkage {
            let methods = Dictionary(compared.map { ($0.column, $0.method) }, uniquingKeysWith: { a, _ in a })
            let needed = compared.map(\.column) + config.blocking.flatMap(\.columns)
            let records = PreparedRecords(table: customers, columns: needed, methods: methods, threads: config.threads)
            let allMissing = compared.filter { records.nonMissing[$0.column] == 0 }.map(\.column)
            if !allMissing.isEmpty { notes.append("fields with no values at all (no evidence from them): \(allMissing.joined(separator: ", "))") }
            phase("prepare")
            let comparator = RecordComparator(fields: compared.map { FieldComparator(comparison: $0, field: records.fields[$0.column]!) })
            let f = comparator.count

            // Candidate pairs and their comparison vectors, split over threads in contiguous ranges.
            let candidates = CandidatePairs(records: records, rules: config.blocking, maxBlockSize: config.maxBlockSize)
            notes += candidates.notes
            notes.append("candidate pairs per blocking rule (before de-duplication): "
                + candidates.pairsPerRule.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
            let pairs = candidates.pairs
            phase("block")
            let levels = compareAll(pairs, comparator: comparator, threads: config.threads)
            phase("compare")

            // u from random pairs: almost all are non-matches, so their agreement rates are chance rates.
            let levelCounts = compared.map(\.method.levelCount)
            let random = randomPairs(n: n, count: config.randomPairs, seed: config.seed)
            let randomLevels = compareAll(random, comparator: comparator, threads: config.threads)
            var u = agreementRates(randomLevels, fieldCount: f, levelCounts: levelCounts)

            // m by EM over the candidate pairs' distinct patterns. Candidate non-matches agree on their
            // blocking keys far more often than random pairs do, so EM fits its own u for them; the
            // scoring model then uses m from EM, u from random pairs, and the prior odds of a match
            // among all pairs — Fellegi–Sunter over the whole comparison space, as Splink does.
            let (patterns, counts) = distinctPatterns(levels, fieldCount: f, levelCounts: levelCounts)
            let pooled = ExpectationMaximization.fit(patterns: patterns, counts: counts, levelCounts: levelCounts, fixedU: nil,
                                                      initialU: u, initialMatchShare: 0.3, maxIterations: config.maxEMIterations,
                                                      tolerance: config.emTolerance)
            let sessions = TrainingSessions(candidates: candidates, rules: config.blocking, comparator: comparator, u: u,
                                            levelCounts: levelCounts, config: config, fallback: pooled.m)
            notes += sessions.notes
            let m = compared.enumerated().map { k, c in c.method.withMinimumM(sessions.m[k]) }
            // With m and u settled, EM over all candidate pairs fits only the share of matches.
            let allPairs = Double(n) * Double(max(n - 1, 1)) / 2
            func matchShare(u: [[Double]]) -> (em: ExpectationMaximization.Result, prior: Double) {
                let em = ExpectationMaximization.fit(patterns: patterns, counts: counts, levelCounts: levelCounts, fixedU: u,
                                                      fixedM: m, initialMatchShare: 0.1, maxIterations: config.maxEMIterations,
                                                      tolerance: config.emTolerance)
                let expectedMatches = pairs.isEmpty ? 0 : em.matchShare * Double(pairs.count)
                return (em, min(max(expectedMatches / max(allPairs, 1), 1e-12), 0.5))
            }
            var (em, prior) = matchShare(u: u)
            // The random sample holds a few true matches, and on an identifier they are all its
            // agreements: u for an exact id came out as the share of duplicated records, which cancels
            // the prior, so an id match alone proved nothing. Each random pair counts towards u as much
            // as the fitted model says it is a non-match; then the match share is fitted again.
            u = agreementRates(randomLevels, fieldCount: f, levelCounts: levelCounts, nonMatchModel: (m, u, prior))
            (em, prior) = matchShare(u: u)
            if pairs.isEmpty { notes.append("no candidate pairs: every record is its own golden record") }
            let parameters = MatchParameters(
                fields: compared.enumerated().map { k, c in
                    MatchParameters.Field(column: c.column, method: c.method, termFrequencyAdjusted: c.termFrequencyAdjusted, m: em.m[k], u: u[k])
                },
                matchShare: prior, candidateMatchShare: em.matchShare, emIterations: sessions.iterations, converged: sessions.converged,
                candidatePairs: pairs.count, randomPairs: random.count, patterns: counts.count)
            phase("estimate")
            let scorer = PairScorer(comparator: comparator, parameters: parameters,
                                    nonMissing: compared.map { records.nonMissing[$0.column] ?? 0 })

            // Links: candidate pairs at or above the threshold.
            let thresholdWeight = log2(config.matchThreshold / (1 - config.matchThreshold))
            var links: [(a: Int32, b: Int32, weight: Double)] = []
            levels.withUnsafeBufferPointer { lv in
                for (i, p) in pairs.enumerated() {
                    let a = Int(p >> 32), b = Int(p & 0xFFFF_FFFF)
                    let w = scorer.weight(levels: lv.baseAddress! + i * f, a, b)
                    if w >= thresholdWeight { links.append((Int32(a), Int32(b), w)) }
                }
            }
            phase("score")
            let clustering = Clustering(rowCount: n, links: links, scorer: scorer, coreLinkThreshold: config.coreLinkThreshold)
            if clustering.detachedMembers > 0 {
                notes.append("chaining guard: \(clustering.detachedMembers) rows detached from clusters they reached only through other members")
            }

            phase("cluster")
            // Golden ids in order of each cluster's first row.
            var goldenOfLabel = [Int32](repeating: -1, count: n)
            var goldenIndex = [Int32](repeating: 0, count: n)
            var clusterCount = 0
            for r in 0..<n {
                let l = Int(clustering.label[r])
                if goldenOfLabel[l] < 0 { goldenOfLabel[l] = Int32(clusterCount); clusterCount += 1 }
                goldenIndex[r] = goldenOfLabel[l]
            }
            var start = [Int](repeating: 0, count: clusterCount + 1)
            for g in goldenIndex { start[Int(g) + 1] += 1 }
            for g in 0..<clusterCount { start[g + 1] += start[g] }
            var members = [Int32](repeating: 0, count: n)
            var fill = start
            for r in 0..<n { members[fill[Int(goldenIndex[r])]] = Int32(r); fill[Int(goldenIndex[r])] += 1 }
            var coreRows = [Int](repeating: 0, count: clusterCount)
            for r in 0..<n where Int(clustering.label[r]) == r { coreRows[Int(goldenOfLabel[r])] = Int(clustering.core[r]) }

            let mergeLog = MergeLog.build(customers: customers, members: members, start: start, coreRows: coreRows,
                                          scorer: scorer, sources: sourceNames(customers), idColumn: config.idColumn)
            var keys: [String: SurvivorshipKey] = [:]
            for name in customers.columnNames { if let field = records.fields[name] { keys[name] = SurvivorshipKey(field) } }
            return Linkage(goldenIndex: goldenIndex, members: members, start: start, coreRows: coreRows, mergeLog: mergeLog,
                           parameters: parameters, candidatePairCount: pairs.count, linkedPairCount: links.count,
                           scorer: config.keepsExplanations ? scorer : nil, survivorshipKeys: keys)
        }

        let linkage = link()
        let rank = sourceRanks(sourceNames(customers), priority: config.sourcePriority)
        let recency = recencyValues(customers, column: config.recencyColumn)
        let golden = GoldenRecords(customers: customers, members: linkage.members, start: linkage.start, config: config,
                                   keys: linkage.survivorshipKeys, sourceRank: rank, recency: recency, coreRows: linkage.coreRows)

        phase("golden")
        return ResolutionResult(goldenIndex: linkage.goldenIndex, golden: golden.table, goldenProvenance: golden.provenance,
                                mergeLog: linkage.mergeLog, parameters: linkage.parameters, notes: notes,
                                candidatePairCount: linkage.candidatePairCount, linkedPairCount: linkage.linkedPairCount,
                                threshold: config.matchThreshold, timings: timings, scorer: linkage.scorer)
    }

    /// What `resolve` keeps of the linkage once its working set is let go.
    private struct Linkage {
        var goldenIndex: [Int32]
        var members: [Int32]
        var start: [Int]
        var coreRows: [Int]
        var mergeLog: Table
        var parameters: MatchParameters
        var candidatePairCount: Int
        var linkedPairCount: Int
        var scorer: PairScorer?
        var survivorshipKeys: [String: SurvivorshipKey]
    }

    /// Comparison vectors for `pairs`, `fieldCount` levels per pair, computed over contiguous
    /// ranges on `threads` threads (each writes only its range, so the result is deterministic).
    static func compareAll(_ pairs: [UInt64], comparator: RecordComparator, threads: Int) -> [Int8] {
        let f = comparator.count
        return [Int8](unsafeUninitializedCapacity: pairs.count * f) { buffer, initialized in
            let out = SharedOutput(buffer)
            pairs.withUnsafeBufferPointer { pp in
                let base = SharedInput(pp)
                ParallelRanges.run(count: pairs.count, parts: threads) { _, range in
                    for i in range {
                        let p = base.base[i]
                        comparator.compare(Int(p >> 32), Int(p & 0xFFFF_FFFF), into: out.base + i * f)
                    }
                }
            }
            initialized = pairs.count * f
        }
    }

    /// `count` distinct-row pairs drawn with a fixed seed (fewer when the table has fewer pairs).
    static func randomPairs(n: Int, count: Int, seed: UInt64) -> [UInt64] {
        guard n >= 2 else { return [] }
        let possible = n * (n - 1) / 2
        var out: [UInt64] = []
        if possible <= count {
            for a in 0..<n { for b in (a + 1)..<n { out.append(UInt64(a) << 32 | UInt64(b)) } }
            return out
        }
        var g = SplitMix64(seed: seed)
        out.reserveCapacity(count)
        while out.count < count {
            let a = Int(g.next() % UInt64(n)), b = Int(g.next() % UInt64(n))
            if a == b { continue }
            out.append(UInt64(min(a, b)) << 32 | UInt64(max(a, b)))
        }
        return out
    }

    /// Level frequencies among non-missing comparisons, with add-one-half smoothing so a level
    /// never seen by chance still gets a small, finite u. With `nonMatchModel` (m, u and the prior
    /// match probability), each pair counts by its probability of being a non-match under that
    /// model, so the sample's few true matches do not pass for chance agreement.
    static func agreementRates(_ levels: [Int8], fieldCount f: Int, levelCounts: [Int],
                               nonMatchModel: (m: [[Double]], u: [[Double]], prior: Double)? = nil) -> [[Double]] {
        var counts = levelCounts.map { [Double](repeating: 0, count: $0) }
        let pairs = f == 0 ? 0 : levels.count / f
        let weights = nonMatchModel.map { model in zip(model.m, model.u).map { mk, uk in zip(mk, uk).map { log2($0 / $1) } } }
        let priorWeight = nonMatchModel.map { log2($0.prior / (1 - $0.prior)) } ?? 0
        for i in 0..<pairs {
            var share = 1.0
            if let weights {
                var w = priorWeight
                for k in 0..<f {
                    let l = levels[i * f + k]
                    if l >= 0 { w += weights[k][Int(l)] }
                }
                share = 1 - MatchParameters.probability(weight: w)
            }
            for k in 0..<f {
                let l = levels[i * f + k]
                if l >= 0 { counts[k][Int(l)] += share }
            }
        }
        // Half a pair of every level keeps rates off zero. Level 0 (disagreement) also gets
        // `disagreementPseudoPairs`: two records chosen at random are almost never one person, which
        // a sample of a few dozen records cannot show — with three duplicates among four rows,
        // "random" pairs agree half the time and every field's weight collapsed to ±1 bit. Against
        // the 200 000 random pairs of a real table the prior moves u by half a percent.
        return counts.map { c in
            var c = c.map { $0 + 0.5 }
            if !c.isEmpty { c[0] += disagreementPseudoPairs }
            let total = c.reduce(0, +)
            return c.map { $0 / total }
        }
    }

    static let disagreementPseudoPairs = 1000.0

    /// The distinct comparison patterns (levels, flat) and how often each occurs, in a fixed order.
    static func distinctPatterns(_ levels: [Int8], fieldCount f: Int, levelCounts: [Int]) -> ([Int8], [Double]) {
        let pairs = f == 0 ? 0 : levels.count / f
        var codes = [UInt64](repeating: 0, count: pairs)
        for i in 0..<pairs {
            var code: UInt64 = 0
            for k in 0..<f { code = code * UInt64(levelCounts[k] + 1) + UInt64(Int(levels[i * f + k]) + 1) }
            codes[i] = code
        }
        codes.sort()
        var patterns: [Int8] = [], counts: [Double] = []
        var i = 0
        while i < codes.count {
            var j = i
            while j < codes.count && codes[j] == codes[i] { j += 1 }
            var code = codes[i]
            var row = [Int8](repeating: 0, count: f)
            for k in stride(from: f - 1, through: 0, by: -1) {
                let radix = UInt64(levelCounts[k] + 1)
                row[k] = Int8(Int(code % radix) - 1)
                code /= radix
            }
            patterns += row
            counts.append(Double(j - i))
            i = j
        }
        return (patterns, counts)
    }

    static func sourceNames(_ t: Table) -> [String] {
        if let lineage = t.lineage { return (0..<t.rowCount).map { lineage.source(of: $0) } }
        if let s = t["source"] { return (0..<t.rowCount).map { s.text(at: $0) ?? "" } }
        return [String](repeating: "", count: t.rowCount)
    }

    static func sourceRanks(_ sources: [String], priority: [String]) -> [Int32] {
        sources.map { s in
            if let i = priority.firstIndex(where: { $0 == s || s.hasSuffix("/" + $0) }) { return Int32(i) }
            return Int32(priority.count)
        }
    }

    static func recencyValues(_ t: Table, column: String) -> [Int64] {
        guard let c = t[column] else { return [Int64](repeating: .min, count: t.rowCount) }
        return (0..<t.rowCount).map { r in
            if c.isNull(r) { return .min }
            switch c {
            case .timestamp(let p): return p.values[r]
            case .date(let p): return Int64(p.values[r]) * 86400
            case .int64(let p): return p.values[r]
            default: return c.text(at: r).flatMap(SimpleDate.days(from:)).map { Int64($0) * 86400 } ?? .min
            }
        }
    }
}

struct SharedInput<T>: @unchecked Sendable {
    let base: UnsafePointer<T>
    init(_ b: UnsafeBufferPointer<T>) { base = b.baseAddress ?? UnsafePointer(bitPattern: 8)! }
}

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, and the same sequence on every machine.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
