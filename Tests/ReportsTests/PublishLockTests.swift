import Foundation
import Testing
@testable import Reports

/// One publisher per target: an overlapping publish stops at once with `.busy` and leaves the
/// other's staging folder and the live set alone; the lock goes away with its holder.
@Suite struct PublishLockTests {
    @Test func secondPublisherIsTurnedAwayWhileTheFirstHoldsTheLock() throws {
        let dir = try AtomicPublisherTests.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let publisher = AtomicPublisher(target: dir + "/report")
        try publisher.publish(AtomicPublisherTests.old)

        let held = try publisher.lock()
        #expect(throws: AtomicPublisher.Failure.busy(dir + "/report")) { _ = try publisher.lock() }
        #expect(throws: AtomicPublisher.Failure.busy(dir + "/report")) { try publisher.publish(AtomicPublisherTests.new) }
        #expect(AtomicPublisherTests.contents(dir + "/report") == AtomicPublisherTests.asSet(AtomicPublisherTests.old))

        // The holder publishes with its own lock.
        try publisher.publish(AtomicPublisherTests.new, holding: held)
        #expect(AtomicPublisherTests.contents(dir + "/report") == AtomicPublisherTests.asSet(AtomicPublisherTests.new))
        withExtendedLifetime(held) {}
    }

    @Test func lockIsFreeAgainWhenItsHolderGoesAway() throws {
        let dir = try AtomicPublisherTests.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let publisher = AtomicPublisher(target: dir + "/report")
        do { _ = try publisher.lock() }
        try publisher.publish(AtomicPublisherTests.old)
        #expect(AtomicPublisherTests.contents(dir + "/report") == AtomicPublisherTests.asSet(AtomicPublisherTests.old))
    }

    /// A holder killed with SIGKILL leaves no stale lock: the kernel drops a flock with its process.
    @Test func lockOfAKilledProcessIsReleased() throws {
        let dir = try AtomicPublisherTests.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let publisher = AtomicPublisher(target: dir + "/report")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        // -o: the sleeping child must not inherit the lock, or it would outlive the killed holder.
        holder.arguments = ["-o", publisher.lockPath, "sleep", "30"]
        // The orphaned sleep must not keep the test runner's output open for its 30 seconds.
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        // Wait until the child holds it.
        var busy = false
        for _ in 0..<100 where !busy {
            do { _ = try publisher.lock(); usleep(20_000) } catch AtomicPublisher.Failure.busy { busy = true }
        }
        #expect(busy, "the child should hold the lock")
        kill(holder.processIdentifier, SIGKILL)
        // Not waitUntilExit: Foundation waits there for the orphaned sleep as well (30 s). The
        // kernel drops the flock when the killed process's descriptor closes, so the lock must
        // come free within moments; flock(1) with -o holds it on its own descriptor only.
        var acquired = false
        for _ in 0..<250 where !acquired {
            do { _ = try publisher.lock(); acquired = true } catch AtomicPublisher.Failure.busy { usleep(20_000) }
        }
        #expect(acquired, "the lock should be free once its holder is killed")
    }
}
