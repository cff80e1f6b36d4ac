/// Groups linked rows into clusters: union-find over the links, then a guard against chaining.
/// Union-find alone merges A and C when A~B and B~C, even if A and C are plainly different
/// people joined through one weak or wrong link (a shared switchboard number, a parent's phone).
/// So every cluster of three or more picks a core — the member with the most link weight — and
/// keeps only members whose own comparison with the core reaches `coreLinkThreshold`; members
/// that fail are re-clustered among themselves the same way.
struct Clustering {
    /// Cluster label per row: the smallest row of its cluster.
    var label: [Int32]
    /// Core row per cluster label (for singletons, the row itself).
    var core: [Int32]
    var detachedMembers = 0

    init(rowCount n: Int, links: [(a: Int32, b: Int32, weight: Double)], scorer: PairScorer, coreLinkThreshold: Double) {
        label = (0..<n).map { Int32($0) }
        core = label
        var uf = UnionFind(count: n)
        for l in links { uf.union(Int(l.a), Int(l.b)) }
        var touched = links.flatMap { [$0.a, $0.b] }
        touched.sort()
        var groups: [Int32: [Int32]] = [:]
        for (i, r) in touched.enumerated() where i == 0 || touched[i - 1] != r {
            groups[Int32(uf.find(Int(r))), default: []].append(r)
        }
        // Links by row, for cores and re-clustering.
        var adjacency: [Int32: [(Int32, Double)]] = [:]
        for l in links {
            adjacency[l.a, default: []].append((l.b, l.weight))
            adjacency[l.b, default: []].append((l.a, l.weight))
        }
        var work = groups.keys.sorted().compactMap { k -> [Int32]? in
            let g = groups[k]!
            return g.count > 1 ? g : nil
        }
        var everDetached = Set<Int32>()
        while let members = work.popLast() {
            guard members.count > 1 else { continue }
            let memberSet = Set(members)
            var coreRow = members[0], best = -Double.infinity
            for m in members {
                let total = adjacency[m, default: []].reduce(0.0) { memberSet.contains($1.0) ? $0 + $1.1 : $0 }
                if total > best { best = total; coreRow = m }
            }
            var kept: [Int32] = [], detached: [Int32] = []
            if members.count == 2 {
                kept = members
            } else {
                for m in members {
                    if m == coreRow || scorer.probability(Int(m), Int(coreRow)) >= coreLinkThreshold { kept.append(m) } else { detached.append(m) }
                }
            }
            let keptLabel = kept.min()!
            for m in kept {
                label[Int(m)] = keptLabel
            }
            core[Int(keptLabel)] = coreRow
            if !detached.isEmpty {
                for m in detached where !everDetached.contains(m) {
                    everDetached.insert(m)
                    detachedMembers += 1
                }
                // Re-cluster the detached rows using only links among themselves.
                let detachedSet = Set(detached)
                var sub = UnionFind(count: detached.count)
                let index = Dictionary(uniqueKeysWithValues: detached.enumerated().map { ($1, $0) })
                for m in detached {
                    for (o, _) in adjacency[m, default: []] where detachedSet.contains(o) { sub.union(index[m]!, index[o]!) }
                }
                var subGroups: [Int: [Int32]] = [:]
                for (i, m) in detached.enumerated() { subGroups[sub.find(i), default: []].append(m) }
                for key in subGroups.keys.sorted() {
                    let g = subGroups[key]!.sorted()
                    if g.count == 1 {
                        label[Int(g[0])] = g[0]
                        core[Int(g[0])] = g[0]
                    } else {
                        work.append(g)
                    }
                }
            }
        }
    }
}
