/// The loop every filter runs: visit each candidate row (all rows, or those of an input
/// selection), skip nulls by reading the validity words directly, keep the rows `test` accepts.
/// Generic and inlined so each comparison compiles to its own tight loop.
enum SelectionScan {
    @inline(__always)
    static func rows(
        count: Int, validity: Validity, domain: SelectionVector?, _ test: (Int) -> Bool
    ) -> SelectionVector {
        var out = [Int32]()
        withValidWords(validity) { words in
            if let domain {
                domain.rows.withUnsafeBufferPointer { d in
                    if let words {
                        for r32 in d {
                            let r = Int(r32)
                            if words[r &>> 6] & (1 &<< UInt64(r & 63)) != 0 && test(r) { out.append(r32) }
                        }
                    } else {
                        for r32 in d where test(Int(r32)) { out.append(r32) }
                    }
                }
            } else {
                if let words {
                    for r in 0..<count where words[r &>> 6] & (1 &<< UInt64(r & 63)) != 0 && test(r) {
                        out.append(Int32(truncatingIfNeeded: r))
                    }
                } else {
                    for r in 0..<count where test(r) { out.append(Int32(truncatingIfNeeded: r)) }
                }
            }
        }
        return SelectionVector(rows: out)
    }

    /// Rows that are null (`null == true`) or not null.
    static func nullRows(count: Int, validity: Validity, domain: SelectionVector?, null: Bool) -> SelectionVector {
        guard validity.words != nil else {
            if null { return .empty }
            return domain ?? SelectionVector(all: count)
        }
        var out = [Int32]()
        if let domain {
            for r32 in domain.rows where validity.isValid(Int(r32)) != null { out.append(r32) }
        } else {
            for r in 0..<count where validity.isValid(r) != null { out.append(Int32(r)) }
        }
        return SelectionVector(rows: out)
    }

    @inline(__always)
    static func withValidWords<R>(_ validity: Validity, _ body: (UnsafeBufferPointer<UInt64>?) -> R) -> R {
        guard let words = validity.words else { return body(nil) }
        return words.withUnsafeBufferPointer { body($0) }
    }
}
