import Columns

/// The merge log: one row per input row that joined a multi-row golden record, with the evidence
/// that put it there (its comparison with the cluster's core, field by field).
enum MergeLog {
    static func build(customers: Table, members: [Int32], start: [Int], coreRows: [Int], scorer: PairScorer,
                      sources: [String], idColumn: String) -> Table {
        var golden = PrimitiveBuilder<Int64>(zero: 0), row = PrimitiveBuilder<Int64>(zero: 0)
        var line = PrimitiveBuilder<Int64>(zero: 0), coreRow = PrimitiveBuilder<Int64>(zero: 0)
        var probability = PrimitiveBuilder<Double>(zero: 0), weight = PrimitiveBuilder<Double>(zero: 0)
        var ids = StringBuilder(), source = StringBuilder(), role = StringBuilder(), matchedOn = StringBuilder()
        var contributions = (0..<scorer.fieldCount).map { _ in PrimitiveBuilder<Double>(zero: 0) }
        let idCol = customers[idColumn]
        for g in 0..<(start.count - 1) where start[g + 1] - start[g] > 1 {
            let core = coreRows[g]
            for r32 in members[start[g]..<start[g + 1]] {
                let r = Int(r32)
                golden.append(Int64(g))
                row.append(Int64(r))
                ids.append(idCol?.text(at: r))
                source.append(sources[r])
                if let lineage = customers.lineage { line.append(Int64(lineage.line[r])) } else { line.appendNull() }
                coreRow.append(Int64(core))
                if r == core {
                    role.append("core")
                    probability.append(1)
                    weight.appendNull()
                    matchedOn.append("")
                    for k in 0..<scorer.fieldCount { contributions[k].appendNull() }
                    continue
                }
                role.append("member")
                let (w, levels) = scorer.score(r, core)
                probability.append(MatchParameters.probability(weight: w))
                weight.append(w)
                var matched: [String] = []
                for k in 0..<scorer.fieldCount {
                    if levels[k] < 0 {
                        contributions[k].appendNull()
                        continue
                    }
                    let c = levels.withUnsafeBufferPointer { scorer.effectiveContribution(k, levels: $0.baseAddress!, r, core) }
                    contributions[k].append(c)
                    // Matched on every field that agreed, even where its evidence group counted
                    // another field's weight instead (the w_ columns show what counted).
                    if c > 0 || scorer.contribution(k, level: levels[k], r, core) > 0 {
                        matched.append(scorer.comparator.fields[k].comparison.column)
                    }
                }
                matchedOn.append(matched.joined(separator: ","))
            }
        }
        var columns: [(String, Column)] = [
            ("golden_id", .int64(golden.finish())), ("row", .int64(row.finish())), (idColumn, .string(ids.finish())),
            ("source", .string(source.finish())), ("line", .int64(line.finish())), ("role", .string(role.finish())),
            ("core_row", .int64(coreRow.finish())), ("match_probability", .double(probability.finish())),
            ("match_weight", .double(weight.finish())), ("matched_on", .string(matchedOn.finish())),
        ]
        for k in 0..<scorer.fieldCount {
            columns.append(("w_" + scorer.comparator.fields[k].comparison.column, .double(contributions[k].finish())))
        }
        return try! Table(name: "merge_log", columns: columns)
    }
}
