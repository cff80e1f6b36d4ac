import Checksums
import Foundation
import Testing
@testable import Pipelines

/// The nightly run streams its files into staging as they are made: manifest.json must still
/// account for exactly the files on disk, and a run that fails after it has streamed many of its
/// files must leave the previous report set as it was, with no staging folder behind.
@Suite(.serialized) struct StreamingPublishRunTests {
    static let root = PipelineRunnerTests.root

    @Test func manifestOutputsAreExactlyTheFilesOnDisk() throws {
        let dir = PipelineRunnerTests.scratch("stream-manifest")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try PipelineRunnerTests.run(into: dir + "/out")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/out/manifest.json"))) as! [String: Any]
        let outputs = try #require(manifest["outputs"] as? [[String: Any]])
        var listed: [String] = []
        for o in outputs {
            let name = try #require(o["file"] as? String)
            listed.append(name)
            let path = dir + "/out/" + name
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
            #expect(size == o["bytes"] as? Int, "\(name): size")
            #expect(try SHA256Digest.hex(ofFile: path) == o["sha256"] as? String, "\(name): sha256")
        }
        #expect(Set(listed).count == listed.count, "a file listed twice")
        // Every report file but the manifest itself is listed; the snapshot has its own manifest.
        let onDisk = PipelineRunnerTests.files(dir + "/out").keys.filter { $0 != "manifest.json" && !$0.hasPrefix("snapshot/") }
        #expect(Set(onDisk) == Set(listed))
        // The order is the order the run makes them: the page first, then the analysis CSVs.
        #expect(listed.first == "index.html")
        #expect(listed.firstIndex(of: "quarantine.csv")! < listed.firstIndex(of: "models.json")!)
        #expect(listed.firstIndex(of: "models.json")! < listed.firstIndex { $0.hasPrefix("scope/") }!)
        // The segment exports (whole and per scope) come before the scoped sets, which close the list.
        let lastSegmentExport = try #require(listed.lastIndex { $0.contains("segments/") })
        let firstScopedSetFile = try #require(listed.firstIndex { $0.hasPrefix("scope/") && !$0.contains("/segments/") })
        #expect(lastSegmentExport < firstScopedSetFile)
        #expect(listed.last?.hasPrefix("scope/") == true && listed.last?.hasSuffix("/customers.csv") == true)
        // Scoped sets are made one scope at a time: each scope's page and CSVs form one run of
        // the list, and its customers.csv closes it.
        let scoped = listed.filter { $0.hasPrefix("scope/") && !$0.contains("/segments/") }
        let scopeOf = { (name: String) in String(name.split(separator: "/")[1]) }
        var runs: [String] = []
        for name in scoped where runs.last != scopeOf(name) { runs.append(scopeOf(name)) }
        #expect(runs.count == Set(runs).count, "a scope's files are interleaved with another's: \(runs)")
        #expect(runs.count >= 7)
        for scope in runs {
            let files = scoped.filter { scopeOf($0) == scope }
            #expect(files.first == "scope/\(scope)/index.html" && files.last == "scope/\(scope)/customers.csv", "\(files)")
        }
    }

    /// A pipeline whose last step fails: a segment naming a column the data lacks is found only when
    /// the segments are selected, after the page, the CSVs, the scoped sets and the snapshot went to staging.
    static func pipelineWithBrokenSegment(in dir: String) throws -> String {
        var text = try String(contentsOfFile: root + "/pipelines/nightly.yml", encoding: .utf8)
        text = text.replacingOccurrences(of: "../sample-data/csv/", with: root + "/sample-data/csv/")
        text += "  broken: \"regoin = '华东'\"\n"
        let path = dir + "/broken.yml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aRunFailingAfterStreamingLeavesThePreviousSetAndNoStaging() throws {
        let dir = PipelineRunnerTests.scratch("stream-fail")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        _ = try PipelineRunnerTests.run(into: out)
        let before = PipelineRunnerTests.files(out)
        let config = try PipelineLoader.load(path: Self.pipelineWithBrokenSegment(in: dir))
        #expect {
            _ = try PipelineRunner(config: config, options: RunOptions(outDirectory: out, progress: ProgressReporter(style: .silent))).run()
        } throws: { error in
            "\(error)".contains("segments: broken")
        }
        #expect(PipelineRunnerTests.files(out) == before, "the previous report set changed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["broken.yml", "out"], "staging, backup or lock left behind")
        // The next good run publishes over it.
        _ = try PipelineRunnerTests.run(into: out)
        #expect(PipelineRunnerTests.files(out).keys.sorted() == before.keys.sorted())
    }
}
