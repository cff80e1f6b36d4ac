/// The customer rows: one primary row per entity plus the injected duplicates, ordered by creation
/// time as a CRM lists them, each with its system's id (crm_a `C0001234`, erp_b `KH00005678`).
struct CustomerRows: Sendable {
    static let systems: [EncodedText] = ["crm_a", "erp_b"]
    static let idPrefixes: [EncodedText] = ["C", "KH"]
    static let idWidths = [7, 8]

    /// Per row, in output order.
    var entity: [Int32] = []
    /// 0 for the entity's primary row, k ≥ 1 for its k-th duplicate.
    var ordinal: [UInt8] = []
    var system: [UInt8] = []
    var sequence: [Int32] = []
    var created: [Int64] = []
    /// Rows of entity e: `entityRows[entityRowStart[e] ..< entityRowStart[e + 1]]`, primary first.
    var entityRowStart: [Int32] = []
    var entityRows: [Int32] = []

    var count: Int { entity.count }

    init(entities: [Entity], duplicates: Int, config: GeneratorConfig) {
        let e = entities.count
        var rng = Xoshiro256(seed: config.seed, stream: Streams.customerRows, index: 0)
        let startSeconds = Int64(config.startDate) * 86400
        let endSeconds = Int64(config.endDate) * 86400 + 86399
        var rowEntity = [Int32](); rowEntity.reserveCapacity(e + duplicates)
        var rowOrdinal = [UInt8](); rowOrdinal.reserveCapacity(e + duplicates)
        var rowSystem = [UInt8](); rowSystem.reserveCapacity(e + duplicates)
        var rowCreated = [Int64](); rowCreated.reserveCapacity(e + duplicates)
        var dupCount = [UInt8](repeating: 0, count: e)
        for i in 0..<e {
            rowEntity.append(Int32(i)); rowOrdinal.append(0)
            rowSystem.append(entities[i].system); rowCreated.append(entities[i].created)
        }
        var made = 0
        while made < duplicates && e > 0 {
            let target = rng.below(e)
            // At most three duplicates per entity: more would be a data-entry loop, not a migration.
            if dupCount[target] >= 3 { continue }
            dupCount[target] += 1
            let base = entities[target]
            let other: UInt8 = rng.chance(0.8) ? 1 - base.system : base.system
            // The second record is usually entered later (first order, hand-over), sometimes earlier.
            var when = base.created
            if rng.chance(0.7) {
                when += Int64(rng.exponential(mean: 45 * 86400))
            } else {
                let earlier = Int64(rng.exponential(mean: 30 * 86400))
                // Before the window there is no data: such a record was entered later instead.
                when += when - earlier >= startSeconds ? -earlier : earlier
            }
            when = min(when, endSeconds)
            rowEntity.append(Int32(target)); rowOrdinal.append(dupCount[target])
            rowSystem.append(other); rowCreated.append(when)
            made += 1
        }
        let order = (0..<rowEntity.count).sorted {
            let a = rowCreated[$0], b = rowCreated[$1]
            if a != b { return a < b }
            if rowEntity[$0] != rowEntity[$1] { return rowEntity[$0] < rowEntity[$1] }
            return rowOrdinal[$0] < rowOrdinal[$1]
        }
        var nextSequence: [Int32] = [1, 1]
        for r in order {
            entity.append(rowEntity[r]); ordinal.append(rowOrdinal[r])
            system.append(rowSystem[r]); created.append(rowCreated[r])
            sequence.append(nextSequence[Int(rowSystem[r])])
            nextSequence[Int(rowSystem[r])] += 1
        }
        // Group rows by entity, primary first, for the event tables.
        var counts = [Int32](repeating: 0, count: e + 1)
        for ent in entity { counts[Int(ent) + 1] += 1 }
        for i in 0..<e { counts[i + 1] += counts[i] }
        entityRowStart = counts
        entityRows = [Int32](repeating: 0, count: entity.count)
        var fill = counts
        for row in 0..<entity.count where ordinal[row] == 0 {
            let ent = Int(entity[row]); entityRows[Int(fill[ent])] = Int32(row); fill[ent] += 1
        }
        for row in 0..<entity.count where ordinal[row] != 0 {
            let ent = Int(entity[row]); entityRows[Int(fill[ent])] = Int32(row); fill[ent] += 1
        }
    }

    func primaryRow(of entity: Int) -> Int { Int(entityRows[Int(entityRowStart[entity])]) }

    func rowCount(of entity: Int) -> Int { Int(entityRowStart[entity + 1] - entityRowStart[entity]) }

    /// The row an event at `time` refers to: usually the primary record, but a duplicate that
    /// existed by then with probability 0.35, so that resolving duplicates changes the analytics.
    @inline(__always)
    func rowForEvent(entity e: Int, at time: Int64, _ rng: inout Xoshiro256) -> Int {
        let start = Int(entityRowStart[e])
        let n = Int(entityRowStart[e + 1]) - start
        if n == 1 || !rng.chance(0.35) { return Int(entityRows[start]) }
        let pick = Int(entityRows[start + 1 + rng.below(n - 1)])
        return created[pick] <= time ? pick : Int(entityRows[start])
    }

    /// Writes row `row`'s customer_id as one field.
    @inline(__always)
    func writeID(_ row: Int, to writer: CSVByteWriter) {
        let s = Int(system[row])
        writer.beginField()
        writer.appendPart(CustomerRows.idPrefixes[s])
        writer.appendDigits(Int(sequence[row]), width: CustomerRows.idWidths[s])
    }

    func id(_ row: Int) -> String {
        let s = Int(system[row])
        let digits = String(sequence[row])
        return CustomerRows.idPrefixes[s].string + String(repeating: "0", count: max(0, CustomerRows.idWidths[s] - digits.count)) + digits
    }
}
