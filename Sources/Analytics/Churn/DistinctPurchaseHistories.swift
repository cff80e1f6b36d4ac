/// Customers grouped by identical (x, t_x, T) in days: the BG/NBD likelihood and every per-customer score depend on
/// nothing else, so the fit sums over groups (weighted by their size) and scores are computed once per group. With
/// daily data and a few years of history a million customers fall into a few hundred thousand groups, non-repeaters
/// into one group per first-purchase day.
///
/// Groups are in ascending (x, t_x, T) order whatever the input order, so the likelihood's summation order — and so
/// the fitted parameters to the last bit — depend only on the set of histories.
struct DistinctPurchaseHistories {
    var frequency: [Int32] = []
    var recencyDays: [Int32] = []
    var ageDays: [Int32] = []
    var count: [Double] = []
    /// Group of each input row (only filled when built with `assign: true`).
    var group: [Int32] = []
    /// 1 for exact histories; a power of two when t_x and T were floored to multiples of it (`coarsened`), in which
    /// case the likelihood reads each at its bin's centre.
    var binDays: Int32 = 1

    var groups: Int { frequency.count }

    /// Each field must be below 2^21 days (5 700 years) to pack into one sort key; callers check `fitsKey`.
    static let fieldLimit: Int32 = 1 << 21

    static func fitsKey(ageDays: [Int32]) -> Bool { ageDays.allSatisfy { $0 >= 0 && $0 < fieldLimit } }

    init(frequency x: [Int32], recencyDays tx: [Int32], ageDays t: [Int32], assign: Bool) {
        self.init(x, tx, t, weight: nil, assign: assign)
    }

    /// The same histories with t_x and T floored to multiples of `binDays` (a power of two, at least this one's bin, so
    /// flooring composes exactly) and merged: a cheaper likelihood for the optimizer's search.
    func coarsened(binDays bin: Int32) -> DistinctPurchaseHistories {
        let mask = ~(bin - 1)
        var out = DistinctPurchaseHistories(frequency, recencyDays.map { $0 & mask }, ageDays.map { $0 & mask },
                                            weight: count, assign: false)
        out.binDays = bin
        return out
    }

    private init(_ x: [Int32], _ tx: [Int32], _ t: [Int32], weight: [Double]?, assign: Bool) {
        let n = x.count
        var keys = [UInt64](repeating: 0, count: n)
        keys.withUnsafeMutableBufferPointer { k in
            for i in 0..<n { k[i] = UInt64(x[i]) << 42 | UInt64(tx[i]) << 21 | UInt64(t[i]) }
        }
        // Distinct keys through a hash table, then sorted: cheaper than sorting every row.
        var table = KeyTable(capacity: min(n, 1 << 22))
        var idOfRow = assign ? [Int32](repeating: 0, count: n) : []
        var distinct: [UInt64] = []
        var sizes: [Double] = []
        for i in 0..<n {
            let id = table.insert(keys[i], next: Int32(distinct.count))
            if Int(id) == distinct.count { distinct.append(keys[i]); sizes.append(0) }
            sizes[Int(id)] += weight?[i] ?? 1
            if assign { idOfRow[i] = id }
        }
        let sorted = distinct.sorted()
        var rank = [Int32](repeating: 0, count: distinct.count)
        frequency.reserveCapacity(sorted.count)
        recencyDays.reserveCapacity(sorted.count)
        ageDays.reserveCapacity(sorted.count)
        count.reserveCapacity(sorted.count)
        let mask: UInt64 = (1 << 21) - 1
        for (r, key) in sorted.enumerated() {
            let id = Int(table.insert(key, next: -1))
            rank[id] = Int32(r)
            frequency.append(Int32(key >> 42))
            recencyDays.append(Int32((key >> 21) & mask))
            ageDays.append(Int32(key & mask))
            count.append(sizes[id])
        }
        if assign {
            group = idOfRow
            group.withUnsafeMutableBufferPointer { g in
                for i in 0..<n { g[i] = rank[Int(g[i])] }
            }
        }
    }
}

/// Open-addressing map from a UInt64 key to the dense id it was first given (also used by `GroupScores`).
struct KeyTable {
    private var keys: [UInt64]
    private var ids: [Int32]
    private var mask: Int
    private var used = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        ids = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The id of `key`, inserting it with id `next` when new.
    mutating func insert(_ key: UInt64, next: Int32) -> Int32 {
        if used * 2 >= keys.count { grow() }
        var i = Self.slot(key) & mask
        while ids[i] >= 0 {
            if keys[i] == key { return ids[i] }
            i = (i + 1) & mask
        }
        keys[i] = key
        ids[i] = next
        used += 1
        return next
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        // Fibonacci hashing: the packed fields are small integers, so spread them over the word first.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }

    private mutating func grow() {
        let oldKeys = keys, oldIds = ids
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        ids = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for j in oldIds.indices where oldIds[j] >= 0 {
            var i = Self.slot(oldKeys[j]) & mask
            while ids[i] >= 0 { i = (i + 1) & mask }
            keys[i] = oldKeys[j]
            ids[i] = oldIds[j]
        }
    }
}
