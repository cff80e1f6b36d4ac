import Foundation
import Snapshot
import Testing

@testable import Query

/// `QUERY_FIXTURE_DIR=/tmp/q swift test --filter QueryFixtureExportTests` writes the fixture
/// snapshot (with a segments.json) there, to try `crm query --snapshot /tmp/q …` by hand.
@Suite struct QueryFixtureExportTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["QUERY_FIXTURE_DIR"] != nil))
    func writesFixtureWhenAsked() throws {
        let dir = ProcessInfo.processInfo.environment["QUERY_FIXTURE_DIR"]!
        try SnapshotWriter.write(tables: QueryFixture.tables(), asOf: QueryFixture.asOf, to: dir)
        let segments = EvaluationOracleTests.segments.merging(["重要价值客户": "lifetime_value > 8000 and vip"]) { a, _ in a }
        try JSONSerialization.data(withJSONObject: segments).write(to: URL(fileURLWithPath: dir + "/" + SegmentFile.fileName))
        #expect(try SnapshotReader.open(directory: dir).tables.count == 3)
    }
}
