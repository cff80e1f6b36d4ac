/// An equi-join of two tables on one or more key columns, by hashing the smaller side (the
/// build side) and probing with the other. Keys are compared by `KeyEncoder` words; string keys
/// share one interner per key column, filled from the build side, so a probe string missing from
/// it cannot match. A null key never matches (SQL). The output order does not depend on which
/// side was built: pairs come sorted by left row, then right row.
struct HashJoin {
    let leftKeys: [Column]
    let rightKeys: [Column]
    let leftRows: Int
    let rightRows: Int

    func run(_ kind: JoinKind) -> JoinIndices {
        if rightRows <= leftRows {
            return buildRight(kind)
        }
        return buildLeft(kind)
    }

    /// Build on the right, probe the left rows in order: pairs come out already in order.
    private func buildRight(_ kind: JoinKind) -> JoinIndices {
        let (build, probe) = Self.encode(build: rightKeys, probe: leftKeys, buildRows: rightRows, probeRows: leftRows)
        var left = [Int32](), right = [Int32]()
        left.reserveCapacity(leftRows)
        right.reserveCapacity(leftRows)
        for l in 0..<leftRows {
            let matches = probe.isComplete(l) ? build.rows(matching: probe, row: l) : nil
            if let matches, !matches.isEmpty {
                for r in matches {
                    left.append(Int32(l))
                    right.append(r)
                }
            } else if kind == .left {
                left.append(Int32(l))
                right.append(-1)
            }
        }
        return JoinIndices(left: left, right: right)
    }

    /// Build on the left, probe the right rows in order, then place each pair by its left row
    /// (a counting sort, which keeps right rows ascending within a left row).
    private func buildLeft(_ kind: JoinKind) -> JoinIndices {
        let (build, probe) = Self.encode(build: leftKeys, probe: rightKeys, buildRows: leftRows, probeRows: rightRows)
        var pairL = [Int32](), pairR = [Int32]()
        var perLeft = [Int](repeating: 0, count: leftRows)
        for r in 0..<rightRows where probe.isComplete(r) {
            guard let matches = build.rows(matching: probe, row: r) else { continue }
            for l in matches {
                pairL.append(l)
                pairR.append(Int32(r))
                perLeft[Int(l)] += 1
            }
        }
        var start = [Int](repeating: 0, count: leftRows + 1)
        for l in 0..<leftRows {
            let slots = kind == .left ? Swift.max(perLeft[l], 1) : perLeft[l]
            start[l + 1] = start[l] + slots
        }
        var left = [Int32](repeating: 0, count: start[leftRows])
        var right = [Int32](repeating: -1, count: start[leftRows])
        var next = start
        for (l, r) in zip(pairL, pairR) {
            left[next[Int(l)]] = l
            right[next[Int(l)]] = r
            next[Int(l)] += 1
        }
        if kind == .left {
            for l in 0..<leftRows where perLeft[l] == 0 { left[start[l]] = Int32(l) }
        }
        return JoinIndices(left: left, right: right)
    }

    private static func encode(build: [Column], probe: [Column], buildRows: Int, probeRows: Int) -> (JoinBuildSide, JoinKeyMatrix) {
        var interners = [ByteInterner]()
        var buildWords = [[UInt64]]()
        for c in build {
            var interner = ByteInterner()
            buildWords.append(KeyEncoder.words(c, interner: &interner))
            interners.append(interner)
        }
        let probeWords = zip(probe, interners).map { KeyEncoder.probeWords($0, interner: $1) }
        let buildMatrix = JoinKeyMatrix(words: buildWords, columns: build, rowCount: buildRows)
        let probeMatrix = JoinKeyMatrix(words: probeWords, columns: probe, rowCount: probeRows)
        return (JoinBuildSide(buildMatrix), probeMatrix)
    }
}

/// Each row's join key as contiguous words, and whether the row can match at all (no null key).
struct JoinKeyMatrix {
    let width: Int
    let words: [UInt64]
    let complete: [Bool]

    init(words columns: [[UInt64]], columns typed: [Column], rowCount: Int) {
        width = columns.count
        var words = [UInt64](repeating: 0, count: rowCount * columns.count)
        var complete = [Bool](repeating: true, count: rowCount)
        for (j, (w, c)) in zip(columns, typed).enumerated() {
            let validity = c.validity
            for r in 0..<rowCount {
                words[r * columns.count + j] = w[r]
                if !validity.isValid(r) { complete[r] = false }
            }
        }
        self.words = words
        self.complete = complete
    }

    @inline(__always) func isComplete(_ row: Int) -> Bool { complete[row] }

    @inline(__always)
    func withKey<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt64>) -> R) -> R {
        words.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[row * width..<(row + 1) * width])) }
    }
}

/// The build side's rows grouped by key: distinct keys in a `KeyTable`, and each key's rows
/// (ascending) as one slice of a flat array (CSR layout), so probing allocates nothing.
struct JoinBuildSide {
    private var keys: KeyTable
    private var start: [Int] = []
    private var rows: [Int32] = []

    init(_ matrix: JoinKeyMatrix) {
        let n = matrix.complete.count
        keys = KeyTable(width: matrix.width, capacity: n)
        var keyOf = [Int32](repeating: -1, count: n)
        for r in 0..<n where matrix.isComplete(r) {
            keyOf[r] = matrix.withKey(r) { keys.findOrInsert($0).id }
        }
        var start = [Int](repeating: 0, count: keys.count + 1)
        for k in keyOf where k >= 0 { start[Int(k) + 1] += 1 }
        for i in 0..<keys.count { start[i + 1] += start[i] }
        var next = start
        var rows = [Int32](repeating: 0, count: start[keys.count])
        for (r, k) in keyOf.enumerated() where k >= 0 {
            rows[next[Int(k)]] = Int32(r)
            next[Int(k)] += 1
        }
        self.start = start
        self.rows = rows
    }

    /// The build rows whose key equals the probe matrix's row `row`, or nil.
    @inline(__always)
    func rows(matching probe: JoinKeyMatrix, row: Int) -> ArraySlice<Int32>? {
        guard let id = probe.withKey(row, { keys.find($0) }) else { return nil }
        return rows[start[Int(id)]..<start[Int(id) + 1]]
    }
}
