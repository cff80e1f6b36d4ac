import Columns
import Foundation
import Testing
@testable import Generator

@Suite struct SchemaTests {
    static let tableFiles: [(CanonicalTable, String)] = CanonicalTable.allCases.map { ($0, $0.rawValue + ".csv") }

    @Test(arguments: CanonicalTable.allCases)
    func headersAreTheCanonicalColumns(_ table: CanonicalTable) {
        #expect(GeneratedSample.table(table.rawValue + ".csv").header == table.fields.map(\.name))
    }

    @Test(arguments: CanonicalTable.allCases.filter(\.keyIsUnique))
    func keysAreUniqueAndPresent(_ table: CanonicalTable) {
        let keys = GeneratedSample.table(table.rawValue + ".csv").rows.map { $0[table.key]! }
        #expect(!keys.contains(""))
        #expect(Set(keys).count == keys.count)
    }

    @Test(arguments: ["orders.csv", "interactions.csv", "opportunities.csv", "tickets.csv", "campaign_members.csv"])
    func eventsReferenceExistingCustomers(_ file: String) {
        let customers = Set(GeneratedSample.customersTable.rows.map { $0["customer_id"]! })
        let rows = GeneratedSample.table(file).rows
        #expect(!rows.isEmpty)
        let dangling = rows.filter { !customers.contains($0["customer_id"]!) }
        #expect(dangling.isEmpty, "\(file): \(dangling.count) rows reference unknown customers")
    }

    @Test func linkTablesReferenceExistingParents() {
        let opportunities = Set(GeneratedSample.table("opportunities.csv").rows.map { $0["opportunity_id"]! })
        #expect(GeneratedSample.table("stage_history.csv").rows.allSatisfy { opportunities.contains($0["opportunity_id"]!) })
        let campaigns = Set(GeneratedSample.table("campaigns.csv").rows.map { $0["campaign_id"]! })
        #expect(GeneratedSample.table("campaign_members.csv").rows.allSatisfy { campaigns.contains($0["campaign_id"]!) })
    }

    @Test func stageHistoryFollowsTheFunnel() {
        let order = ["lead", "qualified", "proposal", "negotiation"]
        var byOpportunity: [String: [(String, String)]] = [:]
        for row in GeneratedSample.table("stage_history.csv").rows {
            byOpportunity[row["opportunity_id"]!, default: []].append((row["stage"]!, row["entered_at"]!))
        }
        var outcomes: [String: Int] = [:]
        for opp in GeneratedSample.table("opportunities.csv").rows {
            let path = byOpportunity[opp["opportunity_id"]!] ?? []
            #expect(path.first?.0 == "lead")
            #expect(path.last?.0 == opp["stage"], "\(opp["opportunity_id"]!): last stage differs from the opportunity's")
            #expect(zip(path, path.dropFirst()).allSatisfy { $0.1 <= $1.1 }, "stage times go backwards")
            for (i, step) in path.enumerated() where i < path.count - 1 || order.contains(step.0) {
                #expect(step.0 == order[i])
            }
            let status = opp["status"]!
            outcomes[status, default: 0] += 1
            switch status {
            case "won": #expect(opp["stage"] == "won" && !opp["closed_at"]!.isEmpty && opp["probability"] == "1.00")
            case "lost": #expect(opp["stage"] == "lost" && !opp["lost_reason"]!.isEmpty && opp["probability"] == "0.00")
            default: #expect(status == "open" && opp["closed_at"]!.isEmpty && order.contains(opp["stage"]!))
            }
        }
        #expect(outcomes["won", default: 0] > 0 && outcomes["lost", default: 0] > 0 && outcomes["open", default: 0] > 0)
    }

    @Test func ticketTimesAreOrderedAndScoresInRange() {
        var scored = 0
        for t in GeneratedSample.table("tickets.csv").rows {
            let created = t["created_at"]!, response = t["first_response_at"]!, resolved = t["resolved_at"]!
            if !response.isEmpty { #expect(response >= created) }
            if !resolved.isEmpty { #expect(!response.isEmpty && resolved >= response) }
            if let score = t["satisfaction"], !score.isEmpty {
                scored += 1
                #expect((1...5).contains(Int(score) ?? 0))
                #expect(!resolved.isEmpty)
            }
            #expect(["low", "normal", "high", "urgent"].contains(t["priority"]!))
        }
        #expect(scored > 0)
    }

    @Test(arguments: [("orders.csv", "order_date"), ("interactions.csv", "occurred_at"), ("customers.csv", "created_at"),
                      ("opportunities.csv", "created_at"), ("tickets.csv", "created_at"), ("campaigns.csv", "started_at")])
    func datesStayInsideTheWindow(_ file: String, _ column: String) {
        let values = GeneratedSample.table(file).rows.map { $0[column]! }
        #expect(values.allSatisfy { $0 >= "2023-01-01" && $0 <= "2025-12-31 23:59:59" }, "\(file).\(column)")
    }

    @Test func amountsArePositiveDecimals() {
        let amounts = GeneratedSample.table("orders.csv").rows.map { Double($0["amount"]!) ?? -1 }
        #expect(amounts.allSatisfy { $0 > 0 })
        let sorted = amounts.sorted()
        // Lognormal: long right tail, mean well above the median.
        let mean = amounts.reduce(0, +) / Double(amounts.count)
        #expect(mean > sorted[sorted.count / 2] * 1.3)
    }
}

extension SchemaTests {
    /// No event happens before the customer row it references was created.
    @Test(arguments: [("orders.csv", "order_date"), ("interactions.csv", "occurred_at"), ("opportunities.csv", "created_at"),
                      ("tickets.csv", "created_at"), ("campaign_members.csv", "responded_at")])
    func eventsFollowTheirCustomersCreation(_ file: String, _ column: String) {
        let created = Dictionary(uniqueKeysWithValues: GeneratedSample.customersTable.rows.map { ($0["customer_id"]!, $0["created_at"]!) })
        let early = GeneratedSample.table(file).rows.filter { row in
            let when = row[column]!
            guard !when.isEmpty else { return false }
            let customer = created[row["customer_id"]!]!
            // Dates compare with the creation day, timestamps with the creation time.
            return when.count == 10 ? when < String(customer.prefix(10)) : when < customer
        }
        #expect(early.isEmpty, "\(file): \(early.count) rows before their customer was created, e.g. \(early.first ?? [:])")
    }
}
