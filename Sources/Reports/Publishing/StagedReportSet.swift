/// A report set being published while it is produced: each file goes to the staging folder as
/// soon as it exists (written, fsynced and hashed by one background writer while the caller
/// computes the next), instead of the whole set waiting in memory for one `publish`.
///
/// Made by `AtomicPublisher.begin(holding:)`, which takes the lock, runs `recover()` and creates
/// the staging folder. `commit()` waits for the writer, syncs the folders and swaps the set in
/// exactly as `AtomicPublisher.publish` does. Until then the previous set stays live and
/// untouched: `abandon()`, a failed write, or dropping the session without committing removes
/// staging. Call it from one thread at a time.
public final class StagedReportSet: @unchecked Sendable {
    /// What the writer recorded for one file handed to `write`: for manifest.json.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var bytes: Int
        public var sha256: String
    }

    /// How many handed-over bytes may wait for the writer before `write` waits for it.
    public static let defaultPendingLimit = 64 << 20

    let publisher: AtomicPublisher
    private var lock: PublishLock?
    private let writer: StagingWriter
    private var names = Set<String>()
    /// Folders (relative) created in staging, fsynced at commit.
    private var folders = Set<String>()
    private var state = State.open

    enum State { case open, committed, abandoned, crashed }

    /// The staging folder; large outputs may be written into it directly (`writeDirectly`).
    public var stagingPath: String { publisher.staging }

    init(publisher: AtomicPublisher, holding lock: PublishLock, pendingLimit: Int) throws {
        self.publisher = publisher
        self.lock = lock
        writer = StagingWriter(staging: publisher.staging, pendingLimit: pendingLimit, afterStep: publisher.afterStep)
        try publisher.recover(holding: lock)
        do {
            try DurableFiles.makeDirectory(publisher.staging)
            try publisher.afterStep(.stagingCreated)
        } catch let crash as SimulatedCrash {
            state = .crashed
            throw crash
        } catch {
            state = .abandoned
            try? DurableFiles.removeTree(publisher.staging)
            throw publisher.wrap(error)
        }
    }

    deinit {
        switch state {
        case .open: abandon()
        case .crashed: writer.cancel()
        case .committed, .abandoned: break
        }
    }

    /// Hands `file` to the background writer, which creates it in staging (never over an existing
    /// file), writes, fsyncs and hashes it and then lets its bytes go. Waits only when the writer is
    /// far behind. A name that would leave the folder or was already written is refused here;
    /// a failure of an earlier write is thrown here (and the session abandoned) or by `commit`.
    public func write(_ file: ReportFile) throws {
        precondition(state == .open, "write after the staged set was committed or abandoned")
        guard file.hasSafeName else { throw AtomicPublisher.Failure.unsafeFileName(file.name) }
        guard !names.contains(file.name) else { throw AtomicPublisher.Failure.duplicateFileName(file.name) }
        try surfacing {
            for folder in file.parentFolders { try makeFolderOnce(folder) }
            try writer.enqueue(file)
        }
        names.insert(file.name)
    }

    /// Creates `relative` (a safe relative folder name) in staging, if not there yet, and returns
    /// its path, for files written straight to disk; it is fsynced with the set at commit.
    public func folder(_ relative: String) throws -> String {
        precondition(state == .open, "folder after the staged set was committed or abandoned")
        guard ReportFile(name: relative, bytes: []).hasSafeName else { throw AtomicPublisher.Failure.unsafeFileName(relative) }
        try surfacing {
            let parts = relative.split(separator: "/")
            for i in parts.indices { try makeFolderOnce(parts[...i].joined(separator: "/")) }
        }
        return stagingPath + "/" + relative
    }

    /// Runs `job` with the staging path on a thread of its own, beside the file writer: for a
    /// large output written straight into staging (the Arrow snapshot) while the caller goes on.
    /// Its files have no entries; `written()` and `commit` wait for it and throw its error.
    public func writeDirectly(_ job: @escaping @Sendable (_ staging: String) throws -> Void) throws {
        precondition(state == .open, "writeDirectly after the staged set was committed or abandoned")
        try surfacing { try writer.enqueueDirect(job) }
    }

    /// Waits until every file handed over so far, and every direct write, is written; returns the
    /// entries of the handed-over files in the order they were handed over (for manifest.json),
    /// or throws the first write failure.
    public func written() throws -> [Entry] {
        precondition(state == .open, "written after the staged set was committed or abandoned")
        return try surfacing { try writer.drain() }
    }

    /// Waits for the writer, then makes the staged set the live one: folders fsynced, the
    /// previous set renamed aside, staging renamed in, the parent fsynced, the backup removed.
    /// Returns the entries of the files handed to `write`, in order.
    @discardableResult
    public func commit() throws -> [Entry] {
        precondition(state == .open, "commit after the staged set was committed or abandoned")
        let entries = try surfacing { try writer.drain() }
        let staging = publisher.staging, target = publisher.target, backup = publisher.backup
        var movedAside = false
        do {
            for folder in folders.sorted(by: >) { try DurableFiles.syncDirectory(staging + "/" + folder) }
            try DurableFiles.syncDirectory(staging)
            try publisher.afterStep(.stagingSynced)
            if DurableFiles.exists(target) {
                try DurableFiles.move(target, backup)
                movedAside = true
                try publisher.afterStep(.previousMovedAside)
            }
            try DurableFiles.move(staging, target)
        } catch let crash as SimulatedCrash {
            state = .crashed
            throw crash
        } catch {
            // Undo: the previous set goes back under its name, the partial new one goes away.
            if movedAside && !DurableFiles.exists(target) { try? DurableFiles.move(backup, target) }
            abandon()
            throw publisher.wrap(error)
        }
        // The new set is live from here on; later failures leave it live and the backup for `recover`.
        state = .committed
        defer { lock = nil }
        do {
            try publisher.afterStep(.newMovedIn)
            try DurableFiles.syncDirectory(publisher.parent)
            try publisher.afterStep(.parentSynced)
            try DurableFiles.removeTree(backup)
            try publisher.afterStep(.backupRemoved)
        } catch let crash as SimulatedCrash {
            throw crash
        } catch {
            throw publisher.wrap(error)
        }
        return entries
    }

    /// Gives the set up: the writer stops, staging is removed, the previous set stays live and
    /// the lock (if the session took it) is let go. Does nothing after `commit`.
    public func abandon() {
        guard state == .open else { return }
        state = .abandoned
        writer.cancel()
        try? DurableFiles.removeTree(publisher.staging)
        lock = nil
    }

    private func makeFolderOnce(_ relative: String) throws {
        guard !folders.contains(relative) else { return }
        try DurableFiles.makeDirectory(stagingPath + "/" + relative)
        folders.insert(relative)
    }

    /// Runs `body`; a failure (its own or the writer's) ends the session: a simulated crash
    /// leaves staging as a kill would, anything else abandons it.
    private func surfacing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let crash as SimulatedCrash {
            state = .crashed
            writer.cancel()
            throw crash
        } catch {
            abandon()
            throw publisher.wrap(error)
        }
    }
}
