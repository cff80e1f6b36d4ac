/// An equi-join of two tables on one or more key columns, by hashing the smaller side (the
/// build side) and probing with the other, the probe side in parallel chunks. Keys are compared
/// by `KeyEncoder` words; string keys share one interner per key column, filled from the build
/// side, so a probe string missing from it cannot match. A null key never matches (SQL). The
/// output does not depend on which side was built or how many cores ran: pairs come sorted by
/// left row, then right row.
struct HashJoin {
    let leftKeys: [Column]
    let rightKeys: [Column]
    let leftRows: Int
    let rightRows: Int
    var chunkSize = ParallelChunks.defaultSize

    func run(_ kind: JoinKind) -> JoinIndices {
        if rightRows <= leftRows {
            return buildRight(kind)
        }
        return buildLeft(kind)
    }

    /// Build on the right, probe the left rows in order: pairs come out already in order.
    private func buildRight(_ kind: JoinKind) -> JoinIndices {
        let (build, interners) = Self.build(rightKeys, rows: rightRows)
        let chunks = ParallelChunks.ranges(count: leftRows, size: chunkSize)
        let parts = ParallelChunks.map(chunks.count, parallel: true) { i in
            let range = chunks[i]
            let probe = JoinKeyMatrix(probing: leftKeys, interners: interners, rows: range)
            var left = [Int32](), right = [Int32]()
            left.reserveCapacity(range.count)
            right.reserveCapacity(range.count)
            for l in range {
                let matches = build.rows(matching: probe, row: l - range.lowerBound)
                if !matches.isEmpty {
                    for r in matches {
                        left.append(Int32(l))
                        right.append(r)
                    }
                } else if kind == .left {
                    left.append(Int32(l))
                    right.append(-1)
                }
            }
            return (left, right)
        }
        return JoinIndices(left: parts.flatMap(\.0), right: parts.flatMap(\.1))
    }

    /// Build on the left, probe the right rows in order, then place each pair by its left row
    /// (a counting sort, which keeps right rows ascending within a left row).
    private func buildLeft(_ kind: JoinKind) -> JoinIndices {
        let (build, interners) = Self.build(leftKeys, rows: leftRows)
        let chunks = ParallelChunks.ranges(count: rightRows, size: chunkSize)
        let parts = ParallelChunks.map(chunks.count, parallel: true) { i in
            let range = chunks[i]
            let probe = JoinKeyMatrix(probing: rightKeys, interners: interners, rows: range)
            var pairL = [Int32](), pairR = [Int32]()
            for r in range {
                for l in build.rows(matching: probe, row: r - range.lowerBound) {
                    pairL.append(l)
                    pairR.append(Int32(r))
                }
            }
            return (pairL, pairR)
        }
        var perLeft = [Int](repeating: 0, count: leftRows)
        for part in parts { for l in part.0 { perLeft[Int(l)] += 1 } }
        var start = [Int](repeating: 0, count: leftRows + 1)
        for l in 0..<leftRows {
            let slots = kind == .left ? Swift.max(perLeft[l], 1) : perLeft[l]
            start[l + 1] = start[l] + slots
        }
        var left = [Int32](repeating: 0, count: start[leftRows])
        var right = [Int32](repeating: -1, count: start[leftRows])
        var next = start
        for part in parts {
            for (l, r) in zip(part.0, part.1) {
                left[next[Int(l)]] = l
                right[next[Int(l)]] = r
                next[Int(l)] += 1
            }
        }
        if kind == .left {
            for l in 0..<leftRows where perLeft[l] == 0 { left[start[l]] = Int32(l) }
        }
        return JoinIndices(left: left, right: right)
    }

