import Columns
import Foundation
import Query
import Reports
import Testing

@testable import Pipelines

/// The nightly run exports each named segment of pipelines/nightly.yml as CSV, and the file holds
/// exactly what `crm query @NAME` selects from the snapshot that run wrote.
@Suite(.serialized) struct SegmentExportTests {
    /// One nightly run on the sample data, shared by the cases (a run takes seconds).
    static let run: (dir: String, files: [String: Data]) = {
        let dir = PipelineRunnerTests.scratch("segments")
        _ = try! PipelineRunnerTests.run(into: dir + "/out")
        return (dir + "/out", PipelineRunnerTests.files(dir + "/out"))
    }()

    static let segments = ["vip_east", "dormant_valuable"]

    @Test(arguments: segments)
    func csvEqualsCrmQueryOnTheSnapshot(segment: String) throws {
        let csv = try #require(Self.run.files["segments/\(segment).csv"], "no segments/\(segment).csv")
        let snapshot = Self.run.dir + "/snapshot"
        let query = try SegmentQuery.open("@" + segment, snapshotDirectory: snapshot, segments: try SegmentFile.load(directory: snapshot))
        let rows = try query.run()
        let expected = CSVWriter.encode(try query.result(rows: rows, columns: nil), bom: true)
        #expect(rows.count > 0, "@\(segment) selects nobody on the sample data, so the comparison proves little")
        #expect(csv == Data(expected), "segments/\(segment).csv differs from crm query @\(segment)")
        // lang zh: a UTF-8 BOM, as every CSV of the run.
        #expect(csv.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
    }

    @Test(arguments: segments)
    func manifestListsTheExport(segment: String) throws {
        let manifest = try #require(Self.run.files["manifest.json"])
        let object = try JSONSerialization.jsonObject(with: manifest) as! [String: Any]
        let outputs = (object["outputs"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        #expect(outputs.contains("segments/\(segment).csv"))
        #expect(outputs.contains { $0.hasPrefix("scope/") && $0.hasSuffix("/segments/\(segment).csv") })
    }

    /// Scope folders split each segment by region: together they hold its members once each,
    /// every scope file only its own region's customers, phones and e-mails masked (mask_pii: true),
    /// while the top-level file keeps them (it is not scoped).
    @Test(arguments: segments)
    func scopeFoldersSplitTheSegmentAndMaskPII(segment: String) throws {
        let files = Self.run.files
        let all = PipelineRunnerTests.csvColumn(try #require(files["segments/\(segment).csv"]), "customer_id")
        var seen: [String] = []
        for (name, data) in files.sorted(by: { $0.key < $1.key }) where name.hasPrefix("scope/") && name.hasSuffix("/segments/\(segment).csv") {
            let scope = name.split(separator: "/")[1]
            let regions = Set(PipelineRunnerTests.csvColumn(data, "region"))
            #expect(regions.isSubset(of: [String(scope), ""]), "\(name) holds regions \(regions)")
            seen += PipelineRunnerTests.csvColumn(data, "customer_id")
            for column in ["phone", "phone_e164"] {
                let unmasked = PipelineRunnerTests.csvColumn(data, column).filter { !$0.isEmpty && !$0.contains("****") }
                #expect(unmasked.isEmpty, "unmasked \(column) in \(name): \(unmasked.prefix(3))")
            }
            for column in ["email", "email_normalized"] {
                let unmasked = PipelineRunnerTests.csvColumn(data, column).filter { !$0.isEmpty && !$0.contains("***") }
                #expect(unmasked.isEmpty, "unmasked \(column) in \(name): \(unmasked.prefix(3))")
            }
        }
        #expect(seen.sorted() == all.sorted())
        let phones = PipelineRunnerTests.csvColumn(try #require(files["segments/\(segment).csv"]), "phone")
        #expect(phones.contains { !$0.isEmpty && !$0.contains("****") })
    }

    /// A segment naming a column the data lacks stops the run with the segment's name and where.
    @Test func unknownColumnInASegmentStopsTheRun() throws {
        let customers = try Table(name: "customers", columns: [("customer_id", .string(.init(["a", "b"])))])
        let exports = SegmentExports(customers: customers, related: [], asOf: 20_000, segments: [("bad", "regoin = '华东'")])
        #expect {
            _ = try exports.selections()
        } throws: { error in
            let text = "\(error)"
            return text.contains("segments: bad") && text.contains("regoin")
        }
    }
}
