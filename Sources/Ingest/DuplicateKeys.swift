import Columns
import Dispatch

/// The scattered rows and their hashes (partition order), read by both halves.
private struct SharedScatter: @unchecked Sendable {
    let hashes: [UInt64]
    let rows: [Int32]
    let starts: [Int]
    let keys: StringColumn
}

/// A buffer handed to the two scatter workers, which touch disjoint indices.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Each half's partition counts, written once by its own worker.
private final class CountSlots: @unchecked Sendable {
    private let slots = UnsafeMutablePointer<[Int]>.allocate(capacity: 2)
    init() { slots.initialize(repeating: [], count: 2) }
    deinit {
        slots.deinitialize(count: 2)
        slots.deallocate()
    }
    func set(_ k: Int, _ v: [Int]) { slots[k] = v }
    func get(_ k: Int) -> [Int] { slots[k] }
}

/// Each half's findings, written once by its own worker.
private final class DuplicateHalves: @unchecked Sendable {
    private let parts = UnsafeMutablePointer<[(row: Int, first: Int)]>.allocate(capacity: 2)
    init() { parts.initialize(repeating: [], count: 2) }
    deinit {
        parts.deinitialize(count: 2)
        parts.deallocate()
    }
    func set(_ k: Int, _ v: [(row: Int, first: Int)]) { parts[k] = v }
    func get(_ k: Int) -> [(row: Int, first: Int)] { parts[k] }
}

/// Finds rows whose key repeats an earlier row's key (the later ones are quarantined). Rows are first
/// scattered by the top byte of their key hash into 256 partitions, each small enough that its
/// hash table stays in cache; rows keep file order inside a partition, so "earlier" is stable.
enum DuplicateKeys {
    /// (duplicate row, row of its first occurrence), ascending by duplicate row.
    static func find(hashes: [UInt64], keys: StringColumn) -> [(row: Int, first: Int)] {
        let n = hashes.count
        guard n > 1 else { return [] }
        // Two-thread radix scatter: each half of the rows counts its partitions, a partition's
        // rows from the first half go before those from the second, so file order is kept.
        let mid = n / 2
        let halfRanges = [0..<mid, mid..<n]
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 256), count: 2)
        hashes.withUnsafeBufferPointer { hp in
            let src = UnsafeSendable(hp)
            let out = CountSlots()
            DispatchQueue.concurrentPerform(iterations: 2) { h in
                var c = [Int](repeating: 0, count: 256)
                for r in halfRanges[h] { c[Int(src.value[r] >> 56)] += 1 }
                out.set(h, c)
            }
            counts = [out.get(0), out.get(1)]
        }
        var starts = [Int](repeating: 0, count: 257)
        for p in 0..<256 { starts[p + 1] = starts[p] + counts[0][p] + counts[1][p] }
        let fills = [(0..<256).map { starts[$0] }, (0..<256).map { starts[$0] + counts[0][$0] }]
        // Hashes are scattered beside their rows, so a partition's scan reads them sequentially
        // and its table (indices into the partition) stays in cache.
        var rows = [Int32](repeating: 0, count: n)
        var partHashes = [UInt64](repeating: 0, count: n)
        hashes.withUnsafeBufferPointer { hp in
            rows.withUnsafeMutableBufferPointer { rp in
                partHashes.withUnsafeMutableBufferPointer { pp in
                    let src = UnsafeSendable(hp), rowsOut = UnsafeSendable(rp), hashesOut = UnsafeSendable(pp)
                    DispatchQueue.concurrentPerform(iterations: 2) { h in
                        var fill = fills[h]
                        for r in halfRanges[h] {
                            let v = src.value[r]
                            let p = Int(v >> 56)
                            rowsOut.value[fill[p]] = Int32(r)
                            hashesOut.value[fill[p]] = v
                            fill[p] += 1
                        }
                    }
                }
            }
        }
        // Partitions are independent: two halves on two threads.
        let halves = DuplicateHalves()
        let shared = SharedScatter(hashes: partHashes, rows: rows, starts: starts, keys: keys)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            halves.set(half, scan(shared, partitions: half == 0 ? 0..<128 : 128..<256))
        }
        var found = halves.get(0) + halves.get(1)
        found.sort { $0.row < $1.row }
        return found
    }

    private static func scan(_ shared: SharedScatter, partitions: Range<Int>) -> [(row: Int, first: Int)] {
        let hashes = shared.hashes, rows = shared.rows, starts = shared.starts, keys = shared.keys
        var found: [(row: Int, first: Int)] = []
        var slots = [Int32]()
        for p in partitions {
            let lo = starts[p], hi = starts[p + 1]
            let m = hi - lo
            if m < 2 { continue }
            var size = 16
            while size < m * 2 { size <<= 1 }
            slots.removeAll(keepingCapacity: true)
            slots.append(contentsOf: repeatElement(-1, count: size))
            let mask = size - 1
            for k in lo..<hi {
                let h = hashes[k]
                var i = Int(truncatingIfNeeded: h) & mask
                while true {
                    let s = slots[i]
                    if s < 0 {
                        slots[i] = Int32(k - lo)
                        break
                    }
                    let other = lo + Int(s)
                    if hashes[other] == h && sameKey(keys, Int(rows[k]), Int(rows[other])) {
                        found.append((Int(rows[k]), Int(rows[other])))
                        break
                    }
                    i = (i + 1) & mask
                }
            }
        }
        return found
    }

    private static func sameKey(_ keys: StringColumn, _ a: Int, _ b: Int) -> Bool {
        keys.withBytes(a) { x in keys.withBytes(b) { y in x.elementsEqual(y) } }
    }
}