    /// The build side's table and the interners its string keys filled.
    private static func build(_ columns: [Column], rows: Int) -> (JoinBuildSide, [ByteInterner]) {
        var interners = [ByteInterner]()
        var words = [[UInt64]]()
        for c in columns {
            var interner = ByteInterner()
            words.append(KeyEncoder.words(c, interner: &interner))
            interners.append(interner)
        }
        let matrix = JoinKeyMatrix(words: words, columns: columns, rows: 0..<rows)
        // One string key: its interned codes are already dense key ids, so no second hash table.
        let dense = columns.count == 1 && columns[0].type == .string ? interners[0].count : nil
        return (JoinBuildSide(matrix, denseKeys: dense), interners)
    }
}

/// Rows `rows` of a join side's keys as contiguous words, and whether each row can match at
/// all (no null key). Row i of the matrix is row `rows.lowerBound + i` of the table.
struct JoinKeyMatrix: @unchecked Sendable {
    let width: Int
    let words: [UInt64]
    let complete: [Bool]

    init(words columns: [[UInt64]], columns typed: [Column], rows: Range<Int>) {
        width = columns.count
        let n = rows.count
        var words = [UInt64](repeating: 0, count: n * columns.count)
        var complete = [Bool](repeating: true, count: n)
        for (j, (w, c)) in zip(columns, typed).enumerated() {
            let validity = c.validity
            for i in 0..<n {
                words[i * columns.count + j] = w[i]
                if !validity.isValid(rows.lowerBound + i) { complete[i] = false }
            }
        }
        self.words = words
        self.complete = complete
    }

    /// The probe side's rows `rows`, encoded against the build side's interners.
    init(probing columns: [Column], interners: [ByteInterner], rows: Range<Int>) {
        let words = zip(columns, interners).map { KeyEncoder.probeWords($0, interner: $1, rows: rows) }
        self.init(words: words, columns: columns, rows: rows)
    }

    @inline(__always) func isComplete(_ row: Int) -> Bool { complete[row] }

    @inline(__always)
    func withKey<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt64>) -> R) -> R {
        words.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[row * width..<(row + 1) * width])) }
    }
}

/// The build side's rows grouped by key: distinct keys numbered by a `KeyTable` (or, for a
/// single string key, by its interned code), and each key's rows (ascending) as one slice of a
/// flat array (CSR layout), so probing allocates nothing.
struct JoinBuildSide: @unchecked Sendable {
    private var keys: KeyTable
    /// Set when key ids are the one key word itself, all below this count.
    private let denseKeys: Int?
    private var start: [Int] = []
    private var rows: [Int32] = []

    init(_ matrix: JoinKeyMatrix, denseKeys: Int?) {
        let n = matrix.complete.count
        self.denseKeys = denseKeys
        keys = KeyTable(width: matrix.width, capacity: denseKeys == nil ? n : 0)
        var keyOf = [Int32](repeating: -1, count: n)
        for r in 0..<n where matrix.isComplete(r) {
            if denseKeys != nil {
                keyOf[r] = Int32(truncatingIfNeeded: matrix.words[r])
            } else {
                keyOf[r] = matrix.withKey(r) { keys.findOrInsert($0).id }
            }
        }
        let keyCount = denseKeys ?? keys.count
        var start = [Int](repeating: 0, count: keyCount + 1)
        for k in keyOf where k >= 0 { start[Int(k) + 1] += 1 }
        for i in 0..<keyCount { start[i + 1] += start[i] }
        var next = start
        var rows = [Int32](repeating: 0, count: start[keyCount])
        for (r, k) in keyOf.enumerated() where k >= 0 {
            rows[next[Int(k)]] = Int32(r)
            next[Int(k)] += 1
        }
        self.start = start
        self.rows = rows
    }

    /// The build rows whose key equals row `row` of the probe matrix (none if it has a null key).
    @inline(__always)
    func rows(matching probe: JoinKeyMatrix, row: Int) -> ArraySlice<Int32> {
        guard probe.isComplete(row) else { return [] }
        let id: Int
        if let denseKeys {
            let w = probe.words[row]
            guard w < UInt64(denseKeys) else { return [] }
            id = Int(w)
        } else {
            guard let found = probe.withKey(row, { keys.find($0) }) else { return [] }
            id = Int(found)
        }
        return rows[start[id]..<start[id + 1]]
    }
}
