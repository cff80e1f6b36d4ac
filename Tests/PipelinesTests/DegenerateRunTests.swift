import Foundation
import Testing
@testable import Pipelines

/// Whole runs on data that breaks naive analytics: every report file is written, says what it could
/// not compute, and never shows NaN or infinity (issue #4: degenerate input, a clear note, no crash).
@Suite(.serialized) struct DegenerateRunTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var customers: [String]
        var orders: [String]
        /// A phrase some note of the run must contain.
        var note: String
        var testDescription: String { name }
    }

    static let customerHeader = "customer_id,name,email,phone,company,region,city,owner,created_at"
    static let orderHeader = "order_id,customer_id,order_date,amount,status"
    static func customer(_ i: Int) -> String {
        "C\(i),客户\(i),c\(i)@example.com,1380013\(String(format: "%04d", i)),公司\(i)有限公司,广东,深圳,王芳,2024-01-0\(i % 9 + 1) 09:00:00"
    }
    static let fewCustomers = (1...6).map(customer)

    static let cases: [Case] = [
        Case(name: "no orders", customers: fewCustomers, orders: [], note: "no orders"),
        Case(name: "one customer, one order", customers: [customer(1)], orders: ["O1,C1,2025-06-01,100.00,completed"], note: "churn"),
        Case(name: "all purchases on one day", customers: fewCustomers,
             orders: (1...6).flatMap { c in (1...3).map { k in "O\(c)-\(k),C\(c),2025-06-01,\(50 * k).00,completed" } }, note: "churn"),
        Case(name: "zero and negative amounts", customers: fewCustomers,
             orders: (1...6).flatMap { c in ["O\(c)a,C\(c),2025-03-0\(c),0,completed", "O\(c)b,C\(c),2025-05-0\(c),-20.00,completed",
                                              "O\(c)c,C\(c),2025-06-0\(c),-5,completed"] }, note: "churn"),
        Case(name: "three months of orders", customers: fewCustomers,
             orders: (1...6).flatMap { c in (4...6).map { m in "O\(c)-\(m),C\(c),2025-0\(m)-1\(c),\(100 + c * m).00,completed" } }, note: "forecast"),
    ]

    @Test(arguments: cases)
    func reportsSayWhatTheyCannotComputeAndShowNoNaN(_ c: Case) throws {
        let dir = PipelineRunnerTests.scratch("degenerate-\(c.name.filter(\.isLetter))")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ([Self.customerHeader] + c.customers).joined(separator: "\n").write(toFile: dir + "/customers.csv", atomically: true, encoding: .utf8)
        try ([Self.orderHeader] + c.orders).joined(separator: "\n").write(toFile: dir + "/orders.csv", atomically: true, encoding: .utf8)
        try """
        name: degenerate
        as_of: 2025-06-30
        sources:
          - { table: customers, file: customers.csv }
          - { table: orders, file: orders.csv }
        stages: [clean, resolve, rfm, funnel, churn, forecast, cohorts, service, performance, leads, segments]
        reports:
          - { html: index.html, lang: zh }
          - { csv: [segments, churn, funnel, forecast, cohorts, service, performance, leads, data_quality] }
        """.write(toFile: dir + "/pipeline.yml", atomically: true, encoding: .utf8)

        let out = dir + "/out"
        let config = try PipelineLoader.load(path: dir + "/pipeline.yml")
        let summary = try PipelineRunner(config: config, options: RunOptions(outDirectory: out, progress: ProgressReporter(style: .silent))).run()
        #expect(summary.rowsRead == summary.rowsLoaded + summary.rowsQuarantined)
        let files = PipelineRunnerTests.files(out)
        #expect(files["index.html"] != nil)
        let manifest = try JSONSerialization.jsonObject(with: files["manifest.json"] ?? Data()) as? [String: Any]
        let notes = (manifest?["stages"] as? [[String: Any]] ?? []).flatMap { $0["notes"] as? [String] ?? [] }
        #expect(notes.contains { $0.localizedCaseInsensitiveContains(c.note) }, "notes: \(notes)")
        for (path, data) in files where path.hasSuffix(".html") || path.hasSuffix(".csv") || path.hasSuffix(".json") {
            let text = String(decoding: data, as: UTF8.self)
            for bad in ["NaN", "nan,", ",nan", "Infinity", ",inf", "inf,", "-inf", ">inf<", ">nan<"] {
                #expect(!text.contains(bad), "\(path) contains \(bad)")
            }
        }
    }
}
