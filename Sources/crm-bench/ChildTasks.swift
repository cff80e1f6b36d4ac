import Columns
import Foundation
import Ingest

/// The work crm-bench measures, run inside a child process so its peak memory is its own:
///
///     crm-bench --child load TABLE FILE        one file into the store
///     crm-bench --child load-all DIR           the four main files together (memory bound)
///     crm-bench --child analytics DIR          every analysis after load (ChildTasks+Analytics)
///     crm-bench --child csv-encode TABLE FILE  report CSV encoding alone (ChildTasks+CSVEncode)
///
/// Each prints "rows seconds" on stdout, seconds timed inside (excluding process start).
enum ChildTasks {
    static func run(_ args: [String]) throws {
        switch args.first {
        case "load" where args.count == 3:
            guard let table = CanonicalTable(rawValue: args[1]) else { throw BenchError.usage("unknown table \(args[1])") }
            let start = Date()
            let result = try CSVLoader.load(path: args[2], options: CSVOptions(table: table))
            print(result.account.rowsLoaded, Date().timeIntervalSince(start))
        case "load-all" where args.count == 2:
            let start = Date()
            var rows = 0
            var keep: [Table] = []
            for table in BenchSuite.mainTables {
                let result = try CSVLoader.load(path: args[1] + "/\(table.rawValue).csv", options: CSVOptions(table: table))
                rows += result.account.rowsLoaded
                keep.append(result.table)
            }
            print(rows, Date().timeIntervalSince(start))
            withExtendedLifetime(keep) {}
        case "analytics" where args.count == 2 || (args.count == 3 && args[2] == "sequential"):
            try analytics(directory: args[1], sequential: args.count == 3)
        case "query": try query(Array(args.dropFirst()))
        case "clean" where args.count == 2: try clean(args[1])
        case "resolve", "resolve-generated": try ResolveChild.run(args)
        case "csv-encode": try CSVEncodeChild.run(args)
        default:
            throw BenchError.usage("child tasks: load TABLE FILE | load-all DIR | analytics DIR [sequential] | query … | clean DIR | resolve DIR | resolve-generated N SEED | csv-encode TABLE FILE [REPEATS]")
        }
    }
}
