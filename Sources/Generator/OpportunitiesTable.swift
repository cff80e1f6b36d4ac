import Columns

/// Writes `opportunities.csv` and `stage_history.csv`: each deal starts as a lead and moves
/// lead → qualified → proposal → negotiation → won, or is lost at some stage, or is still open at the
/// end date. Time in each stage is lognormal; every stage entered leaves a stage_history row.
struct OpportunitiesTable {
    static let stages: [EncodedText] = ["lead", "qualified", "proposal", "negotiation", "won", "lost"]
    static let won = 4
    static let lost = 5
    /// Chance to move on from lead, qualified, proposal, negotiation (the last one is the win rate).
    static let advance = [0.55, 0.6, 0.65, 0.55]
    static let medianDaysInStage = [6.0, 10.0, 14.0, 12.0]
    static let probability: [Int64] = [10, 25, 50, 75, 100, 0]
    static let statuses: [EncodedText] = ["open", "won", "lost"]
    static let lostReasons: [EncodedText] = ["价格太高", "选择了竞品", "预算不足", "需求取消", "无回应", "price", "competitor", "timing"]
    static let lostReasonCumulative = cumulativeWeights([25, 22, 18, 10, 12, 5, 5, 3])
    static let products = ["年度服务合同", "软件订阅", "设备采购", "系统集成项目", "续约", "增购", "Enterprise License", "Pilot Project"]
    static let idPrefix = EncodedText("OPP")

    let population: Population

    func write(opportunities: CSVByteWriter, history: CSVByteWriter) {
        opportunities.header(CanonicalTable.opportunities.fields.map(\.name))
        history.header(CanonicalTable.stageHistory.fields.map(\.name))
        let rows = population.rows
        let team = population.team
        let endSeconds = Int64(population.endDay) * 86400 + 86399
        var entered = [Int64](repeating: 0, count: 6)
        var path = [Int](repeating: 0, count: 6)
        var nextID = 1
        for e in population.entities.indices {
            let entity = population.entities[e]
            var rng = Xoshiro256(seed: population.seed, stream: Streams.opportunities, index: UInt64(e))
            let n = rng.poisson(mean: population.opportunityScale * Population.opportunityWeight(entity))
            if n == 0 { continue }
            let company = entity.company >= 0 ? population.companies[Int(entity.company)] : nil
            let label = company?.name(.shortName) ?? entity.name.canonical
            let until = Int64(entity.activeUntil(endDay: population.endDay)) * 86400 + 86399
            for _ in 0..<n {
                let created = entity.created + Int64(rng.below(Int(max(1, until - entity.created))))
                var steps = 0
                var t = created
                var stage = 0
                path[0] = 0; entered[0] = t; steps = 1
                var closed = false
                while stage < OpportunitiesTable.won {
                    let dwell = rng.logNormal(median: OpportunitiesTable.medianDaysInStage[stage], sigma: 0.8) * 86400
                    let next = t + Int64(dwell)
                    if next > endSeconds { break }
                    t = next
                    if rng.chance(OpportunitiesTable.advance[stage]) {
                        stage += 1
                    } else {
                        stage = OpportunitiesTable.lost
                    }
                    path[steps] = stage; entered[steps] = t; steps += 1
                    if stage >= OpportunitiesTable.won { closed = true; break }
                }
                let id = nextID
                nextID += 1
                func writeID(_ w: CSVByteWriter) {
                    w.beginField(); w.appendPart(OpportunitiesTable.idPrefix); w.appendDigits(id, width: 7)
                }
                writeID(opportunities)
                rows.writeID(rows.rowForEvent(entity: e, at: created, &rng), to: opportunities)
                opportunities.field(label + " - " + OpportunitiesTable.products[rng.below(OpportunitiesTable.products.count)])
                opportunities.field(OpportunitiesTable.stages[stage])
                let amount = rng.logNormal(median: entity.isB2B ? 80_000 : 6_000, sigma: 1.0)
                opportunities.money(cents: Int64((amount * 100).rounded()))
                opportunities.money(cents: OpportunitiesTable.probability[stage])
                opportunities.timestamp(seconds: created)
                let createdDay = Int(created / 86400)
                opportunities.date(days: createdDay + 30 + rng.below(90))
                if closed { opportunities.timestamp(seconds: t) } else { opportunities.null() }
                opportunities.field(OpportunitiesTable.statuses[!closed ? 0 : (stage == OpportunitiesTable.won ? 1 : 2)])
                if stage == OpportunitiesTable.lost {
                    opportunities.field(OpportunitiesTable.lostReasons[rng.pick(cumulative: OpportunitiesTable.lostReasonCumulative)])
                } else {
                    opportunities.null()
                }
                opportunities.field(team.names[rng.chance(0.9) ? Int(entity.owner) : rng.below(team.count)])
                let source = rng.chance(0.8) ? Int(entity.leadSource) : rng.pick(cumulative: Entity.leadSourceCumulative)
                opportunities.field(Entity.leadSources[source])
                opportunities.endRow()

                for s in 0..<steps {
                    writeID(history)
                    history.field(OpportunitiesTable.stages[path[s]])
                    history.timestamp(seconds: entered[s])
                    history.endRow()
                }
            }
        }
    }
}
