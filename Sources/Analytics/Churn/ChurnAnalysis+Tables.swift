import Columns

extension ChurnAnalysis {
    static let churnColumns = ["customer_id", "first_order", "last_order", "orders", "frequency", "recency_weeks", "age_weeks",
                               "p_alive", "expected_purchases", "expected_value", "clv", "risk_band"]
    /// Band labels in output order; code 3 = unscored (null cell).
    static let bandLabels = ["high", "medium", "low"]

    /// Scores every customer from their group's scores, sorts, and builds both tables.
    static func finish(_ facts: OrderFacts, _ h: CustomerHistories, _ groups: DistinctPurchaseHistories?, _ scores: GroupScores?,
                       _ spend: GammaGammaModel?, _ p: ChurnParameters, _ models: ChurnModels, _ notes: [String]) -> ChurnResult {
        let n = h.count
        var pAlive = [Double](repeating: 0, count: n)
        var expected = [Double](repeating: 0, count: n)
        var value = [Double](repeating: 0, count: n)
        var clv = [Double](repeating: 0, count: n)
        var band = [UInt8](repeating: 3, count: n)
        var scored = [Bool](repeating: false, count: n)
        var valued = [Bool](repeating: false, count: n)
        let spendFits = spend?.parameters != nil
        if let scores, let groups {
            for i in 0..<n {
                let g = Int(groups.group[i])
                let a = scores.pAlive[g], e = scores.expectedPurchases[g]
                guard a.isFinite, e.isFinite else { continue }
                pAlive[i] = a
                expected[i] = e
                scored[i] = true
                band[i] = a < p.highRiskBelow ? 0 : (a < p.mediumRiskBelow ? 1 : 2)
                if spendFits, let spend {
                    let v = spend.expectedAverageValue(frequency: Double(h.repeatDays[i]), monetary: h.monetary(i))
                    let c = v * scores.discountedPurchases[g]
                    if v.isFinite && c.isFinite {
                        value[i] = v
                        clv[i] = c
                        valued[i] = true
                    }
                }
            }
        }
        // Risk band (high first, unscored last), CLV descending (no value last), customer id byte order, compared as
        // integers: the CLV by its IEEE bit pattern mapped to an order that sorts larger values first.
        struct SortKey { var group: UInt8; var clv: UInt64; var rank: Int32; var row: Int32 }
        let rank = facts.idRank
        var keys = (0..<n).map { i -> SortKey in
            let bits = clv[i].bitPattern
            let ascending = bits >> 63 == 0 ? bits | (1 << 63) : ~bits
            return SortKey(group: band[i] << 1 | (valued[i] ? 0 : 1), clv: valued[i] ? ~ascending : 0,
                           rank: rank[Int(h.customer[i])], row: Int32(i))
        }
        keys.sort { l, r in
            if l.group != r.group { return l.group < r.group }
            if l.clv != r.clv { return l.clv < r.clv }
            return l.rank < r.rank
        }
        let order = keys.map(\.row)
        func gather<T>(_ v: [T]) -> [T] { order.map { v[Int($0)] } }
        func doubles(_ v: [Double], _ valid: [Bool]) -> Column {
            let validity = valid.allSatisfy { $0 } ? nil : Validity(bits: gather(valid))
            return .double(PrimitiveColumn(values: gather(v), validity: validity))
        }
        var bandBuffer = StringBuffer()
        for label in bandLabels { bandBuffer.append(label) }
        let bandCodes = order.map { Int32(min(band[Int($0)], 2)) }
        let bandValidity = scored.allSatisfy { $0 } ? nil : Validity(bits: gather(scored))
        let weeks = ChurnModelFit.daysPerPeriod
        let churn = ResultColumns.table("churn", [
            ("customer_id", facts.idColumn(gather(h.customer))),
            ("first_order", .date(PrimitiveColumn(values: gather(h.firstDay)))),
            ("last_order", .date(PrimitiveColumn(values: gather(h.lastDay)))),
            ("orders", .int64(PrimitiveColumn(values: order.map { Int64(h.orders[Int($0)]) }))),
            ("frequency", .int64(PrimitiveColumn(values: order.map { Int64(h.repeatDays[Int($0)]) }))),
            ("recency_weeks", .double(PrimitiveColumn(values: order.map { Double(h.recencyDays[Int($0)]) / weeks }))),
            ("age_weeks", .double(PrimitiveColumn(values: order.map { Double(h.ageDays[Int($0)]) / weeks }))),
            ("p_alive", doubles(pAlive, scored)),
            ("expected_purchases", doubles(expected, scored)),
            ("expected_value", doubles(value, valued)),
            ("clv", doubles(clv, valued)),
            ("risk_band", .string(StringColumn(storage: .dictionary(codes: bandCodes, dictionary: bandBuffer), validity: bandValidity))),
        ])
        let summary = summaryTable(band: band, pAlive: pAlive, expected: expected, clv: clv, scored: scored, valued: valued,
                                   include: scores != nil)
        let analysis = AnalysisResult(tables: [("churn", churn), ("churn_summary", summary)], notes: notes, models: models)
        return ChurnResult(analysis: analysis, models: models)
    }

    /// One row per band: customers, share of scored customers, mean P(alive), mean expected purchases, total CLV
    /// (null when no customer of the band has a value).
    private static func summaryTable(band: [UInt8], pAlive: [Double], expected: [Double], clv: [Double], scored: [Bool],
                                     valued: [Bool], include: Bool) -> Table {
        var customers = [Int](repeating: 0, count: 3), valuedCount = [Int](repeating: 0, count: 3)
        var aliveSum = [Double](repeating: 0, count: 3), expectedSum = [Double](repeating: 0, count: 3), clvSum = [Double](repeating: 0, count: 3)
        for i in band.indices where scored[i] {
            let b = Int(band[i])
            customers[b] += 1
            aliveSum[b] += pAlive[i]
            expectedSum[b] += expected[i]
            if valued[i] { valuedCount[b] += 1; clvSum[b] += clv[i] }
        }
        let rows = include ? [0, 1, 2] : []
        let total = Double(customers.reduce(0, +))
        return ResultColumns.table("churn_summary", [
            ("risk_band", ResultColumns.strings(rows.map { bandLabels[$0] })),
            ("customers", ResultColumns.ints(rows.map { customers[$0] })),
            ("share", ResultColumns.doubles(rows.map { ResultColumns.ratio(Double(customers[$0]), total) })),
            ("mean_p_alive", ResultColumns.doubles(rows.map { ResultColumns.ratio(aliveSum[$0], Double(customers[$0])) })),
            ("mean_expected_purchases", ResultColumns.doubles(rows.map { ResultColumns.ratio(expectedSum[$0], Double(customers[$0])) })),
            ("total_clv", ResultColumns.doubles(rows.map { valuedCount[$0] > 0 ? clvSum[$0] : nil })),
        ])
    }
}
