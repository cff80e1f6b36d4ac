/// Sorts a pair of records into agreement levels, field by field, reading the prepared buffers.
struct FieldComparator: Sendable {
    let comparison: FieldComparison
    let field: PreparedField

    var method: ComparisonMethod { comparison.method }

    /// The agreement level of rows `a` and `b`: -1 when either is missing, 0 disagree, up to
    /// `method.agreementLevels` for exact.
    func level(_ a: Int, _ b: Int) -> Int8 {
        guard field.present[a], field.present[b] else { return -1 }
        let top = Int8(method.agreementLevels)
        switch method {
        case .date(let near):
            switch DateProximity.relation(field.days[a], field.days[b], nearDays: near) {
            case .same: return 2
            case .dayMonthSwapped, .within: return 1
            case .apart: return 0
            }
        case .numeric(let tolerance):
            let x = field.numbers[a], y = field.numbers[b]
            if x == y { return 2 }
            return abs(x - y) <= tolerance ? 1 : 0
        default:
            break
        }
        if field.codes[a] == field.codes[b] { return top }
        return field.text.withScalars(a) { x in
            field.text.withScalars(b) { y in textLevel(x, y, a, b) }
        }
    }

    private func textLevel(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int) -> Int8 {
        switch method {
        case .personName:
            if field.alternateCodes[a] == field.alternateCodes[b] { return 3 }
            if x.allSatisfy(TokenJaccard.isHan) && y.allSatisfy(TokenJaccard.isHan) { return chineseNameLevel(x, y) }
            var jw = JaroWinkler.similarity(x, y)
            if jw < 0.92 {
                jw = max(jw, field.alternate.withScalars(a) { p in field.alternate.withScalars(b) { q in JaroWinkler.similarity(p, q) } })
            }
            // Whole-string Jaro-Winkler rewards a shared surname (`jessica clark` / `daniel clark`
            // score 0.8); names of several words must also agree word by word (Monge-Elkan).
            if jw >= 0.80 - 1e-9, x.contains(32) || y.contains(32) {
                jw = min(jw, MongeElkan.similarity(x, y))
            }
            // Thresholds carry a small tolerance: 0.8 computed in floating point can land a hair below.
            if jw >= 0.92 - 1e-9 { return 2 }
            if jw >= 0.80 - 1e-9 { return 1 }
            return 0
        case .email:
            let atX = lastAt(x), atY = lastAt(y)
            if atX > 0, atX == atY, memEqual(x, y, atX) { return 2 }  // same mailbox, other domain
            if DamerauLevenshtein.distance(x, y, limit: 1) <= 1 { return 2 }
            let lx = UnsafeBufferPointer(rebasing: x[0..<max(atX, 0)]), ly = UnsafeBufferPointer(rebasing: y[0..<max(atY, 0)])
            return atX > 0 && atY > 0 && JaroWinkler.similarity(lx, ly) >= 0.88 ? 1 : 0
        case .phone:
            return x.count == y.count && DamerauLevenshtein.distance(x, y, limit: 1) <= 1 ? 1 : 0
        case .company:
            return TokenJaccard.similarity(x, y) >= 0.5 || JaroWinkler.similarity(x, y) >= 0.9 ? 1 : 0
        case .exact:
            return 0
        case .jaroWinkler(let thresholds):
            let s = JaroWinkler.similarity(x, y)
            return Int8(thresholds.lazy.filter { s >= $0 }.count)
        case .tokens(let thresholds):
            let s = TokenJaccard.similarity(x, y)
            return Int8(thresholds.lazy.filter { s >= $0 }.count)
        case .levenshtein(let k):
            return Levenshtein.distance(x, y, limit: k) <= k ? 1 : 0
        case .damerau(let k):
            return DamerauLevenshtein.distance(x, y, limit: k) <= k ? 1 : 0
        case .date, .numeric:
            return 0
        }
    }

    /// Chinese names are two to four characters; Jaro-Winkler on them mostly measures the shared
    /// surname (司马华/司马梓 score 0.82). One wrong or swapped character (an input-method homophone:
    /// 李国军/李国君) counts as close only when the given name has two characters or more; with a
    /// one-character given name a different character is a different person (a sibling, a spouse).
    private func chineseNameLevel(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>) -> Int8 {
        guard x.count == y.count, x.count - ChineseSurname.length(x) >= 2 else { return 0 }
        return DamerauLevenshtein.distance(x, y, limit: 1) <= 1 ? 2 : 0
    }

    @inline(__always) private func lastAt(_ s: UnsafeBufferPointer<UInt32>) -> Int {
        var i = s.count - 1
        while i >= 0 { if s[i] == 64 { return i }; i -= 1 }
        return -1
    }

    @inline(__always) private func memEqual(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>, _ n: Int) -> Bool {
        for i in 0..<n where x[i] != y[i] { return false }
        return true
    }
}

/// All compared fields of a configuration that the table has.
struct RecordComparator: Sendable {
    let fields: [FieldComparator]

    var count: Int { fields.count }

    /// Writes each field's level for the pair into `out[0..<count]`.
    @inline(__always)
    func compare(_ a: Int, _ b: Int, into out: UnsafeMutablePointer<Int8>) {
        for (k, f) in fields.enumerated() { out[k] = f.level(a, b) }
    }
}
