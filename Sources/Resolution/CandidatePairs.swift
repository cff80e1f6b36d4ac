import Columns

/// Candidate pairs from blocking rules: each pair once, `(low row << 32) | high row`, ascending.
/// Blocks over the size cap are refined key by key; what stays too big is left out and counted.
struct CandidatePairs: Sendable {
    var pairs: [UInt64] = []
    var notes: [String] = []
    /// Pairs each rule produced before de-duplication, in rule order.
    var pairsPerRule: [(String, Int)] = []
    /// Per rule that ran: its index in the rule list and an even sample of its pairs (at most
    /// `sessionSample`), for training m with that rule's own key fields left out.
    var sessions: [(rule: Int, pairs: [UInt64])] = []
    static let sessionSample = 60_000

    init(records: PreparedRecords, rules: [BlockingRule], maxBlockSize: Int) {
        var all: [UInt64] = []
        for (ruleIndex, rule) in rules.enumerated() {
            let missing = rule.keys.map(\.column).filter { records.fields[$0] == nil }
            if !missing.isEmpty {
                notes.append("blocking rule '\(rule.name)' skipped: no column \(missing.joined(separator: ", "))")
                continue
            }
            let refinements = rule.refinements.filter { records.fields[$0.column] != nil }
            let before = all.count
            if let window = rule.sortedNeighbourhoodWindow {
                sortedNeighbourhood(records, key: rule.keys[0], window: max(2, window), into: &all)
            } else {
                var stats = OversizeStats()
                var keyed: [(UInt64, Int32)] = []
                keyed.reserveCapacity(records.rowCount)
                if let variants = rule.keys.firstIndex(where: \.hasSeveralKeysPerRow) {
                    for r in 0..<records.rowCount { CandidatePairs.appendKeys(records, rule.keys, variantPart: variants, r, into: &keyed) }
                } else {
                    for r in 0..<records.rowCount {
                        if let k = CandidatePairs.key(records, rule.keys, r) { keyed.append((k, Int32(r))) }
                    }
                }
                let cap = rule.maxBlockSize ?? maxBlockSize
                emitBlocks(records, &keyed, refinements: refinements[...], cap: cap, stats: &stats, into: &all)
                if stats.refined > 0 || stats.dropped > 0 {
                    notes.append("blocking rule '\(rule.name)': \(stats.refined) blocks over \(cap) rows refined"
                        + (stats.dropped > 0 ? "; \(stats.dropped) blocks (\(stats.droppedRows) rows, largest \(stats.largest)) still too large and left out" : ""))
                }
            }
            pairsPerRule.append((rule.name, all.count - before))
            let produced = all.count - before
            if produced > 0 {
                let step = max(1, produced / CandidatePairs.sessionSample)
                var sample: [UInt64] = []
                sample.reserveCapacity(min(produced, CandidatePairs.sessionSample + 1))
                var i = before
                while i < all.count { sample.append(all[i]); i += step }
                sessions.append((ruleIndex, sample))
            }
        }
        all.sort()
        var unique = 0
        for i in 0..<all.count where i == 0 || all[i] != all[i - 1] {
            all[unique] = all[i]
            unique += 1
        }
        all.removeLast(all.count - unique)
        pairs = all
    }

    struct OversizeStats {
        var refined = 0, dropped = 0, droppedRows = 0, largest = 0
    }

