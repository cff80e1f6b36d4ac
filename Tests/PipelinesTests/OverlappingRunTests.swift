import Foundation
import Reports
import Testing
@testable import Pipelines

/// A run into an --out another run is publishing to stops before it loads anything, with a message
/// that says why, and leaves that folder alone.
@Suite struct OverlappingRunTests {
    @Test func secondRunIntoTheSameFolderStopsAtOnce() throws {
        let dir = PipelineRunnerTests.scratch("overlap")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/report"
        let held = try AtomicPublisher(target: out).lock()
        let config = try PipelineLoader.load(path: PipelineRunnerTests.root + "/pipelines/nightly.yml")
        let started = Date()
        do {
            _ = try PipelineRunner(config: config, options: RunOptions(outDirectory: out, progress: ProgressReporter(style: .silent))).run()
            Issue.record("the overlapping run went ahead")
        } catch {
            #expect("\(error)".contains("another crm run is writing to"), "\(error)")
        }
        #expect(Date().timeIntervalSince(started) < 2, "it should stop before loading the sources")
        #expect(!FileManager.default.fileExists(atPath: out))
        withExtendedLifetime(held) {}
    }
}
