import Columns

/// Which scope each event row belongs to, found with one id lookup per row for all scopes
/// together. A customer id on customer rows of several scopes (possible when a run has no resolve
/// stage) sends its events to each of them, as a per-scope filter would.
struct ScopePartition {
    private var ids = ByteInterner()
    /// Scopes of each interned customer id; almost always exactly one.
    private var scopes: [[Int32]] = []
    let scopeCount: Int
    /// The last dictionary looked up and its entries' id codes: the event tables re-keyed by
    /// resolve share one dictionary of customer ids (923 k entries at 1 M customers), looked up
    /// once for all of them instead of once per table.
    private var lastDictionary: (entries: StringBuffer, codes: [Int32])?

    init(customerIDs: StringColumn, rowsByScope: [[Int]]) {
        scopeCount = rowsByScope.count
        for (s, rows) in rowsByScope.enumerated() {
            for r in rows where customerIDs.validity.isValid(r) {
                let code = Int(customerIDs.withBytes(r) { ids.intern($0) })
                if code == scopes.count { scopes.append([]) }
                if scopes[code].last != Int32(s) { scopes[code].append(Int32(s)) }
            }
        }
    }

    /// Row numbers of `t` per scope, by its `customer_id`; rows of unknown customers go nowhere.
    /// Row numbers are 32-bit: the lists of every event table for every scope are held together
    /// while the scopes are written (17 M rows at 1 M customers: 68 MB instead of 136).
    mutating func rowsByScope(of t: Table) -> [[Int32]] {
        guard let keys = t["customer_id"]?.strings else { return [[Int32]](repeating: [], count: scopeCount) }
        // A dictionary-encoded id column (event tables after resolve) is looked up once per
        // distinct id; a plain one once per row.
        var dictionaryCodes: [Int32]? = nil
        var codeOfEntry: [Int32] = []
        // The scope of each entry's customer: -1 none, -2 several (then `scopes` lists them).
        var scopeOfEntry: [Int32] = []
        if case .dictionary(let codes, let dictionary) = keys.storage {
            dictionaryCodes = codes
            codeOfEntry = idCodes(ofEntries: dictionary)
            scopeOfEntry = codeOfEntry.map { code in code < 0 ? -1 : scopes[Int(code)].count == 1 ? scopes[Int(code)][0] : -2 }
        }
        // Ten million interaction rows: the rows are split into fixed chunks handled on all cores
        // (reads of the interned ids only), whose per-scope lists are joined in chunk order, so
        // every scope's rows stay ascending.
        let ranges = ParallelChunks.ranges(count: t.rowCount, size: ParallelChunks.defaultSize)
        let chunks = ParallelChunks.map(ranges.count, parallel: ranges.count > 1) { c in
            var out = [[Int32]](repeating: [], count: scopeCount)
            if let dictionaryCodes {
                for r in ranges[c] where keys.validity.isValid(r) {
                    let entry = Int(dictionaryCodes[r])
                    let scope = scopeOfEntry[entry]
                    if scope >= 0 {
                        out[Int(scope)].append(Int32(r))
                    } else if scope == -2 {
                        for s in scopes[Int(codeOfEntry[entry])] { out[Int(s)].append(Int32(r)) }
                    }
                }
            } else {
                for r in ranges[c] where keys.validity.isValid(r) {
                    guard let code = keys.withBytes(r, { ids.code(of: $0) }) else { continue }
                    for s in scopes[Int(code)] { out[Int(s)].append(Int32(r)) }
                }
            }
            return out
        }
        return Self.joinedInChunkOrder(chunks, scopeCount: scopeCount)
    }

    /// Per-chunk, per-scope row lists joined scope by scope in chunk order, so rows stay ascending.
    private static func joinedInChunkOrder(_ chunks: [[[Int32]]], scopeCount: Int) -> [[Int32]] {
        (0..<scopeCount).map { s in Array(chunks.map { $0[s] }.joined()) }
    }

    /// The id code of each dictionary entry (-1: no such customer).
    private mutating func idCodes(ofEntries dictionary: StringBuffer) -> [Int32] {
        if let last = lastDictionary, last.entries.sharesStorage(with: dictionary) { return last.codes }
        let codes = (0..<dictionary.count).map { d in dictionary.withBytes(d) { ids.code(of: $0) } ?? -1 }
        lastDictionary = (dictionary, codes)
        return codes
    }

    /// Stage history follows its opportunity: rows of `t` per scope by `opportunity_id`, each
    /// opportunity in the scopes of its customer.
    mutating func rowsByScope(of t: Table, viaOpportunities opportunities: Table?) -> [[Int32]] {
        guard let opportunities, let oppIDs = opportunities["opportunity_id"]?.strings,
              let keys = t["opportunity_id"]?.strings, let owners = opportunities["customer_id"]?.strings else {
            return rowsByScope(of: t)
        }
        var opps = ByteInterner(capacity: opportunities.rowCount)
        var oppScopes: [[Int32]] = []
        // Owners re-keyed by resolve share the event tables' dictionary: one lookup per entry.
        var ownerOfEntry: [Int32] = [], entryOfRow: [Int32] = []
        if case .dictionary(let codes, let dictionary) = owners.storage {
            ownerOfEntry = idCodes(ofEntries: dictionary)
            entryOfRow = codes
        }
        for r in 0..<opportunities.rowCount where oppIDs.validity.isValid(r) && owners.validity.isValid(r) {
            let owner: Int32?
            if entryOfRow.isEmpty {
                owner = owners.withBytes(r) { ids.code(of: $0) }
            } else {
                let code = ownerOfEntry[Int(entryOfRow[r])]
                owner = code >= 0 ? code : nil
            }
            guard let owner else { continue }
            let code = Int(oppIDs.withBytes(r) { opps.intern($0) })
            if code == oppScopes.count { oppScopes.append([]) }
            for s in scopes[Int(owner)] where !oppScopes[code].contains(s) { oppScopes[code].append(s) }
        }
        // As for the other event tables: fixed chunks on all cores, joined in chunk order. A stage
        // history lists an opportunity's stages one after another, so a row whose id repeats the
        // row before reuses its lookup (1.5 M rows at 1 M customers, 0.5 M distinct ids).
        let ranges = ParallelChunks.ranges(count: t.rowCount, size: ParallelChunks.defaultSize)
        let chunks = ParallelChunks.map(ranges.count, parallel: ranges.count > 1) { c in
            var out = [[Int32]](repeating: [], count: scopeCount)
            var previous = -1
            var previousCode: Int32? = nil
            for r in ranges[c] where keys.validity.isValid(r) {
                let code: Int32?
                if previous >= 0 && keys.withBytes(r, { a in keys.withBytes(previous) { b in a.elementsEqual(b) } }) {
                    code = previousCode
                } else {
                    code = keys.withBytes(r) { opps.code(of: $0) }
                }
                previous = r
                previousCode = code
                guard let code else { continue }
                for s in oppScopes[Int(code)] { out[Int(s)].append(Int32(r)) }
            }
            return out
        }
        return Self.joinedInChunkOrder(chunks, scopeCount: scopeCount)
    }
}