    private func emitBlocks(_ records: PreparedRecords, _ keyed: inout [(UInt64, Int32)], refinements: ArraySlice<BlockingKey>,
                            cap: Int, stats: inout OversizeStats, into out: inout [UInt64]) {
        keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count && keyed[end].0 == keyed[start].0 { end += 1 }
            let size = end - start
            if size > 1 {
                if size <= cap {
                    for i in start..<end {
                        for j in (i + 1)..<end { out.append(UInt64(UInt32(keyed[i].1)) << 32 | UInt64(UInt32(keyed[j].1))) }
                    }
                } else if let next = refinements.first {
                    stats.refined += 1
                    var finer: [(UInt64, Int32)] = []
                    for i in start..<end {
                        let r = Int(keyed[i].1)
                        if let k = CandidatePairs.key(records, [next], r) {
                            finer.append((ByteHashMix.combine(keyed[i].0, k), keyed[i].1))
                        }
                    }
                    emitBlocks(records, &finer, refinements: refinements.dropFirst(), cap: cap, stats: &stats, into: &out)
                } else {
                    stats.dropped += 1
                    stats.droppedRows += size
                    stats.largest = max(stats.largest, size)
                }
            }
            start = end
        }
    }

    private func sortedNeighbourhood(_ records: PreparedRecords, key: BlockingKey, window: Int, into out: inout [UInt64]) {
        guard let field = records.fields[key.column] else { return }
        var keyed: [(UInt64, UInt64, Int32)] = []
        for r in 0..<records.rowCount where field.present[r] {
            let (hi, lo) = field.text.withScalars(r) { s -> (UInt64, UInt64) in
                var hi: UInt64 = 0, lo: UInt64 = 0
                for i in 0..<3 { hi = hi << 21 | UInt64(i < s.count ? s[i] & 0x1F_FFFF : 0) }
                for i in 3..<6 { lo = lo << 21 | UInt64(i < s.count ? s[i] & 0x1F_FFFF : 0) }
                return (hi, lo)
            }
            keyed.append((hi, lo, Int32(r)))
        }
        keyed.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        for i in 0..<keyed.count {
            for j in (i + 1)..<min(keyed.count, i + window) {
                let a = min(keyed[i].2, keyed[j].2), b = max(keyed[i].2, keyed[j].2)
                out.append(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)))
            }
        }
    }

    /// The combined hash of a row's key parts, or nil when any part is missing.
    static func key(_ records: PreparedRecords, _ parts: [BlockingKey], _ row: Int) -> UInt64? {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        for part in parts {
            guard let field = records.fields[part.column], field.present[row] else { return nil }
            let v: UInt64?
            switch part {
            case .value:
                v = UInt64(field.codes[row])
            case .sortedWords:
                v = field.alternateCodes.isEmpty ? UInt64(field.codes[row]) : UInt64(field.alternateCodes[row])
            case .prefix(_, let n):
                v = field.text.withScalars(row) { s in s.count < n ? nil : hashScalars(UnsafeBufferPointer(rebasing: s[0..<n])) }
            case .firstWord:
                let source = field.alternate.count == records.rowCount ? field.alternate : field.text
                v = source.withScalars(row) { s -> UInt64? in
                    guard let first = s.first else { return nil }
                    if TokenJaccard.isHan(first) { return UInt64(first) }
                    var end = 0
                    while end < s.count && s[end] != 32 { end += 1 }
                    return hashScalars(UnsafeBufferPointer(rebasing: s[0..<end]))
                }
            case .lastDigits(_, let n):
                v = field.text.withScalars(row) { s -> UInt64? in
                    var acc: UInt64 = 1, got = 0
                    var i = s.count - 1
                    while i >= 0 && got < n {
                        if s[i] >= 48 && s[i] <= 57 { acc = acc &* 10 &+ UInt64(s[i] - 48); got += 1 }
                        i -= 1
                    }
                    return got == n ? acc : nil
                }
            case .sortedCharacters:
                v = field.text.withScalars(row, Self.sortedScalarsHash)
            case .nameSound:
                guard field.romanized.count == records.rowCount, !field.familyOnly[row] else { return nil }
                v = field.romanized.withScalars(row, Self.sortedScalarsHash)
            case .mailboxName:
                guard !field.fuzzyCodes.isEmpty, field.fuzzyCodes[row] >= 0 else { return nil }
                v = UInt64(field.fuzzyCodes[row])
            case .familyName:
                guard field.family.count == records.rowCount, field.family[row] != 0 else { return nil }
                v = field.family[row]
            case .year:
                v = field.days.isEmpty ? nil : UInt64(CivilDate.civil(fromDays: Int(field.days[row])).year)
            case .oneCharacterLeftOut:
                // As a single key (a refinement), the whole value.
                v = nameForm(field, records.rowCount).withScalars(row, hashScalars)
            }
            guard let v else { return nil }
            h = ByteHashMix.combine(h, v)
        }
        return h == 0 ? 1 : h
    }

    /// A person name's sorted-word form (reorder- and nickname-blind); other values as normalised.
    private static func nameForm(_ field: PreparedField, _ rowCount: Int) -> ScalarStrings {
        field.alternate.count == rowCount ? field.alternate : field.text
    }

    /// Values shorter than this give no typo keys (see `appendKeys`).
    static let shortestNameWithTypoVariants = 5

    /// Appends a row's keys for a rule whose part `variantPart` gives several keys per row: the
    /// other parts combined in order around each variant, each distinct key once (`aab` left out
    /// at either `a` is one key; a row twice in a block would pair with itself).
    static func appendKeys(_ records: PreparedRecords, _ parts: [BlockingKey], variantPart: Int, _ row: Int,
                           into keyed: inout [(UInt64, Int32)]) {
        guard let field = records.fields[parts[variantPart].column], field.present[row] else { return }
        var variants: [UInt64] = []
        nameForm(field, records.rowCount).withScalars(row) { s in
            // Two to four Chinese characters with one left out (王红仪 → 王红) name a city's every
            // 王红X: blocks of strangers, mostly over the cap. Input-method typos in Chinese names
            // meet on the name's sound instead; this key is for Latin spellings.
            guard s.count >= CandidatePairs.shortestNameWithTypoVariants else { return }
            // The whole value and the shortened forms share one hash space: `bailey` meets
            // `baileyy` with one y left out.
            variants.append(hashScalars(s))
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: s.count - 1) { t in
                for skip in 0..<s.count {
                    var n = 0
                    for i in 0..<s.count where i != skip { t[n] = s[i]; n += 1 }
                    variants.append(hashScalars(UnsafeBufferPointer(t)))
                }
            }
        }
        variants.sort()
        var previous: UInt64? = nil
        for v in variants where v != previous {
            previous = v
            var h: UInt64 = 0x243F_6A88_85A3_08D3
            var complete = true
            for (i, part) in parts.enumerated() {
                if i == variantPart { h = ByteHashMix.combine(h, v); continue }
                guard let k = key(records, [part], row) else { complete = false; break }
                h = ByteHashMix.combine(h, k)
            }
            if complete { keyed.append((h == 0 ? 1 : h, Int32(row))) }
        }
    }

    /// A hash of the scalars sorted, spaces left out (anagram keys: `Pteer`/`Peter`, a name's
    /// letters in any word order); nil when nothing is left.
    static func sortedScalarsHash(_ s: UnsafeBufferPointer<UInt32>) -> UInt64? {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: s.count) { t -> UInt64? in
            var n = 0
            for c in s where c != 32 { t[n] = c; n += 1 }
            guard n > 0 else { return nil }
            var sorted = UnsafeMutableBufferPointer(rebasing: t[0..<n])
            sorted.sort()
            return hashScalars(UnsafeBufferPointer(sorted))
        }
    }

    static func hashScalars(_ s: UnsafeBufferPointer<UInt32>) -> UInt64 {
        ByteHash.hash(UnsafeRawBufferPointer(s))
    }
}

enum ByteHashMix {
    @inline(__always) static func combine(_ h: UInt64, _ v: UInt64) -> UInt64 {
        ByteHash.hash(h ^ (v &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019))
    }
}
