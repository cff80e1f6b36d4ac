import Analytics
import Foundation
import Testing
@testable import Pipelines

/// `rfm.excluded_order_statuses` replaces the default list of statuses that are not revenue.
@Suite struct OrderStatusConfigTests {
    static let folder: String = {
        let dir = NSTemporaryDirectory() + "crm-order-status-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir + "/orders.csv", contents: Data("order_id,customer_id\n1,a\n".utf8))
        return dir
    }()

    static func parse(_ rfm: String) throws -> PipelineConfig {
        try PipelineLoader.parse(yaml: "sources:\n  - { table: orders, file: orders.csv }\n" + rfm,
                                 path: folder + "/p.yml", displayPath: "p.yml")
    }

    @Test(arguments: [
        ("", nil),
        ("rfm: { excluded_order_statuses: [cancelled, 作废] }\n", ["cancelled", "作废"]),
        ("rfm: { excluded_order_statuses: [] }\n", []),
    ] as [(String, [String]?)])
    func parsed(yaml: String, expected: [String]?) throws {
        let config = try Self.parse(yaml)
        #expect(config.rfm.excludedOrderStatuses == expected)
        let p = AnalysisStages.parameters(for: config, asOf: 0)
        #expect(p.rfm.excludedOrderStatuses == (expected ?? OrderFacts.nonRevenueStatuses))
    }

    @Test(arguments: [
        ("rfm: { excluded_order_statuses: cancelled }\n", "expected a list"),
        ("rfm: { excluded_order_status: [x] }\n", "did you mean 'excluded_order_statuses'?"),
    ])
    func rejected(yaml: String, fragment: String) {
        #expect(throws: PipelineValidationError.self) { try Self.parse(yaml) }
        do { _ = try Self.parse(yaml) } catch let e as PipelineValidationError {
            #expect(e.issues.contains { $0.line == 3 && $0.message.contains(fragment) }, "\(e.issues)")
        } catch {}
    }
}
