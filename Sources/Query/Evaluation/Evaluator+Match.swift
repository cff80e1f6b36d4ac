import Columns

extension Evaluator {
    /// `contains`, `starts_with`, `ends_with`, `like` on text. A constant pattern on a column uses
    /// the kernel filter (`contains`, `starts_with`) or, for the others, one test per distinct
    /// string of a dictionary column (per row of a plain one); a column pattern is tested row by
    /// row. Null text or pattern is unknown.
    func match(_ op: MatchOperator, _ x: Value, _ pattern: Value, in frame: Frame, within domain: SelectionVector?) throws(QueryError) -> Truth {
        guard case .string(let text) = x.column, case .string(let pat) = pattern.column else {
            throw QueryError("'\(op.rawValue)' works on text", at: SourceRange(0, 0))
        }
        let test: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool
        switch op {
        case .contains: test = { ByteComparison.contains($0, $1) }
        case .startsWith: test = { ByteComparison.hasPrefix($0, $1) }
        case .endsWith: test = { s, p in p.count <= s.count && ByteComparison.equal(UnsafeRawBufferPointer(rebasing: s[(s.count - p.count)...]), p) }
        case .like: test = { LikePattern.matches($0, $1) }
        }
        if pattern.isConstant, !x.isConstant {
            guard let p = pat[0] else { return Truth.constant(nil, domain, rowCount: frame.rowCount) }
            let unknown = x.column.validity.hasNulls ? try kernel(x.column, .isNull, domain, at: SourceRange(0, 0)) : .empty
            if op == .contains || op == .startsWith {
                note("\(op.rawValue) '\(p)': kernel Column.select(.\(op == .contains ? "contains" : "hasPrefix"))")
                let condition: ColumnCondition = op == .contains ? .contains(p) : .hasPrefix(p)
                return Truth(yes: try kernel(x.column, condition, domain, at: SourceRange(0, 0)), unknown: unknown)
            }
            note("\(op.rawValue) '\(p)': \(text.isDictionary ? "one test per distinct string, then a code mask" : "one test per row")")
            var pBytes = Array(p.utf8)
            let yes = pBytes.withUnsafeMutableBytes { pb in
                Self.rows(text, domain: domain) { test($0, UnsafeRawBufferPointer(pb)) }
            }
            return Truth(yes: yes, unknown: unknown)
        }
        note("\(op.rawValue) with a column pattern: one test per row")
        return try Self.scan(domain, rowCount: frame.rowCount) { (r) throws(QueryError) -> Bool? in
            let rt = x.isConstant ? 0 : r, rp = pattern.isConstant ? 0 : r
            guard text.validity.isValid(rt), pat.validity.isValid(rp) else { return nil }
            return text.withBytes(rt) { s in pat.withBytes(rp) { p in test(s, p) } }
        }
    }

    /// Non-null rows of `column` (within `domain`) whose bytes pass `test`.
    static func rows(_ column: StringColumn, domain: SelectionVector?, _ test: (UnsafeRawBufferPointer) -> Bool) -> SelectionVector {
        var out = [Int32]()
        let validity = column.validity
        func each(_ body: (Int) -> Bool) {
            if let domain {
                for r in domain.rows where validity.isValid(Int(r)) && body(Int(r)) { out.append(r) }
            } else {
                for r in 0..<column.count where validity.isValid(r) && body(r) { out.append(Int32(r)) }
            }
        }
        switch column.storage {
        case .dictionary(let codes, let dict):
            var mask = [Bool](repeating: false, count: dict.count)
            for i in 0..<dict.count { mask[i] = dict.withBytes(i, test) }
            codes.withUnsafeBufferPointer { c in each { mask[Int(c[$0])] } }
        case .plain(let b):
            each { b.withBytes($0, test) }
        }
        return SelectionVector(rows: out)
    }
}
