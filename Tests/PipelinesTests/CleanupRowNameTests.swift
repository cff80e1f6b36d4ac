import Foundation
import Testing
@testable import Pipelines

/// How rows are named (`SOURCE:LINE`) and found again, including the errors for wrong names.
@Suite(.serialized) struct CleanupRowNameTests {
    @Test(arguments: [
        ("old.csv:12", "old.csv", 12),
        ("erp.sqlite:customers:5", "erp.sqlite:customers", 5),
        ("客户.csv:2", "客户.csv", 2),
        (":7", "", 7),
    ])
    func parsesSourceAndLine(name: String, source: String, line: Int) {
        let parsed = RowName.parse(name)
        #expect(parsed?.source == source)
        #expect(parsed?.line == line)
        #expect(RowName.of(source: source, line: line) == name)
    }

    @Test(arguments: ["KH00001", "old.csv:", "old.csv:x", "old.csv:-3", "", "old.csv:99999999999999999999999"])
    func notARowName(name: String) {
        #expect(RowName.parse(name) == nil)
    }

    static let preparation: CleanupPreparation = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let config = try! PipelineLoader.load(path: root + "/pipelines/cleanup.yml")
        return try! CleanupPreparation.run(config: config, progress: ProgressReporter(style: .silent))
    }()

    static var directory: RowDirectory {
        RowDirectory(customers: preparation.customers, quarantine: preparation.quarantine, sources: preparation.loaded.customerSources)
    }

    @Test(arguments: [
        ("old_crm_customers.csv:2", "old_crm_customers.csv:2"),
        ("erp.sqlite:customers:1", "erp.sqlite:customers:1"),
        ("KH00001", "old_crm_customers.csv:2"),
        ("C-1001", "erp.sqlite:customers:1"),
        (" C-1001 ", "erp.sqlite:customers:1"),
    ])
    func findsRowsByNameOrCustomerID(reference: String, expected: String) throws {
        let r = try Self.directory.row(for: reference)
        #expect(CleanupTables.rowName(Self.preparation.customers, r) == expected)
    }

    @Test(arguments: [
        ("old_crm_customers.csv:9999", "nearest linked row: old_crm_customers.csv:228"),
        ("old_crm_customers.csv:1", "nearest linked row: old_crm_customers.csv:2"),
        ("KH0001", "did you mean 'KH00001'?"),
        ("old_crm_customer.csv:5", "did you mean 'old_crm_customers.csv:5'?"),
        ("old_crm_customers.csv:222", "was quarantined (required value missing)"),
        ("zzz", "name a row as SOURCE:LINE"),
    ])
    func wrongNamesSayWhatIsNear(reference: String, message: String) {
        do {
            _ = try Self.directory.row(for: reference)
            Issue.record("\(reference) was found")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
