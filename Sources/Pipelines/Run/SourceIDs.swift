import Columns

/// Customer and opportunity ids across the sources of one run. Each system numbers its records on
/// its own, so Odoo's partner 7 and a spreadsheet's customer 7 are different people; stacked into
/// one customers table, resolution would keep the first row and re-key the second source's orders
/// to it. `id_prefix:` keeps them apart, and a collision left unprefixed stops the run.
enum SourceIDs {
    /// The columns that hold a customer's or an opportunity's id, as key or as reference.
    static let prefixedColumns = ["customer_id", "opportunity_id"]

    /// Writes `prefix` before every non-null value of the id columns of `table`.
    static func applyPrefix(_ prefix: String, to table: inout Table) throws {
        let head = Array(prefix.utf8)
        for name in prefixedColumns {
            guard let ids = table[name]?.strings else { continue }
            var out = StringBuffer()
            out.reserveCapacity(strings: ids.count, bytes: ids.count * (head.count + 8))
            var scratch: [UInt8] = []
            for r in 0..<ids.count {
                guard ids.validity.isValid(r) else {
                    out.append(UnsafeRawBufferPointer(start: nil, count: 0))
                    continue
                }
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: head)
                ids.withBytes(r) { scratch.append(contentsOf: $0) }
                scratch.withUnsafeBytes { out.append($0) }
            }
            try table.add(name, .string(StringColumn(storage: .plain(out), validity: ids.validity)))
        }
    }

    /// An id that two sources of the same table both use.
    struct Collision: Error, CustomStringConvertible {
        var pipeline: String
        var table: String
        var id: String
        var first: (name: String, line: Int, prefixed: Bool)
        var second: (name: String, line: Int, prefixed: Bool)
        /// Distinct ids the two sources share (the message names the first in row order).
        var sharedIDs: Int

        var description: String {
            let others = sharedIDs > 1 ? " (and \(sharedIDs - 1) more id\(sharedIDs > 2 ? "s" : ""))" : ""
            let fix = first.prefixed || second.prefixed
                ? "give the other source a different 'id_prefix:' as well"
                : "add 'id_prefix:' to one of them (e.g. id_prefix: \(Self.suggestedPrefix(second.name)))"
            return "\(pipeline):\(second.line): \(table): \(table == "customers" ? "customer" : "opportunity") id '\(id)' comes from two sources, "
                + "\(first.name) (line \(first.line)) and \(second.name) (line \(second.line))\(others); "
                + "they would be merged into one record and the second source's events given to the first's. "
                + "If the ids number different records, \(fix); if both sources export the same records, load them once"
        }

        /// `odoo-` for `127.0.0.1:5432/odoo:customers`, `lead-` for `Lead.csv`.
        static func suggestedPrefix(_ sourceName: String) -> String {
            var base = Substring(sourceName)
            if let colon = base.lastIndex(of: ":") { base = base[..<colon] }
            if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
            if let dot = base.firstIndex(of: ".") { base = base[..<dot] }
            let word = base.lowercased().filter { $0.isLetter || $0.isNumber }
            return (word.isEmpty ? "src" : word) + "-"
        }
    }

    /// Checks that no key of `table` appears in two of `parts` (one table per source, in pipeline
    /// order); throws the first collision found, in row order of the later source.
    static func checkCollisions(table: CanonicalTable, parts: [(spec: SourceSpec, table: Table)], pipeline: String) throws {
        let key = table.key
        guard parts.count > 1 else { return }
        var interner = ByteInterner(capacity: parts.reduce(0) { $0 + $1.table.rowCount })
        var owner: [Int32] = []  // id code → index of the first part that has it
        for (p, part) in parts.enumerated() {
            guard let ids = part.table[key]?.strings else { continue }
            var firstHit: (row: Int, owner: Int)?
            var shared = 0
            for r in 0..<ids.count where ids.validity.isValid(r) {
                let code = Int(ids.withBytes(r) { interner.intern($0) })
                if code == owner.count { owner.append(Int32(p)); continue }
                let o = Int(owner[code])
                guard o != p else { continue }  // repeated within one source: the loader's business
                // Count each shared id once: mark it as seen by this source.
                owner[code] = Int32(p)
                shared += 1
                if firstHit == nil { firstHit = (r, o) }
            }
            if let hit = firstHit {
                let a = parts[hit.owner].spec, b = part.spec
                throw Collision(pipeline: pipeline, table: table.rawValue, id: ids[hit.row] ?? "",
                                first: (a.displayName, a.line, a.idPrefix != nil),
                                second: (b.displayName, b.line, b.idPrefix != nil), sharedIDs: shared)
            }
        }
    }
}
