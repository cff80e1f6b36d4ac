import Foundation

/// Runs a command as a child process and measures it from outside — wall time and the child's
/// peak resident memory from `wait4`'s rusage — so our loader and the DuckDB/Polars peers are
/// measured by the same yardstick.
struct MeasuredRun {
    var seconds: Double
    var peakRSSBytes: Int
    var exitStatus: Int32
    var output: String

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> MeasuredRun {
        let outPath = NSTemporaryDirectory() + "crm-bench-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).out"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_TRUNC, 0o644)

        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envStrings = env.map { "\($0.key)=\($0.value)" }

        let executable = try resolve(arguments[0])
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = envStrings.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = Date()
        let rc = posix_spawn(&pid, executable, &actions, nil, &argv, &envp)
        guard rc == 0 else { throw BenchError.spawn(arguments.joined(separator: " "), rc) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        let exitStatus = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return MeasuredRun(seconds: seconds, peakRSSBytes: Int(usage.ru_maxrss) * 1024, exitStatus: exitStatus, output: output)
    }

    /// An absolute path for `name`, searching PATH like a shell.
    static func resolve(_ name: String) throws -> String {
        if name.contains("/") { return name }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw BenchError.notFound(name)
    }
}

enum BenchError: Error, CustomStringConvertible {
    case spawn(String, Int32)
    case notFound(String)
    case failed(String, String)
    case usage(String)

    var description: String {
        switch self {
        case .spawn(let c, let rc): "cannot start \(c): \(String(cString: strerror(rc)))"
        case .notFound(let n): "\(n) not found on PATH"
        case .failed(let c, let out): "\(c) failed:\n\(out)"
        case .usage(let u): u
        }
    }
}
