import Columns
import Foundation
import Testing
@testable import Ingest

/// Every bundled profile loads its sample export (sample-data/exports/<system>/) into canonical
/// tables with every row accounted for, and its opportunities' stages on the canonical funnel.
struct ProfileExportTests {
    struct Case: Sendable, CustomStringConvertible {
        var system: String
        /// Canonical table → rows expected from the sample files.
        var rows: [CanonicalTable: Int]
        /// The canonical stages the sample opportunities are in, in row order.
        var stages: [String]
        var description: String { system }
    }

    static let cases: [Case] = [
        // 7 accounts, 5 contacts, 4 leads; the last rows of each are shared with 简道云 and Odoo.
        Case(system: "salesforce",
             rows: [.customers: 16, .opportunities: 9, .stageHistory: 7, .tickets: 2, .interactions: 3, .campaigns: 1,
                    .campaignMembers: 3],
             stages: ["won", "negotiation", "proposal", "lost", "qualified", "lead", "proposal", "won", "qualified"]),
        Case(system: "hubspot", rows: [.customers: 5, .opportunities: 6],
             stages: ["won", "negotiation", "lead", "qualified", "proposal", "lost"]),
        Case(system: "zoho", rows: [.customers: 4, .opportunities: 6],
             stages: ["won", "negotiation", "lead", "lost", "proposal", "qualified"]),
        Case(system: "odoo", rows: [.customers: 3, .opportunities: 5, .orders: 3, .interactions: 2],
             stages: ["won", "proposal", "qualified", "qualified", "lead"]),
        Case(system: "jiandaoyun", rows: [.customers: 8, .opportunities: 8],
             stages: Self.defaultOrder + ["negotiation", "won"]),
        Case(system: "fxiaoke", rows: [.customers: 5, .opportunities: 6], stages: Self.defaultOrder),
        Case(system: "xiaoshouyi", rows: [.customers: 5, .opportunities: 6], stages: Self.defaultOrder),
        Case(system: "yonyou", rows: [.customers: 5, .opportunities: 6], stages: Self.defaultOrder),
        Case(system: "kingdee", rows: [.customers: 5, .opportunities: 6], stages: Self.defaultOrder),
        Case(system: "beisen", rows: [.customers: 5, .opportunities: 6], stages: Self.defaultOrder),
    ]
    static let defaultOrder = ["lead", "qualified", "proposal", "negotiation", "won", "lost"]

    @Test(arguments: cases)
    func sampleExportLoadsOntoTheCanonicalTables(_ c: Case) throws {
        let profile = try ProfileCatalog.profile(c.system)
        let export = try ExportLoader.load(directory: RepositoryFiles.sampleData("exports/" + c.system), profile: profile)

        // Every row of every file is accounted for, and none was quarantined.
        for file in export.files {
            #expect(file.result.account.balances, "\(file.result.account)")
            #expect(file.result.quarantine.isEmpty, "\(file.result.quarantine.map { $0.location + " " + $0.reason })")
            #expect(file.unmappedStages.isEmpty, "\(file.unmappedStages)")
        }
        #expect(Dictionary(uniqueKeysWithValues: export.tables.map { ($0.key, $0.value.rowCount) }) == c.rows)

        // The funnel is computable: stages are canonical, status follows from them.
        let opportunities = try #require(export.tables[.opportunities])
        let stage = try #require(opportunities["stage"]?.strings)
        try #require(opportunities.rowCount == c.stages.count)
        #expect((0..<opportunities.rowCount).map { stage[$0] ?? "" } == c.stages)
        let status = try #require(opportunities["status"]?.strings)
        for r in 0..<opportunities.rowCount {
            let expected = stage[r] == "won" ? "won" : stage[r] == "lost" ? "lost" : "open"
            if c.system == "odoo" && r == 3 { continue }  // archived: checked in odooArchivedLeadIsLost
            #expect(status[r] == expected, "row \(r)")
        }
        #expect(opportunities["amount"]?.type == .double)
        #expect(opportunities["amount"]?.doubles?.validity.isValid(0) == true)

        // Every foreign key the profile declares resolves inside the export.
        #expect(export.danglingReferences.isEmpty, "\(export.danglingReferences)")
        let customers = try #require(export.tables[.customers])
        #expect(customers["created_at"]?.type == .timestamp)
        #expect(customers["created_at"]?.validity.nullCount == 0)
    }

    @Test func odooArchivedLeadIsLostAndStageNamesComeFromJsonb() throws {
        let export = try ExportLoader.load(directory: RepositoryFiles.sampleData("exports/odoo"),
                                           profile: try ProfileCatalog.profile("odoo"))
        let o = try #require(export.tables[.opportunities])
        #expect(o["opportunity_id"]?.strings?[3] == "24")
        #expect(o["status"]?.strings?[3] == "lost")
        #expect(export.skippedFiles == ["crm_stage.csv"])
        let orders = try #require(export.tables[.orders])
        try #require(orders.rowCount == 3)
        #expect((0..<3).map { orders["status"]?.strings?[$0] } == ["confirmed", "cancelled", "quotation"])
    }

    @Test func salesforceIdsJoinAcross15And18Characters() throws {
        let export = try ExportLoader.load(directory: RepositoryFiles.sampleData("exports/salesforce"),
                                           profile: try ProfileCatalog.profile("salesforce"))
        let o = try #require(export.tables[.opportunities])
        // Opportunity 3's AccountId is written with 15 characters, the others with 18.
        #expect(o["customer_id"]?.strings?[2] == "001Hs00000KlMnO")
        #expect(o["customer_id"]?.strings?[0] == "001Hs00000AbCdE")
        #expect(o["created_at"]?.timestamps?[0] == Int64(CivilDate.days(year: 2024, month: 1, day: 10)) * 86400 + 36000)
    }

    @Test func salesforceCampaignMemberIsAContactOrALead() throws {
        let export = try ExportLoader.load(directory: RepositoryFiles.sampleData("exports/salesforce"),
                                           profile: try ProfileCatalog.profile("salesforce"))
        let members = try #require(export.tables[.campaignMembers]?["customer_id"]?.strings)
        #expect((0..<3).map { members[$0] } == ["003Hs00000CoNt1", "003Hs00000CoNt3", "00QHs00000LeAd1"])
    }

    @Test func zohoLookupIdsLoseTheirPrefix() throws {
        let export = try ExportLoader.load(directory: RepositoryFiles.sampleData("exports/zoho"),
                                           profile: try ProfileCatalog.profile("zoho"))
        #expect(export.tables[.opportunities]?["customer_id"]?.strings?[0] == "4876876000000231001")
        #expect(export.tables[.customers]?["customer_id"]?.strings?[0] == "4876876000000231001")
    }

    @Test func chineseAmountsAndGBKAreRead() throws {
        let export = try ExportLoader.load(directory: RepositoryFiles.sampleData("exports/yonyou"),
                                           profile: try ProfileCatalog.profile("yonyou"))
        let o = try #require(export.tables[.opportunities])
        #expect(export.files.allSatisfy { $0.result.encoding == .gb18030 })
        let amounts = try #require(o["amount"]?.doubles)
        try #require(o.rowCount == 6)
        #expect((0..<6).map { amounts[$0] } == [120_000, 58_000, 35_000, 9_800, 200_000, 12_000])
        #expect(o["expected_close"]?.dates?[0] == Int32(CivilDate.days(year: 2024, month: 4, day: 10)))
        #expect(o["name"]?.strings?[0] == "北京星河项目1")
    }
}
