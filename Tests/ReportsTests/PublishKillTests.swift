import Foundation
import Testing
@testable import Reports

/// Kill -9 during real publishing: the test binary re-runs itself as a child that publishes
/// versions in a loop; the parent SIGKILLs it at varying moments and checks that the folder always
/// holds one complete version (or, in the one documented window, a complete backup that
/// `recover()` restores).
@Suite(.serialized) struct PublishKillTests {
    static let childVariable = "REPORTS_PUBLISH_KILL_CHILD_TARGET"
    static let fileNames = ["index.html", "a.csv", "b.csv", "c.csv"]

    /// Version `v` of the set: every file says which version it belongs to and is big enough
    /// (256 KiB) that writing it takes a moment.
    static func files(version v: Int) -> [ReportFile] {
        fileNames.map { name in
            var bytes = Array("v=\(v);".utf8)
            bytes += Array(repeating: UInt8(ascii: "x"), count: 256 * 1024)
            return ReportFile(name: name, bytes: bytes)
        }
    }

    /// The version a folder holds if it is one complete set, nil if missing, partial or mixed.
    static func completeVersion(_ dir: String) -> Int? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir).sorted(),
              names == fileNames.sorted() else { return nil }
        var versions = Set<Int>()
        for n in names {
            guard let data = FileManager.default.contents(atPath: dir + "/" + n) else { return nil }
            let head = String(decoding: data.prefix(16), as: UTF8.self)
            guard head.hasPrefix("v="), let semi = head.firstIndex(of: ";"),
                  let v = Int(head[head.index(head.startIndex, offsetBy: 2)..<semi]),
                  data.count == 256 * 1024 + head.distance(from: head.startIndex, to: semi) + 1
            else { return nil }
            versions.insert(v)
        }
        return versions.count == 1 ? versions.first : nil
    }

    /// The child half. In a normal run (no variable) it publishes two versions and checks them,
    /// so it tests the loop body; as a child it loops until killed.
    @Test func publishLoopForKillTest() throws {
        if let target = ProcessInfo.processInfo.environment[Self.childVariable] {
            let p = AtomicPublisher(target: target)
            let deadline = Date().addingTimeInterval(30)
            var v = 1
            while Date() < deadline {
                try p.publish(Self.files(version: v))
                v += 1
            }
            return
        }
        let dir = FileManager.default.temporaryDirectory.path + "/reports-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = AtomicPublisher(target: dir + "/report")
        try p.publish(Self.files(version: 1))
        #expect(Self.completeVersion(dir + "/report") == 1)
        try p.publish(Self.files(version: 2))
        #expect(Self.completeVersion(dir + "/report") == 2)
    }

    @Test func killDuringPublishLeavesACompleteSet() throws {
        let dir = FileManager.default.temporaryDirectory.path + "/reports-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/report"
        try AtomicPublisher(target: target).publish(Self.files(version: 0))

        let sawLaterVersion = try PublishKillHarness.killWhilePublishing(
            target: target, childTest: "publishLoopForKillTest", childVariable: Self.childVariable, completeVersion: Self.completeVersion)
        #expect(sawLaterVersion, "the child never got to publish; the kills tested nothing")
    }
}
