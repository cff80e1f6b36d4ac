/// The steps of publishing a report set, in order. Each is a point where a crash may happen; the
/// tests inject failures and simulated crashes after each one.
public enum PublishStep: String, Sendable, CaseIterable {
    /// The hidden staging folder beside the target exists (empty).
    case stagingCreated
    /// One more file is written and fsynced in staging (reported once per file, by the
    /// background writer of `StagedReportSet`).
    case fileWritten
    /// The staging folder's entries are fsynced: the new set is complete on disk.
    case stagingSynced
    /// The previous set was renamed to the backup name (skipped when there was none).
    case previousMovedAside
    /// Staging was renamed to the target: the new set is live.
    case newMovedIn
    /// The parent folder is fsynced, so the renames survive a power loss.
    case parentSynced
    /// The backup of the previous set is gone.
    case backupRemoved
}

public struct PublishError: Error, Equatable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var errno: Int32

    public var description: String {
        "publishing reports: \(operation) \(path) failed (errno \(errno))"
    }
}

/// Thrown by a test's fault hook to stop publishing dead, as kill -9 would: no cleanup runs.
struct SimulatedCrash: Error {}
