/// "Did you mean …?" for user-typed names (pipeline keys, column headers, query identifiers):
/// the candidate with the smallest edit distance, if it is close enough to be a plausible typo.
public enum NameSuggestion {
    /// The nearest candidate by case-insensitive edit distance over Unicode scalars (optimal string
    /// alignment: a swap of two neighbours counts as one edit, as typists make them), when the
    /// distance is at most a third of the longer name (at least 1), so "custmer_id" finds
    /// "customer_id" but "zzz" suggests nothing. Ties go to the earlier candidate.
    public static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(target, Array(c.lowercased().unicodeScalars))
            let limit = max(1, max(target.count, c.unicodeScalars.count) / 3)
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// " (did you mean 'x'?)" or "" — ready to append to an error message.
    public static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        nearest(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var d = [Int](repeating: 0, count: (a.count + 1) * width)
        for j in 0...b.count { d[j] = j }
        for i in 1...a.count {
            d[i * width] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    v = min(v, d[(i - 2) * width + j - 2] + 1)
                }
                d[i * width + j] = v
            }
        }
        return d[a.count * width + b.count]
    }
}
