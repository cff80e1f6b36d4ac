import Columns
import Foundation
import Testing
@testable import Ingest

/// Lookups replace an id by a value from another file of the same export; the ids are compared in
/// the profile's id form, since one export writes the same record's id in more than one form.
struct ProfileLookupTests {
    @Test(arguments: [
        (CRMProfile.IDFormat.asIs, "001Hs00000NoRdLIAV", "001Hs00000NoRdLIAV"),
        (.salesforce15, "001Hs00000NoRdLIAV", "001Hs00000NoRdL"),
        (.salesforce15, "001Hs00000NoRdL", "001Hs00000NoRdL"),
        (.salesforce15, "", ""),
        (.salesforce15, "0000000000000000", "0000000000000000"),  // 16 characters: not an id form, kept
        (.stripPrefix("zcrm_"), "zcrm_4876876000000231001", "4876876000000231001"),
        (.stripPrefix("zcrm_"), "zcrm_", "zcrm_"),  // nothing after the prefix: kept, never empty
        (.stripPrefix("zcrm_"), "4876876000000231001", "4876876000000231001"),
        (.stripPrefix("客户-"), "客户-0042", "0042"),
    ])
    func idInTheProfilesForm(_ format: CRMProfile.IDFormat, _ id: String, _ expected: String) {
        #expect(format.normalized(id) == expected)
    }

    /// A Contact's AccountId becomes its account's Name — also Jonas Becker's, whose AccountId is
    /// written with 15 characters while Account.csv has the 18-character Id.
    @Test func salesforceContactCompanyIsTheAccountName() throws {
        let loaded = try ProfileLoader.load(path: RepositoryFiles.sampleData("exports/salesforce/Contact.csv"),
                                            profile: try ProfileCatalog.profile("salesforce"))
        let t = loaded.result.table
        let company = try #require(t["company"]?.strings)
        #expect((0..<t.rowCount).map { company[$0] } == [
            "Northwind Traders", "Blue Yonder Airlines", "Fabrikam Inc", "深圳市鹏远电子股份有限公司", "Nordlicht Logistik GmbH",
        ])
        // The compound Name column wins over LastName.
        #expect(t["name"]?.strings?[3] == "刘 婷")
        #expect(t["phone"]?.strings?[3] == "+86 139-1234-5678")
    }

    @Test func aLookupValueMissingFromTheOtherFileKeepsTheId() throws {
        let fixtures = Fixtures()
        _ = fixtures.write("Account.csv", "Id,Name\n001Hs00000AbCdEIAV,Northwind Traders\n")
        let contacts = fixtures.write("Contact.csv",
                                      "Id,AccountId,LastName\n003Hs00000CoNt1IAF,001Hs00000ZzZzZIAV,Okafor\n003Hs00000CoNt2IAF,,Marin\n")
        let loaded = try ProfileLoader.load(path: contacts, profile: try ProfileCatalog.profile("salesforce"))
        let company = try #require(loaded.result.table["company"])
        #expect(company.text(at: 0) == "001Hs00000ZzZzZIAV")
        #expect(company.isNull(1))
        #expect(loaded.result.account.balances)
    }
}
