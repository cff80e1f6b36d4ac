import Columns
import Foundation
import Testing

@testable import Analytics

/// The churn and forecast sections through `AnalysisSuite`, as the runner calls them: tables present, and the models
/// payload encodes to the JSON models.json holds.
@Suite struct ChurnSuiteSectionTests {
    @Test(arguments: [
        ("churn", ["churn", "churn_summary"], ["\"bgnbd\"", "\"gammaGamma\"", "\"model\":\"BG\\/NBD\""]),
        ("forecast", ["forecast", "forecast_accuracy", "pipeline_forecast"], ["\"series\":\"revenue\"", "\"seasonPeriod\":12"]),
    ])
    func sectionRunsAndItsModelsEncode(_ section: String, _ tables: [String], _ jsonContains: [String]) throws {
        let t = CDNOWFixture.transactions
        let orders = Fixture.table("orders", [
            ("customer_id", Fixture.strings(t.customer.map { String($0) })),
            ("order_date", .date(PrimitiveColumn(values: t.day))),
            ("amount", .double(PrimitiveColumn(values: t.value))),
        ])
        let results = AnalysisSuite.run(AnalysisInput(orders: orders), AnalysisParameters(asOf: CDNOWFixture.calibrationEnd), sections: [section])
        let result = try #require(results.first { $0.section == section }?.result)
        #expect(result.tables.map(\.name) == tables)
        let models = try #require(result.models)
        let json = String(decoding: try JSONEncoder().encode(models), as: UTF8.self)
        for fragment in jsonContains { #expect(json.contains(fragment), "\(fragment) in \(json.prefix(300))") }
    }
}
