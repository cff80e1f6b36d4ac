import Columns
import Foundation

/// Tables handed to another thread exactly once, so that the receiver can end up holding the only
/// reference and free each table as it is done with it (the snapshot writer): a closure that
/// captured the array itself would keep every table alive until the closure went away.
final class TableHandOff: @unchecked Sendable {
    private var tables: [Table]?
    private let lock = NSLock()

    init(_ tables: [Table]) { self.tables = tables }

    /// The tables, once; an empty array after that.
    func take() -> [Table] {
        lock.lock()
        defer { lock.unlock() }
        let taken = tables ?? []
        tables = nil
        return taken
    }
}
