import Columns
import Foundation
import Testing

extension PostgresServerTests {
    /// What a colleague found wrong in the mixed-sources run, checked on the run itself
    /// (`MixedRun.shared`): each row is one stage's note that must be there.
    @Suite struct MixedSourcesFixes {
        static let notes: [(what: String, stage: String, note: String)] = [
            ("Salesforce's [not provided] company is missing, not data", "clean",
             "company: \"[not provided]\" 1"),
            ("Odoo's EUR and SGD orders are converted to CNY", "currency",
             "currency: 3 orders converted to CNY (EUR 2 at 7.8, SGD 1 at 5.4)"),
            ("Odoo quotations (draft/sent) and the cancelled order are not revenue", "rfm",
             "orders: 4 rows left out as not revenue (cancelled/void/refunded/quotation statuses), by status: quotation 3, cancelled 1"),
        ]

        @Test(arguments: notes.indices)
        func runNotes(_ k: Int) throws {
            let (what, stage, note) = Self.notes[k]
            let run = try MixedRun.shared.get()
            let stageNotes = run.manifest.stages.first { $0.stage == stage }?.notes ?? []
            #expect(stageNotes.contains { $0.contains(note) }, "\(what): \(stageNotes)")
        }

        /// 赵敏's golden record (Odoo, Salesforce lead, 简道云) keeps no placeholder as her company.
        @Test func noGoldenCustomerKeepsAPlaceholder() throws {
            let run = try MixedRun.shared.get()
            let customers = try run.snapshot.table("customers")
            let company = try #require(customers["company"]?.strings)
            #expect(!(0..<customers.rowCount).contains { company[$0] == "[not provided]" })
        }

        /// Nordlicht's EUR order S00005 (17,850.00) reaches the snapshot in CNY at 7.8.
        @Test func eurOrdersAreConvertedInTheSnapshot() throws {
            let run = try MixedRun.shared.get()
            let orders = try run.snapshot.table("orders")
            let ids = try #require(orders["order_id"]?.strings)
            let currency = try #require(orders["currency"]?.strings)
            guard case .double(let amount)? = orders["amount"] else { Issue.record("no amount"); return }
            let s5 = try #require((0..<orders.rowCount).first { ids[$0] == "S00005" })
            #expect(abs(amount.values[s5] - 17_850 * 7.8) < 1e-6)
            #expect(currency[s5] == "CNY")
        }
    }
}
