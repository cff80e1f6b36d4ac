import Columns
import Foundation
import Testing
@testable import Ingest

/// Win probabilities as exported (`75`, `75%`, `75 ％`) become numbers on the 0–100 scale; anything
/// else quarantines its row with the reason, keeping the account balanced.
struct PercentValuesTests {
    @Test(arguments: [("75", 75.0), ("75%", 75), ("75 %", 75), ("12.5％", 12.5), ("0", 0)] as [(String, Double)])
    func parses(text: String, expected: Double) {
        let v = Array(text.utf8).withUnsafeBytes { PercentValues.parse($0) }
        #expect(v == expected)
    }

    @Test(arguments: ["%", "高", "75%%", ""])
    func rejects(text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { PercentValues.parse($0) } == nil)
    }

    @Test func badPercentageIsQuarantinedWithItsLine() throws {
        let fixtures = Fixtures()
        let path = fixtures.write("商机.csv", "商机编号,商机阶段,赢率\nS1,赢单,100%\nS2,输单,很高\nS3,线索,\n")
        let loaded = try ProfileLoader.load(path: path, profile: try ProfileCatalog.profile("beisen"))
        let r = loaded.result
        #expect(r.table.rowCount == 2)
        #expect(r.table["probability"]?.doubles?[0] == 100)
        #expect(r.table["probability"]?.doubles?[1] == nil)
        #expect(r.quarantine.map(\.line) == [3])
        #expect(r.quarantine.first?.reason == "cannot parse '很高' as a percentage")
        #expect(r.account == RowAccount(source: path, rowsRead: 3, rowsLoaded: 2, rowsQuarantined: 1))
    }
}
