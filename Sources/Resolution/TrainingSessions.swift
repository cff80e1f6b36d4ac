/// Estimates m the way Splink does, one training session per blocking rule. Within a rule's
/// pairs, non-matches agree on the rule's key by construction, so the random-pair u is wrong for
/// those fields — but right for every other field. Each session therefore runs EM with u fixed
/// and the rule's key fields left out; a field's m is the average of its estimates over the
/// sessions that did not block on it, weighted by how many matches each session found. Without
/// this, a crowd of namesakes (pairs agreeing on a common name and nothing else) can pass for
/// the match class.
struct TrainingSessions {
    /// A blocking key held by at most this many rows counts as a strong identifier for training.
    static let rareKeyCount: Int32 = 3

    var m: [[Double]]
    /// Sessions that informed each field.
    var sessionsPerField: [Int]
    var iterations = 0
    var converged = true
    var notes: [String] = []

    init(candidates: CandidatePairs, rules: [BlockingRule], comparator: RecordComparator, u: [[Double]],
         levelCounts: [Int], config: ResolutionConfig, fallback: [[Double]]) {
        let f = comparator.count
        var sum = levelCounts.map { [Double](repeating: 0, count: $0) }
        var weight = [Double](repeating: 0, count: f)
        var sessionsPerField = [Int](repeating: 0, count: f)
        for session in candidates.sessions {
            let rule = rules[session.rule]
            guard config.trainingRules.contains(rule.name) else { continue }
            // Leave out the rule's key fields and everything in their evidence groups: pairs that
            // share a phone are often one household, which shares its address too.
            let blocked = Set(rule.keys.map(\.column))
            let groups = Set(comparator.fields.filter { blocked.contains($0.comparison.column) }.compactMap(\.comparison.evidenceGroup))
            let excluded = comparator.fields.map { f in
                blocked.contains(f.comparison.column) || (f.comparison.evidenceGroup.map(groups.contains) ?? false)
            }
            // Train only on pairs whose shared key is rare: a value held by many rows (a company
            // switchboard, info@…) joins colleagues, not duplicates, and EM would learn from
            // them that names and e-mails of one person usually differ.
            let keyFields = rule.keys.compactMap { key -> FieldComparator? in
                guard case .value(let column) = key else { return nil }
                return comparator.fields.first { $0.comparison.column == column }
            }
            let trainingPairs = session.pairs.filter { p in
                let a = Int(p >> 32)
                return keyFields.allSatisfy { f in
                    let c = f.codes[a]
                    return c < 0 || f.field.frequency[Int(c)] <= TrainingSessions.rareKeyCount
                }
            }
            guard !trainingPairs.isEmpty else { continue }
            var levels = Resolver.compareAll(trainingPairs, comparator: comparator, threads: config.threads)
            for i in 0..<trainingPairs.count {
                for k in 0..<f where excluded[k] { levels[i * f + k] = -1 }
            }
            let (patterns, counts) = Resolver.distinctPatterns(levels, fieldCount: f, levelCounts: levelCounts)
            let em = ExpectationMaximization.fit(patterns: patterns, counts: counts, levelCounts: levelCounts, fixedU: u,
                                                  initialMatchShare: 0.3, maxIterations: config.maxEMIterations,
                                                  tolerance: config.emTolerance)
            iterations = max(iterations, em.iterations)
            if !em.converged {
                converged = false
                notes.append("EM for blocking rule '\(rule.name)' stopped after \(em.iterations) iterations without converging")
            }
            let matches = em.matchShare * Double(trainingPairs.count)
            guard matches >= 1 else { continue }
            for k in 0..<f where !excluded[k] {
                // A field that is missing in every pair of the session learned nothing there.
                let informed = (0..<trainingPairs.count).contains { levels[$0 * f + k] >= 0 }
                guard informed else { continue }
                for l in 0..<levelCounts[k] { sum[k][l] += em.m[k][l] * matches }
                weight[k] += matches
                sessionsPerField[k] += 1
            }
        }
        m = (0..<f).map { k in
            weight[k] > 0 ? sum[k].map { $0 / weight[k] } : fallback[k]
        }
        self.sessionsPerField = sessionsPerField
        let untrained = (0..<f).filter { weight[$0] == 0 }.map { comparator.fields[$0].comparison.column }
        if !untrained.isEmpty {
            notes.append("m for \(untrained.joined(separator: ", ")) from the pooled EM: every blocking rule that found matches blocks on it")
        }
    }
}
