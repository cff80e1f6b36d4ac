import Foundation
import Testing
@testable import Reports

#if canImport(Glibc)
import Glibc
#endif

/// The parent half of the kill -9 tests: re-runs this test binary as a child that publishes into
/// `target` in a loop (the child test `childTest`, told the target by `childVariable`), SIGKILLs
/// it at fixed moments spread over its start-up and its publishing, and checks after each kill
/// that the folder holds one complete version — or, in the one documented window between the two
/// renames, a complete backup — and that `recover()` leaves exactly that complete set.
/// Returns whether the child ever got a later version in place; if never, the kills tested nothing.
enum PublishKillHarness {
    static let delaysMs = [150, 230, 310, 390, 470, 550, 630, 710]

    static func killWhilePublishing(target: String, childTest: String, childVariable: String,
                                    completeVersion: (String) -> Int?) throws -> Bool {
        let exe = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let folder = (target as NSString).deletingLastPathComponent
        var sawLaterVersion = false
        for delay in delaysMs {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: exe)
            child.arguments = ["--testing-library", "swift-testing", "--filter", childTest]
            child.environment = ProcessInfo.processInfo.environment.merging([childVariable: target]) { $1 }
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            usleep(UInt32(delay * 1000))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal, "child ended before it was killed")

            let p = AtomicPublisher(target: target)
            if let v = completeVersion(target) {
                if v > 0 { sawLaterVersion = true }
            } else {
                #expect(!FileManager.default.fileExists(atPath: target), "partial set after kill at \(delay) ms")
                #expect(completeVersion(p.backup) != nil, "backup incomplete after kill at \(delay) ms")
            }
            try p.recover()
            #expect(completeVersion(target) != nil, "no complete set after recovery (kill at \(delay) ms)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [(target as NSString).lastPathComponent])
        }
        return sawLaterVersion
    }
}
