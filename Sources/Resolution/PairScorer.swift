import Foundation

/// Turns a pair's agreement levels into Fellegi–Sunter evidence: per-field weights in bits
/// (with term-frequency adjustment of exact agreement), their sum with the prior, and the match
/// probability. Shared by linking, the chaining guard, the merge log and `explain`.
struct PairScorer: Sendable {
    let comparator: RecordComparator
    let parameters: MatchParameters
    let weights: [[Double]]
    let nonMissing: [Int]

    /// Per field, the index of its evidence group (fields alone get their own).
    let group: [Int]
    let groupCount: Int

    init(comparator: RecordComparator, parameters: MatchParameters, nonMissing: [Int]) {
        self.comparator = comparator
        self.parameters = parameters
        self.weights = parameters.fields.map(\.weights)
        self.nonMissing = nonMissing
        var names: [String] = []
        var group: [Int] = []
        for (k, f) in comparator.fields.enumerated() {
            let name = f.comparison.evidenceGroup ?? "#\(k)"
            if let i = names.firstIndex(of: name) { group.append(i) } else { names.append(name); group.append(names.count - 1) }
        }
        self.group = group
        self.groupCount = names.count
        // A group no compared field belongs to never backs anything up: index -1 matches no field.
        let corroborated = comparator.fields.map { f in f.comparison.corroborates.map { names.firstIndex(of: $0) ?? -1 } }
        self.corroborated = corroborated
        self.independent = names.count == comparator.count && corroborated.allSatisfy { $0 == nil }
    }

    /// Per field, the evidence group whose positive evidence its own positive evidence needs.
    let corroborated: [Int?]
    /// No groups and no corroboration: every field's contribution counts as it is.
    let independent: Bool

    /// The weight a field adds to the total: its contribution, unless another field of its
    /// evidence group already adds more positive evidence (then 0; ties go to the earlier field),
    /// or it only corroborates a group that gives no positive evidence for the pair (then 0).
    func effectiveContribution(_ k: Int, levels: UnsafePointer<Int8>, _ a: Int, _ b: Int) -> Double {
        let c = contribution(k, level: levels[k], a, b)
        if c > 0, let needed = corroborated[k] {
            let backed = (0..<fieldCount).contains { j in
                j != k && group[j] == needed && effectiveContribution(j, levels: levels, a, b) > 0
            }
            if !backed { return 0 }
        }
        guard c > 0, comparator.fields[k].sharesGroup(a, b, level: levels[k]) else { return c }
        for j in 0..<fieldCount where j != k && group[j] == group[k] && comparator.fields[j].sharesGroup(a, b, level: levels[j]) {
            let other = contribution(j, level: levels[j], a, b)
            if other > c || (other == c && j < k) { return 0 }
        }
        return c
    }

    var fieldCount: Int { comparator.count }

    /// The weight field `k` contributes at `level` for the pair (a, b); 0 when missing.
    @inline(__always)
    func contribution(_ k: Int, level: Int8, _ a: Int, _ b: Int) -> Double {
        if level < 0 { return 0 }
        let f = parameters.fields[k]
        let top = f.m.count - 1
        if Int(level) == top && f.termFrequencyAdjusted {
            // A value shared by many rows is weaker evidence than a rare one: u is the chance that
            // a non-matching record holds this value. The pair itself accounts for two of the
            // rows holding it, so that is (count - 2) / rows — but never below the field's own u
            // for exact agreement, measured on random pairs weighted by how surely they are
            // non-matches: a value seen on just these two rows is as strong as exact agreement on
            // that field gets, not stronger. (With (count - 1) / rows, a unique id seen twice
            // weighed exactly the prior odds against a match, so an id match alone proved nothing.)
            // A value on fewer rows than a shared contact (a switchboard) is counted against
            // `Resolver.disagreementPseudoPairs` more rows: in a table of a few dozen rows the
            // value one person's three duplicates share looked "common" and weighed one bit.
            let field = comparator.fields[k].field
            let count = Double(field.frequency[Int(field.codes[a])])
            let rows = max(Double(nonMissing[k]) + (count < Double(FieldComparator.sharedContact) ? Resolver.disagreementPseudoPairs : 0), 1)
            let u = max((count - 2) / rows, f.u[top])
            return log2(f.m[top] / u)
        }
        if level > 0 && f.termFrequencyAdjusted {
            // Partial agreement on a common name or mailbox name says less too: u is at least the
            // chance that another record shares the coarser value (a name's sound, a family
            // name, a mailbox name), taking the commoner of the two rows. Only weaker, never
            // stronger: a rare sound does not make two similar spellings one person.
            let field = comparator.fields[k].field
            var count: Int32 = 0
            if field.kind == .personName && level == 1 {
                if !field.familyCodes.isEmpty, field.familyCodes[a] >= 0 { count = field.familyFrequency[Int(field.familyCodes[a])] }
            } else if !field.fuzzyCodes.isEmpty {
                let ca = field.fuzzyCodes[a], cb = field.fuzzyCodes[b]
                if ca >= 0 { count = field.fuzzyFrequency[Int(ca)] }
                if cb >= 0 { count = max(count, field.fuzzyFrequency[Int(cb)]) }
            }
            if count > 1 {
                let u = Double(count - 1) / Double(max(nonMissing[k], 1))
                return log2(f.m[Int(level)] / max(f.u[Int(level)], u))
            }
        }
        return weights[k][Int(level)]
    }

    @inline(__always)
    func weight(levels: UnsafePointer<Int8>, _ a: Int, _ b: Int) -> Double {
        var w = parameters.priorWeight
        if independent {
            for k in 0..<fieldCount { w += contribution(k, level: levels[k], a, b) }
            return w
        }
        for k in 0..<fieldCount { w += effectiveContribution(k, levels: levels, a, b) }
        return w
    }

    /// Compares and scores a pair directly (used off the candidate list: guard, explain).
    func score(_ a: Int, _ b: Int) -> (weight: Double, levels: [Int8]) {
        var levels = [Int8](repeating: -1, count: fieldCount)
        levels.withUnsafeMutableBufferPointer { comparator.compare(a, b, into: $0.baseAddress!) }
        let w = levels.withUnsafeBufferPointer { weight(levels: $0.baseAddress!, a, b) }
        return (w, levels)
    }

    func probability(_ a: Int, _ b: Int) -> Double { MatchParameters.probability(weight: score(a, b).weight) }
}
