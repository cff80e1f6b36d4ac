/// Why a snapshot or Arrow file could not be written or read. Messages name the file and what
/// was wrong, so a user handed a foreign or damaged file knows which and why.
public enum SnapshotError: Error, Equatable, CustomStringConvertible {
    /// Bytes that are not an Arrow IPC file, or one damaged in transit.
    case corrupt(String)
    /// A valid Arrow file using features the snapshot reader does not read (it reads what the
    /// writer writes).
    case unsupported(String)
    /// A file-system failure: path and cause.
    case io(String)
    /// The manifest or the request is inconsistent (unknown table, bad name, version).
    case invalid(String)

    /// The same error with where it happened (a file, a batch) in front of its message.
    func prefixed(_ context: String) -> SnapshotError {
        switch self {
        case .corrupt(let m): .corrupt("\(context): \(m)")
        case .unsupported(let m): .unsupported("\(context): \(m)")
        case .io(let m): .io(m.hasPrefix(context) ? m : "\(context): \(m)")
        case .invalid(let m): .invalid("\(context): \(m)")
        }
    }

    public var description: String {
        switch self {
        case .corrupt(let m): "not a valid Arrow IPC file: \(m)"
        case .unsupported(let m): "unsupported Arrow feature: \(m)"
        case .io(let m): "snapshot I/O failed: \(m)"
        case .invalid(let m): "invalid snapshot: \(m)"
        }
    }
}
