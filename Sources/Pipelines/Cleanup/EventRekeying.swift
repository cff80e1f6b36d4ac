import Columns

/// Counts, for one event table, how many rows ResolveStage re-keyed to a golden customer and how
/// many name no golden customer at all (their customer was quarantined, or never loaded).
enum EventRekeying {
    static func count(before: Table?, after: Table, golden: Table, table: String) -> CleanupManifest.EventTable {
        var out = CleanupManifest.EventTable(table: table, rows: after.rowCount, rekeyed: 0, unlinked: 0)
        guard let new = after["customer_id"]?.strings else { return out }
        let old = before?["customer_id"]?.strings
        var known = ByteInterner(capacity: golden.rowCount)
        if let ids = golden["customer_id"]?.strings {
            for g in 0..<golden.rowCount where ids.validity.isValid(g) { _ = ids.withBytes(g) { known.intern($0) } }
        }
        for r in 0..<after.rowCount where new.validity.isValid(r) {
            if new.withBytes(r, { known.code(of: $0) }) == nil { out.unlinked += 1 }
            if let old, old.validity.isValid(r),
               old.withBytes(r, { a in new.withBytes(r) { b in !a.elementsEqual(b) } }) {
                out.rekeyed += 1
            }
        }
        return out
    }
}
