/// Publishes a report set (a folder of files) so that a crash or kill -9 at any moment leaves the
/// previous complete set or the new complete set — never half of one.
///
/// Protocol, for target `out/report`:
/// 1. `recover()` finishes or undoes an interrupted earlier publish.
/// 2. Write every file into `out/.report.staging`, fsync each, fsync the folder. Files are
///    written as they are handed over (`begin` → `StagedReportSet`), by one background writer.
/// 3. Rename `out/report` → `out/.report.previous` (the backup), then `out/.report.staging` →
///    `out/report`; fsync `out`.
/// 4. Remove the backup.
/// The only moment the target name is absent is between the two renames of step 3; the previous
/// set is then complete under the backup name, and `recover()` (run first by every publish, or by
/// a reader that finds the target missing) renames it back. One publisher per target at a time,
/// enforced by `PublishLock` (`out/.report.lock`): a second one fails at once as `.busy`.
public struct AtomicPublisher: Sendable {
    public let target: String
    let staging: String
    let backup: String
    let lockPath: String
    /// Called after each step; tests throw from it to inject failures and crashes.
    var afterStep: @Sendable (PublishStep) throws -> Void = { _ in }

    /// `target`: the folder the report set lives in; its parent must exist.
    public init(target: String) {
        var t = target
        while t.count > 1 && t.hasSuffix("/") { t.removeLast() }
        self.target = t
        let slash = t.lastIndex(of: "/")
        let name = slash.map { String(t[t.index(after: $0)...]) } ?? t
        let dir = slash.map { String(t[...$0]) } ?? ""
        self.staging = dir + "." + name + ".staging"
        self.backup = dir + "." + name + ".previous"
        self.lockPath = dir + "." + name + ".lock"
    }

    /// The exclusive right to publish into the target, taken early by a run (so an overlapping run
    /// stops before doing its work) and handed to `publish`. Throws `.busy` when another holds it.
    public func lock() throws -> PublishLock { try PublishLock(for: self) }

    var parent: String {
        guard let slash = target.lastIndex(of: "/") else { return "." }
        let p = String(target[..<slash])
        return p.isEmpty ? "/" : p
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unsafeFileName(String)
        case duplicateFileName(String)
        case io(PublishError)
        /// Another process is publishing into this target right now.
        case busy(String)

        public var description: String {
            switch self {
            case .unsafeFileName(let n): "report file name \"\(InertText.clean(n))\" would leave the report folder"
            case .duplicateFileName(let n): "report file \"\(InertText.clean(n))\" is listed twice"
            case .io(let e): e.description
            case .busy(let t): "another crm run is writing to \(InertText.clean(t)) right now; wait for it to finish or pick another --out"
            }
        }
    }

    /// Starts publishing a report set file by file (`StagedReportSet`): takes the lock (or uses
    /// `held`, taken earlier by the caller), runs `recover()` and creates the staging folder.
    /// `pendingLimit`: how many bytes handed to `write` may wait for the writer.
    public func begin(holding held: PublishLock? = nil, pendingLimit: Int = StagedReportSet.defaultPendingLimit) throws -> StagedReportSet {
        let lock = try held ?? self.lock()
        return try StagedReportSet(publisher: self, holding: lock, pendingLimit: pendingLimit)
    }

    /// Replaces the target's contents with exactly `files`, plus whatever `writeMore` writes into
    /// the staging folder it is given (large outputs such as the Arrow snapshot, written straight
    /// to disk rather than held in memory). Both land together or not at all.
    /// `holding`: the lock from `lock()` when the caller took it earlier; otherwise publish takes
    /// and releases its own.
    public func publish(_ files: [ReportFile], holding held: PublishLock? = nil, writeMore: ((String) throws -> Void)? = nil) throws {
        let lock = try held ?? self.lock()
        defer { withExtendedLifetime(lock) {} }
        // Refused before the disk is touched; `StagedReportSet.write` checks again, file by file.
        var seen = Set<String>()
        for f in files {
            guard f.hasSafeName else { throw Failure.unsafeFileName(f.name) }
            guard seen.insert(f.name).inserted else { throw Failure.duplicateFileName(f.name) }
        }
        let set = try begin(holding: lock)
        do {
            for f in files { try set.write(f) }
            try writeMore?(set.stagingPath)
        } catch {
            set.abandon()
            throw wrap(error)
        }
        try set.commit()
    }

    /// Brings the folder back to a clean state after an interrupted publish: a backup with no
    /// target means the crash came between the renames, so the backup is the live set again; a
    /// backup beside a target is stale; staging is always an unfinished set.
    /// Takes the lock, so it never touches a set another process is publishing (`.busy` then).
    public func recover() throws {
        let lock = try self.lock()
        try recover(holding: lock)
    }

    func recover(holding lock: PublishLock) throws {
        defer { withExtendedLifetime(lock) {} }
        do {
            if DurableFiles.exists(backup) {
                if DurableFiles.exists(target) {
                    try DurableFiles.removeTree(backup)
                } else {
                    try DurableFiles.move(backup, target)
                    try DurableFiles.syncDirectory(parent)
                }
            }
            try DurableFiles.removeTree(staging)
        } catch {
            throw wrap(error)
        }
    }

    func wrap(_ error: any Error) -> any Error {
        if let e = error as? PublishError { return Failure.io(e) }
        return error
    }
}
