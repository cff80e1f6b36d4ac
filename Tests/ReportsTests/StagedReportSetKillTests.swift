import Foundation
import Testing
@testable import Reports

/// Kill -9 while a set is being streamed: the test binary re-runs itself as a child that streams
/// versions in a loop (files handed to the background writer one by one, a nested folder, and a
/// file written directly into staging); the parent SIGKILLs it at varying moments and checks that
/// the folder always holds one complete version, as `PublishKillTests` does for `publish`.
@Suite(.serialized) struct StagedReportSetKillTests {
    static let childVariable = "REPORTS_STAGED_KILL_CHILD_TARGET"
    static let fileNames = ["index.html", "a.csv", "scope/x/b.csv", "snapshot/direct.bin"]

    static func bytes(version v: Int) -> [UInt8] {
        Array("v=\(v);".utf8) + Array(repeating: UInt8(ascii: "x"), count: 256 * 1024)
    }

    static func stream(version v: Int, into p: AtomicPublisher) throws {
        let set = try p.begin()
        _ = try set.folder("snapshot")
        try set.writeDirectly { staging in
            try Data(bytes(version: v)).write(to: URL(fileURLWithPath: staging + "/snapshot/direct.bin"))
        }
        for name in fileNames.dropLast() { try set.write(ReportFile(name: name, bytes: bytes(version: v))) }
        try set.commit()
    }

    /// The version a folder holds if it is one complete set, nil if missing, partial or mixed.
    static func completeVersion(_ dir: String) -> Int? {
        var versions = Set<Int>()
        for n in fileNames {
            guard let data = FileManager.default.contents(atPath: dir + "/" + n) else { return nil }
            let head = String(decoding: data.prefix(16), as: UTF8.self)
            guard head.hasPrefix("v="), let semi = head.firstIndex(of: ";"),
                  let v = Int(head[head.index(head.startIndex, offsetBy: 2)..<semi]), Array(data) == bytes(version: v)
            else { return nil }
            versions.insert(v)
        }
        let top = (try? FileManager.default.contentsOfDirectory(atPath: dir).sorted()) ?? []
        return versions.count == 1 && top == ["a.csv", "index.html", "scope", "snapshot"] ? versions.first : nil
    }

    /// The child half; in a normal run it streams two versions and checks them.
    @Test func streamLoopForKillTest() throws {
        if let target = ProcessInfo.processInfo.environment[Self.childVariable] {
            let p = AtomicPublisher(target: target)
            let deadline = Date().addingTimeInterval(30)
            var v = 1
            while Date() < deadline {
                try Self.stream(version: v, into: p)
                v += 1
            }
            return
        }
        let dir = FileManager.default.temporaryDirectory.path + "/reports-staged-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = AtomicPublisher(target: dir + "/report")
        try Self.stream(version: 1, into: p)
        #expect(Self.completeVersion(dir + "/report") == 1)
        try Self.stream(version: 2, into: p)
        #expect(Self.completeVersion(dir + "/report") == 2)
    }

    @Test func killWhileStreamingLeavesACompleteSet() throws {
        let dir = FileManager.default.temporaryDirectory.path + "/reports-staged-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/report"
        try Self.stream(version: 0, into: AtomicPublisher(target: target))

        let sawLaterVersion = try PublishKillHarness.killWhilePublishing(
            target: target, childTest: "streamLoopForKillTest", childVariable: Self.childVariable, completeVersion: Self.completeVersion)
        #expect(sawLaterVersion, "the child never got to stream a set; the kills tested nothing")
    }
}
