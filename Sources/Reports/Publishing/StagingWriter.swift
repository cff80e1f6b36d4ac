import Checksums
import Dispatch
import Foundation

/// The one background writer of a `StagedReportSet`: files are created, written, fsynced and
/// hashed in the order they were handed over, while the caller computes the next ones. Handed-over
/// bytes wait in a queue bounded by `pendingLimit`; a caller that gets that far ahead waits, so the
/// queue never holds more than about that much (a single larger file is let through alone).
/// After the first failure nothing more is written; the failure is kept for the caller.
final class StagingWriter: @unchecked Sendable {
    private let files = DispatchQueue(label: "crm.publish.staging-writer")
    private let state = NSCondition()
    private var pendingBytes = 0
    /// Direct writes (large files such as the Arrow snapshot) still running, each on a thread of
    /// its own: seconds of I/O and hashing would otherwise hold a worker of the pool the
    /// analyses' `concurrentPerform` runs on.
    private var directRunning = 0
    private var written: [StagedReportSet.Entry] = []
    private var failure: (any Error)?
    private var cancelled = false

    let staging: String
    let pendingLimit: Int
    let afterStep: @Sendable (PublishStep) throws -> Void

    init(staging: String, pendingLimit: Int, afterStep: @escaping @Sendable (PublishStep) throws -> Void) {
        self.staging = staging
        self.pendingLimit = pendingLimit
        self.afterStep = afterStep
    }

    /// Queues `file` (its folders already exist in staging); waits while the queue is full.
    /// Throws the first failure of an earlier write instead of queueing more after it.
    func enqueue(_ file: ReportFile) throws {
        let size = file.bytes.count
        state.lock()
        while failure == nil && !cancelled && pendingBytes > 0 && pendingBytes + size > pendingLimit { state.wait() }
        if let failure {
            state.unlock()
            throw failure
        }
        pendingBytes += size
        state.unlock()
        files.async { self.writeOne(file) }
    }

    /// Runs `job` with the staging path on its own thread, beside the file queue.
    func enqueueDirect(_ job: @escaping @Sendable (String) throws -> Void) throws {
        try throwIfFailed()
        state.lock()
        directRunning += 1
        state.unlock()
        let thread = Thread {
            if !self.stopped {
                do { try job(self.staging) } catch { self.fail(error) }
            }
            self.state.lock()
            self.directRunning -= 1
            self.state.broadcast()
            self.state.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits until everything handed over so far is on disk; returns what was written, in the
    /// order it was handed over, or throws the first failure.
    func drain() throws -> [StagedReportSet.Entry] {
        files.sync {}
        state.lock()
        defer { state.unlock() }
        while directRunning > 0 { state.wait() }
        if let failure { throw failure }
        return written
    }

    /// Stops writing: queued files are dropped, a write in progress is let finish.
    func cancel() {
        state.lock()
        cancelled = true
        state.broadcast()
        while directRunning > 0 { state.wait() }
        state.unlock()
        files.sync {}
    }

    private var stopped: Bool {
        state.lock()
        defer { state.unlock() }
        return cancelled || failure != nil
    }

    private func throwIfFailed() throws {
        state.lock()
        defer { state.unlock() }
        if let failure { throw failure }
    }

    private func fail(_ error: any Error) {
        state.lock()
        if failure == nil { failure = error }
        state.broadcast()
        state.unlock()
    }

    private func writeOne(_ file: ReportFile) {
        defer {
            state.lock()
            pendingBytes -= file.bytes.count
            state.broadcast()
            state.unlock()
        }
        guard !stopped else { return }
        do {
            try DurableFiles.writeNew(staging + "/" + file.name, file.bytes)
            var digest = SHA256Digest()
            file.bytes.withUnsafeBytes { digest.update($0) }
            let entry = StagedReportSet.Entry(name: file.name, bytes: file.bytes.count, sha256: digest.finalizeHex())
            state.lock()
            written.append(entry)
            state.unlock()
            try afterStep(.fileWritten)
        } catch {
            fail(error)
        }
    }
}
