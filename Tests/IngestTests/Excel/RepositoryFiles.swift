import Foundation

/// Committed inputs the Ingest tests read: the xlsx fixtures next to these tests and sample-data/.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func excelFixture(_ name: String) -> String { root + "/Tests/IngestTests/Excel/Fixtures/" + name }
    static func sampleData(_ relative: String) -> String { root + "/sample-data/" + relative }
}
