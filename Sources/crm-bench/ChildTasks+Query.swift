import Foundation
import Query

extension ChildTasks {
    /// `query SNAPSHOT_DIR EXPR`: opens the snapshot folder, compiles and runs one segment
    /// expression to a count, as `crm query EXPR --count` does; prints "rows seconds cpu_seconds":
    /// wall time from before the manifest is read to the count (process start-up excluded), and
    /// the CPU time the process used over the same span, all threads (on a shared machine the
    /// wall time waits for cores; the CPU time does not).
    static func query(_ args: [String]) throws {
        guard args.count == 2 else { throw BenchError.usage("child tasks: query SNAPSHOT_DIR EXPR") }
        let cpu0 = cpuSeconds()
        let start = Date()
        let rows = try SegmentQuery.open(args[1], snapshotDirectory: args[0]).run().count
        print(rows, Date().timeIntervalSince(start), cpuSeconds() - cpu0)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
