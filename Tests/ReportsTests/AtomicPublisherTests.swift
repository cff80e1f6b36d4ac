import Foundation
import Testing
@testable import Reports

/// The publishing protocol's invariant, checked with a failure or a simulated kill -9 after every
/// step: at any moment the target holds the previous complete set or the new complete set, and
/// `recover()` always brings the folder back to exactly one complete set with no leftovers.
@Suite struct AtomicPublisherTests {
    static let old = [ReportFile(name: "index.html", text: "old page"), ReportFile(name: "a.csv", text: "old,a\r\n")]
    static let new = [ReportFile(name: "index.html", text: "new page"), ReportFile(name: "b.csv", text: "new,b\r\n"),
                      ReportFile(name: "c.csv", bytes: Array(repeating: 0x41, count: 1 << 20))]

    enum Fault: String, CaseIterable { case error, crash }
    struct Injected: Error {}

    static func scratchDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.path + "/reports-publish-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The files of a folder, or nil if it does not exist.
    static func contents(_ dir: String) -> [String: [UInt8]]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return nil }
        var out: [String: [UInt8]] = [:]
        for n in names { out[n] = FileManager.default.contents(atPath: dir + "/" + n).map { Array($0) } }
        return out
    }

    static func asSet(_ files: [ReportFile]) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.bytes) })
    }

    @Test func publishesThenReplacesWithoutLeftovers() throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = AtomicPublisher(target: dir + "/report/")
        try p.publish(Self.old)
        #expect(Self.contents(dir + "/report") == Self.asSet(Self.old))
        try p.publish(Self.new)
        #expect(Self.contents(dir + "/report") == Self.asSet(Self.new))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report"])
    }

    static var cases: [(PublishStep, Fault)] {
        PublishStep.allCases.flatMap { s in Fault.allCases.map { (s, $0) } }
    }

    @Test(arguments: cases)
    func interruptedPublishKeepsOneCompleteSet(step: PublishStep, fault: Fault) throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/report"
        try AtomicPublisher(target: target).publish(Self.old)

        var p = AtomicPublisher(target: target)
        p.afterStep = { s in
            guard s == step else { return }
            if fault == .crash { throw SimulatedCrash() } else { throw Injected() }
        }
        #expect(throws: (any Error).self) { try p.publish(Self.new) }

        let live = step == .newMovedIn || step == .parentSynced || step == .backupRemoved
        let expected = Self.asSet(live ? Self.new : Self.old)
        let now = Self.contents(target)
        if fault == .crash && step == .previousMovedAside {
            // The one window where the name is absent: the previous set is whole under the backup.
            #expect(now == nil)
            #expect(Self.contents(p.backup) == Self.asSet(Self.old))
        } else {
            #expect(now == expected, "target after \(fault) at \(step)")
        }
        if fault == .error && !live {
            #expect(!FileManager.default.fileExists(atPath: p.staging))
            #expect(!FileManager.default.fileExists(atPath: p.backup))
        }

        try AtomicPublisher(target: target).recover()
        #expect(Self.contents(target) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report"])

        try AtomicPublisher(target: target).publish(Self.new)
        #expect(Self.contents(target) == Self.asSet(Self.new))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report"])
    }

    @Test(arguments: ["../x", ".hidden", "", "nul\u{0}", "a/../b", "a//b", "a/.hidden", "/abs", "a/", "scope/..", "a/b/c/d/e/f/g/h/i"])
    func unsafeFileNamesAreRefusedBeforeTouchingTheDisk(name: String) throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: AtomicPublisher.Failure.unsafeFileName(name)) {
            try AtomicPublisher(target: dir + "/report").publish([ReportFile(name: name, text: "x")])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    /// Scoped reports and the snapshot live in subfolders of the set; they swap in with it.
    @Test func nestedFilesAndExtraWritesPublishTogether() throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/report"
        try AtomicPublisher(target: target).publish(Self.old)
        let files = [ReportFile(name: "index.html", text: "top"), ReportFile(name: "scope/华东/index.html", text: "east"),
                     ReportFile(name: "scope/华南/index.html", text: "south")]
        try AtomicPublisher(target: target).publish(files) { staging in
            try FileManager.default.createDirectory(atPath: staging + "/snapshot", withIntermediateDirectories: false)
            try "arrow".write(toFile: staging + "/snapshot/customers.arrow", atomically: false, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: target + "/scope/华东/index.html", encoding: .utf8) == "east")
        #expect(try String(contentsOfFile: target + "/snapshot/customers.arrow", encoding: .utf8) == "arrow")
        #expect(!FileManager.default.fileExists(atPath: target + "/a.csv"), "files of the previous set are gone")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report"])
    }

    @Test func failingExtraWriteKeepsThePreviousSet() throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/report"
        try AtomicPublisher(target: target).publish(Self.old)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try AtomicPublisher(target: target).publish(Self.new) { _ in throw Boom() }
        }
        #expect(Self.contents(target) == Self.asSet(Self.old))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report"])
    }

    @Test func missingParentIsAnErrorThatNamesThePath() throws {
        let p = AtomicPublisher(target: "/nonexistent-\(UUID().uuidString)/report")
        do {
            try p.publish(Self.old)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("nonexistent-"))
        }
    }

    @Test(arguments: [("out/report", "out/.report.staging", "out/.report.previous", "out"),
                      ("report", ".report.staging", ".report.previous", "."),
                      ("/report/", "/.report.staging", "/.report.previous", "/")])
    func sideFoldersLiveBesideTheTarget(target: String, staging: String, backup: String, parent: String) {
        let p = AtomicPublisher(target: target)
        #expect(p.staging == staging && p.backup == backup && p.parent == parent)
    }
}
