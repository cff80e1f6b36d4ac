import Foundation
import Testing
@testable import Generator

/// The orders follow a BG/NBD-like process: repeat buyers, one-time buyers, dormant and churned
/// customers all occur, in plausible shares.
@Suite struct PurchaseBehaviourTests {
    static let endDay = "2025-12-31"

    /// Orders per customer id and last order date, resolved to entities via the truth file.
    static let perEntity: [String: (count: Int, last: String)] = {
        let entityOf = Dictionary(uniqueKeysWithValues: GeneratedSample.truthTable.rows.map { ($0["customer_id"]!, $0["entity_id"]!) })
        var result: [String: (count: Int, last: String)] = [:]
        for o in GeneratedSample.table("orders.csv").rows {
            let e = entityOf[o["customer_id"]!]!
            let prev = result[e] ?? (0, "")
            result[e] = (prev.count + 1, max(prev.last, o["order_date"]!))
        }
        return result
    }()

    @Test func buyersRepeatAndSomeNeverBuy() {
        let entities = Set(GeneratedSample.truthTable.rows.map { $0["entity_id"]! })
        let buyers = Self.perEntity.count
        let neverBought = entities.count - buyers
        let oneTime = Self.perEntity.values.filter { $0.count == 1 }.count
        let repeaters = Self.perEntity.values.filter { $0.count >= 5 }.count
        #expect(Double(neverBought) / Double(entities.count) > 0.1)
        #expect(oneTime > 0 && repeaters > 0)
        #expect(Self.perEntity.values.map(\.count).max()! >= 20, "heavy buyers exist")
    }

    @Test func dormantAndRecentBuyersBothExist() {
        // Last purchase more than a year before the end: dormant or churned. Within 90 days: active.
        let lasts = Self.perEntity.values.map(\.last)
        let lapsed = lasts.filter { $0 < "2024-12-31" }.count
        let recent = lasts.filter { $0 >= "2025-10-02" }.count
        #expect(Double(lapsed) / Double(lasts.count) > 0.15)
        #expect(Double(recent) / Double(lasts.count) > 0.15)
    }

    @Test func calibrationMeetsTheTargetRate() {
        var config = GeneratorConfig(customers: 2000, seed: 8)
        config.duplicateRate = 0
        let population = Population(config)
        let total = population.entities.reduce(0) { $0 + Int($1.orderCount) }
        #expect(abs(Double(total) / 2000 - 5) < 0.35)
        #expect(population.entities.contains { $0.churned } && population.entities.contains { !$0.churned && $0.orderCount > 1 })
    }

    @Test func replayGivesTheSameDays() {
        let population = Population(GeneratorConfig(customers: 300, seed: 12))
        for (i, entity) in population.entities.enumerated() {
            var days: [Int] = []
            let outcome = PurchaseProcess.run(entity, meanRatePerDay: population.meanPurchaseRate, endDay: population.endDay,
                                              seed: population.seed, index: i) { days.append($0) }
            #expect(Int(outcome.count) == days.count && Int(entity.orderCount) == days.count)
            #expect(days == days.sorted())
            #expect(days.allSatisfy { $0 <= population.endDay })
        }
    }
}
