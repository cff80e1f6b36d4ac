import Columns
import Foundation
import Testing
@testable import Ingest

/// Profile files: every bundled one parses; mistakes are reported with the line and nearest name.
struct ProfileReaderTests {
    @Test(arguments: ProfileCatalog.bundledNames)
    func bundledProfileParses(name: String) throws {
        let p = try ProfileCatalog.profile(name)
        #expect(p.name == name)
        #expect(!p.files.isEmpty)
        #expect(p.stages.values.allSatisfy { CRMProfile.canonicalStages.contains($0) })
    }

    @Test(arguments: [
        ("profile: x\nfilez: []\n", "2: unknown key 'filez' (did you mean 'files'?)"),
        ("profile: x\nfiles:\n  - { match: [a.csv], table: customer }\n", "3: table: unknown 'customer' (did you mean 'customers'?)"),
        ("profile: x\nfiles:\n  - match: [a.csv]\n    table: customers\n    columns: { nam: 客户名称 }\n",
         "5: 'nam' is not a column of customers (did you mean 'name'?)"),
        ("profile: x\nstages: { 赢单: win }\nfiles:\n  - { match: [a.csv], table: customers }\n",
         "2: stages.赢单: 'win' is not a canonical stage (did you mean 'won'?)"),
        ("profile: x\nfiles: [ {\n", "not valid YAML"),
        ("files:\n  - { match: [a.csv], table: customers }\n", "missing `profile: <name>`"),
        ("profile: x\nids: sf18\nfiles:\n  - { match: [a.csv], table: customers }\n", "2: ids: expected as_is, salesforce15"),
    ])
    func mistakesAreReportedWithLineAndSuggestion(yaml: String, expected: String) {
        do {
            _ = try ProfileReader.read(text: yaml, origin: "my.yml")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
            #expect("\(error)".hasPrefix("my.yml"))
        }
    }

    @Test func unknownProfileNameSuggestsTheNearest() {
        do {
            _ = try ProfileCatalog.profile("salesforse")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("did you mean 'salesforce'?"), "\(error)")
        }
    }

    @Test func aProfilesFolderBesideThePipelineOverridesTheBundledOne() throws {
        let fixtures = Fixtures()
        let dir = fixtures.directory + "/profiles"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let bundled = try #require(ProfileCatalog.bundledPath("kingdee"))
        var text = try String(contentsOfFile: bundled, encoding: .utf8)
        text = text.replacingOccurrences(of: "  签约: won\n", with: "  签约: won\n  已签约: won\n")
        try text.write(toFile: dir + "/kingdee.yml", atomically: true, encoding: .utf8)
        let p = try ProfileCatalog.profile("kingdee", searchDirectories: [dir])
        #expect(p.canonicalStage("已签约") == "won")
        #expect(p.origin == dir + "/kingdee.yml")
        #expect(try ProfileCatalog.profile("./profiles/kingdee.yml", relativeTo: fixtures.directory).canonicalStage("已签约") == "won")
        #expect(try ProfileCatalog.profile("kingdee").canonicalStage("已签约") == nil)
    }

    @Test(arguments: [
        ("Deals*.csv", "Deals_2026_05_28.csv", true), ("Deals*.csv", "deals.CSV", true), ("Account.csv", "AccountContactRole.csv", false),
        ("商机*.xlsx", "商机-2024.xlsx", true), ("a?c.csv", "abc.csv", true), ("a?c.csv", "ac.csv", false),
    ])
    func fileGlobs(pattern: String, name: String, matches: Bool) {
        #expect(FileGlob.matches(pattern, name) == matches)
    }

    @Test(arguments: [
        ("{\"en_US\": \"New\", \"zh_CN\": \"新\"}", ["zh_CN"], "新"),
        ("{\"en_US\": \"New\", \"zh_CN\": \"新\"}", ["fr_FR"], "New"),
        ("{\"de_DE\": \"Neu\"}", [], "Neu"),
        ("Won", ["zh_CN"], "Won"),
        ("{not json", [], "{not json"),
    ])
    func translatedNames(raw: String, locales: [String], expected: String) {
        #expect(TranslatedName.pick(raw, locales: locales) == expected)
    }

    @Test func unknownHeadersAreReportedWithTheNearestCanonicalName() throws {
        let fixtures = Fixtures()
        let path = fixtures.write("customers.csv", "id,nmae,emial,Lieblingsfarbe\n1,Ann,a@example.com,blau\n")
        let profile = try ProfileReader.read(text: "profile: t\nfiles:\n  - { match: [customers.csv], table: customers, columns: { customer_id: id } }\n",
                                             origin: "t.yml")
        let loaded = try ProfileLoader.load(path: path, profile: profile)
        #expect(loaded.unknownHeaders.map(\.header) == ["nmae", "emial", "Lieblingsfarbe"])
        #expect(loaded.unknownHeaders.map(\.nearest) == ["name", "email", nil])
        #expect(loaded.result.account.balances)
    }

    @Test func unmappedStageLabelsAreReportedNotDropped() throws {
        let fixtures = Fixtures()
        let path = fixtures.write("商机.csv", "商机编号,商机阶段\nS1,赢单\nS2,神秘阶段\n")
        let loaded = try ProfileLoader.load(path: path, profile: try ProfileCatalog.profile("beisen"))
        #expect(loaded.unmappedStages == ["神秘阶段"])
        #expect(loaded.result.table["stage"]?.strings?[0] == "won")
        #expect(loaded.result.table["stage"]?.strings?[1] == "神秘阶段")
        #expect(loaded.result.table["status"]?.strings?[1] == "open")
    }

    @Test func fileWithoutARuleIsAnErrorNamingThePatterns() throws {
        do {
            _ = try ProfileLoader.load(path: "/tmp/Opportunities.csv", profile: try ProfileCatalog.profile("salesforce"))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("no rule for file 'Opportunities.csv'"), "\(error)")
            #expect("\(error)".contains("Opportunity.csv"), "\(error)")
        }
    }
}

/// A pipeline source names its table and may override columns; the profile rule follows the table
/// when the file has been renamed.
struct ProfileOverrideTests {
    @Test func renamedFileUsesTheRuleForTheRequestedTable() throws {
        let fixtures = Fixtures()
        let source = RepositoryFiles.sampleData("exports/hubspot/deals.csv")
        let path = fixtures.write("my-deals-march.csv", Array(FileManager.default.contents(atPath: source)!))
        let loaded = try ProfileLoader.load(path: path, profile: try ProfileCatalog.profile("hubspot"), table: .opportunities)
        #expect(loaded.rule.table == .opportunities)
        #expect(loaded.result.table.rowCount == 6)
        #expect(loaded.result.table["stage"]?.strings?[0] == "won")
    }

    @Test func pipelineColumnsWinOverTheProfile() throws {
        let loaded = try ProfileLoader.load(path: RepositoryFiles.sampleData("exports/hubspot/deals.csv"),
                                            profile: try ProfileCatalog.profile("hubspot"), table: .opportunities,
                                            columns: ["owner": "Pipeline"])
        #expect(loaded.result.table["owner"]?.strings?[0] == "Sales Pipeline")
        #expect(loaded.result.unmappedHeaders.contains("Deal owner"))
    }
}
