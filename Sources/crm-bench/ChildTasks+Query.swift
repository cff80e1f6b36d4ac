import Foundation
import Query

extension ChildTasks {
    /// `query SNAPSHOT_DIR EXPR`: opens the snapshot folder, compiles and runs one segment
    /// expression to a count, as `crm query EXPR --count` does; prints "rows seconds", seconds
    /// from before the manifest is read to the count (process start-up excluded).
    static func query(_ args: [String]) throws {
        guard args.count == 2 else { throw BenchError.usage("child tasks: query SNAPSHOT_DIR EXPR") }
        let start = Date()
        let rows = try SegmentQuery.open(args[1], snapshotDirectory: args[0]).run().count
        print(rows, Date().timeIntervalSince(start))
    }
}
