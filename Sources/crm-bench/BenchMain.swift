import Foundation

/// crm-bench: measures crm against DuckDB and Polars on the same generated files, on the same
/// two cores, each side in its own child process (wall time and peak RSS from outside).
///
///     crm-bench [--customers N] [--seed S] [--data DIR] [--repeat K] [--only load|...] [--no-peers]
///
/// Data comes from `crm generate` and is cached in DIR (default bench-data/) between runs.
@main
enum BenchMain {
    static func main() {
        do {
            let args = Array(CommandLine.arguments.dropFirst())
            if args.first == "--child" {
                try ChildTasks.run(Array(args.dropFirst()))
                return
            }
            let options = try BenchOptions.parse(args)
            try BenchSuite(options: options).run()
        } catch {
            FileHandle.standardError.write(Data("crm-bench: \(error)\n".utf8))
            exit(1)
        }
    }
}

struct BenchOptions {
    var customers = 1_000_000
    var seed: UInt64 = 42
    var dataDirectory = "bench-data"
    var repeats = 3
    var only: Set<String> = []
    var peers = true
    var threads = 2

    static let usage = "usage: crm-bench [--customers N] [--seed S] [--data DIR] [--repeat K] [--only load,resolve,analytics,nightly] [--no-peers]"

    static func parse(_ args: [String]) throws -> BenchOptions {
        var o = BenchOptions()
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw BenchError.usage(usage) }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--customers": o.customers = try Int(value()).flatMap { $0 > 0 ? $0 : nil } ?? { throw BenchError.usage(usage) }()
            case "--seed": o.seed = try UInt64(value()) ?? { throw BenchError.usage(usage) }()
            case "--data": o.dataDirectory = try value()
            case "--repeat": o.repeats = try Int(value()).flatMap { $0 > 0 ? $0 : nil } ?? { throw BenchError.usage(usage) }()
            case "--only": o.only = Set(try value().split(separator: ",").map(String.init))
            case "--no-peers": o.peers = false
            case "-h", "--help":
                print(usage)
                exit(0)
            default: throw BenchError.usage("unknown option \(args[i])\n\(usage)")
            }
            i += 1
        }
        return o
    }
}
