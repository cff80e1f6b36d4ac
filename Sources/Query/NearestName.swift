/// The candidate closest to a mistyped name by edit distance (Levenshtein over Unicode scalars,
/// case-folded), for "did you mean" hints. Ties go to the earlier candidate, so hints are
/// deterministic.
enum NearestName {
    static func find(_ name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for c in candidates {
            let d = distance(target, Array(c.lowercased().unicodeScalars))
            if best == nil || d < best!.distance { best = (c, d) }
        }
        return best?.name
    }

    /// A clause for an error message: " (did you mean 'region'?)", or "" with no candidates.
    static func hint(_ name: String, in candidates: [String]) -> String {
        find(name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &row)
        }
        return previous[b.count]
    }
}
