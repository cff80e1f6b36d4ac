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

    func run(_ tables: [CanonicalTable: Table]) throws -> Outcome? {
        guard let customers = tables[.customers], customers.rowCount > 0, customers["customer_id"] != nil else { return nil }
        var config = ResolutionConfig()
        config.matchThreshold = settings.threshold
        config.sourcePriority = settings.sourcePriority
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
        var rekeyed = 0
        for table in CanonicalTable.allCases where table != .customers {
            guard let t = out[table], let ids = t["customer_id"]?.strings else { continue }
            var builder = StringBuilder(capacity: t.rowCount)
            for r in 0..<t.rowCount {
                guard ids.validity.isValid(r) else { builder.appendNull(); continue }
                let g = ids.withBytes(r) { members.code(of: $0) }.map { target[Int($0)] }
                if let g, goldenIDs.validity.isValid(Int(g)) {
                    goldenIDs.withBytes(Int(g)) { builder.append($0) }
                    if ids.withBytes(r, { a in goldenIDs.withBytes(Int(g)) { b in !a.elementsEqual(b) } }) { rekeyed += 1 }
                } else {
                    ids.withBytes(r) { builder.append($0) }
                }
            }
            var copy = t
            try copy.add("customer_id", .string(builder.finish()))
            out[table] = copy
        }
        return Outcome(tables: out, result: result, sourceRows: customers.rowCount, goldenRows: golden.rowCount, rekeyedEvents: rekeyed)
    }
}
