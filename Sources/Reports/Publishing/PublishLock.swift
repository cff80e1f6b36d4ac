#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exclusive right to publish into one target folder. Two runs writing the same `--out` (a cron
/// job overlapping a manual run) would otherwise delete each other's staging folder mid-write;
/// the second now stops at once with a clear message instead. An advisory `flock` on a hidden
/// file beside the target: the kernel drops it when the process dies, kill -9 included, so a
/// crashed run never blocks the next one. The holder removes the file when it lets go, so a
/// finished publish leaves nothing beside the report folder; a file left by a killed holder is
/// taken over by the next one and removed by it.
public final class PublishLock: @unchecked Sendable {
    let path: String
    private let fd: Int32

    /// Takes the lock for `publisher`'s target or throws `AtomicPublisher.Failure.busy` without waiting.
    init(for publisher: AtomicPublisher) throws {
        path = publisher.lockPath
        for _ in 0..<8 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw AtomicPublisher.Failure.io(DurableFiles.fail("open", path)) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                let failure = DurableFiles.fail("lock", path)
                close(fd)
                throw busy ? AtomicPublisher.Failure.busy(publisher.target) : AtomicPublisher.Failure.io(failure)
            }
            // The previous holder may have removed the file between our open and our flock: then we
            // hold a lock on a file nobody else will see. Only a lock on the file now at `path` counts.
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                self.fd = fd
                return
            }
            close(fd)
        }
        throw AtomicPublisher.Failure.busy(publisher.target)
    }

    deinit {
        // Remove first, then release: whoever opened this file meanwhile sees it is gone and retries.
        unlink(path)
        close(fd)
    }
}
