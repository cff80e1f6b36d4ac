import Columns
import Resolution

/// The `resolve` stage: duplicates across sources merged into golden customers, and every event
/// table re-keyed from source customer ids to the golden record's id, so the analyses see one
/// customer where the sources had several.
struct ResolveStage {
    struct Outcome {
        var tables: [CanonicalTable: Table]
        var result: ResolutionResult
        var sourceRows: Int
        var goldenRows: Int
        var rekeyedEvents: Int

        var counts: Counts { Counts(sourceRows: sourceRows, goldenRows: goldenRows) }
    }

    /// What the report page says about resolution, kept after the outcome itself is let go.
    struct Counts {
        let sourceRows: Int
        let goldenRows: Int
    }

    let settings: ResolutionSettings
    /// `crm clean --explain` needs the fitted model after the run; the nightly run does not, and
    /// lets it go (about 400 MB at 1 M customers) before the golden records are built.
    var keepsExplanations = true

    func run(_ tables: [CanonicalTable: Table]) throws -> Outcome? {
        guard let customers = tables[.customers], customers.rowCount > 0, customers["customer_id"] != nil else { return nil }
        var config = ResolutionConfig()
        config.matchThreshold = settings.threshold
        config.sourcePriority = settings.sourcePriority
        config.keepsExplanations = keepsExplanations
        for column in settings.compare where !config.comparisons.contains(where: { $0.column == column }) {
            config.comparisons.append(FieldComparison(column: column, method: .jaroWinkler(thresholds: [0.88, 0.94])))
        }
        let result = try Resolver.resolve(customers, config: config)

        // Golden customers take the surviving record's customer_id; every member id maps to it.
        var golden = result.golden
        guard let goldenIDs = golden["customer_id"]?.strings, let memberIDs = customers["customer_id"]?.strings else { return nil }
        var members = ByteInterner(capacity: customers.rowCount)
        var target: [Int32] = []
        target.reserveCapacity(customers.rowCount)
        for r in 0..<customers.rowCount where memberIDs.validity.isValid(r) {
            let code = memberIDs.withBytes(r) { members.intern($0) }
            if Int(code) == target.count { target.append(result.goldenIndex[r]) }
        }
        golden.name = "customers"
        var out = tables
        out[.customers] = golden
        // Event rows are re-keyed into one dictionary of customer ids shared by every event
        // table: golden ids first (distinct, in golden order), then ids no customer row has,
        // kept as they were. Four bytes a row instead of each id's bytes and offset — 160 MB
        // less at 1 M customers, held from here to the end of the run — and lookups by
        // customer id map each distinct id once instead of hashing every event row.
        var dictionary = ByteInterner(capacity: golden.rowCount + 1)
        let emptyCode = dictionary.intern(UnsafeRawBufferPointer(start: nil, count: 0))
        var codeOfGolden = [Int32](repeating: emptyCode, count: golden.rowCount)
        for g in 0..<golden.rowCount where goldenIDs.validity.isValid(g) {
            codeOfGolden[g] = goldenIDs.withBytes(g) { dictionary.intern($0) }
        }
        var rekeyed = 0
        var rekeyedCodes: [(CanonicalTable, [Int32], Validity)] = []
        for table in CanonicalTable.allCases where table != .customers {
            guard let t = out[table], let plainOrEncoded = t["customer_id"]?.strings else { continue }
            // Each distinct id is looked up once; rows only copy codes. The nightly run encodes
            // event ids right after loading (on all cores); `crm clean`'s smaller tables are
            // encoded here. Ids of no customer are interned in row order of first use.
            let ids = plainOrEncoded.dictionaryEncoded()
            guard case .dictionary(let entryOfRow, let entries) = ids.storage else { continue }
            let notLookedUp: Int32 = -2
            var codeOfEntry = [Int32](repeating: notLookedUp, count: entries.count)
            var changedEntry = [Bool](repeating: false, count: entries.count)
            for e in 0..<entries.count {
                entries.withBytes(e) { id in
                    guard let m = members.code(of: id) else { return }
                    let g = Int(target[Int(m)])
                    guard goldenIDs.validity.isValid(g) else { return }
                    codeOfEntry[e] = codeOfGolden[g]
                    changedEntry[e] = goldenIDs.withBytes(g) { !id.elementsEqual($0) }
                }
            }
            var codes = [Int32](repeating: emptyCode, count: t.rowCount)
            for r in 0..<t.rowCount where ids.validity.isValid(r) {
                let e = Int(entryOfRow[r])
                if codeOfEntry[e] == notLookedUp {
                    codeOfEntry[e] = entries.withBytes(e) { dictionary.intern($0) }
                } else if changedEntry[e] {
                    rekeyed += 1
                }
                codes[r] = codeOfEntry[e]
            }
            rekeyedCodes.append((table, codes, ids.validity))
        }
        let ids = dictionary.strings
        for (table, codes, validity) in rekeyedCodes {
            var copy = out[table]!
            try copy.add("customer_id", .string(StringColumn(storage: .dictionary(codes: codes, dictionary: ids), validity: validity)))
            out[table] = copy
        }
        return Outcome(tables: out, result: result, sourceRows: customers.rowCount, goldenRows: golden.rowCount, rekeyedEvents: rekeyed)
    }
}
