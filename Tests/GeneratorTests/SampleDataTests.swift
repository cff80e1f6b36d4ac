import Foundation
import Testing
@testable import Generator

/// Where the committed sample data lives, found from this file's path.
enum SampleData {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data").path
    static func path(_ relative: String) -> String { root + "/" + relative }
}

/// The committed sample-data/csv is exactly the generator's output for `GeneratorConfig.sampleData`.
/// With CRM_REGENERATE_SAMPLE_DATA=1 the test rewrites it instead (scripts/make-sample-data.sh).
@Suite struct SampleDataTests {
    @Test func committedCSVMatchesTheGenerator() throws {
        let target = SampleData.path("csv")
        if ProcessInfo.processInfo.environment["CRM_REGENERATE_SAMPLE_DATA"] == "1" {
            _ = try DataGenerator.generate(.sampleData, to: target)
            return
        }
        let dir = NSTemporaryDirectory() + "generator-sample-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try DataGenerator.generate(.sampleData, to: dir)
        for name in DataGenerator.fileNames {
            let committed = FileManager.default.contents(atPath: target + "/" + name)
            #expect(committed != nil, "sample-data/csv/\(name) is missing")
            #expect(committed == FileManager.default.contents(atPath: dir + "/" + name),
                    "sample-data/csv/\(name) is not the generator's output; run scripts/make-sample-data.sh")
        }
    }
}
