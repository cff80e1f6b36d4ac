/// Rows bucketed by a dense group code with one counting sort (CSR layout): the rows of group g are
/// `rows[offsets[g] ..< offsets[g+1]]`, in ascending row order. Rows with code -1 are left out.
struct GroupedRows: Sendable {
    var offsets: [Int]
    var rows: [Int32]
    var groupCount: Int { offsets.count - 1 }

    init(codes: [Int32], groupCount: Int) {
        var offsets = [Int](repeating: 0, count: groupCount + 1)
        for c in codes where c >= 0 { offsets[Int(c) + 1] += 1 }
        for g in 0..<groupCount { offsets[g + 1] += offsets[g] }
        var cursor = offsets
        var rows = [Int32](repeating: 0, count: offsets[groupCount])
        for (r, c) in codes.enumerated() where c >= 0 {
            rows[cursor[Int(c)]] = Int32(r)
            cursor[Int(c)] += 1
        }
        self.offsets = offsets
        self.rows = rows
    }

    @inline(__always)
    func range(_ g: Int) -> Range<Int> { offsets[g]..<offsets[g + 1] }
}
