import Foundation
import Testing

/// The throwaway PostgreSQL server of scripts/pg-test-server.sh (Odoo-shaped data from
/// sample-data/odoo/odoo.sql), started once around the `PostgresServerTests` suite and stopped after it.
/// Without PostgreSQL binaries the start fails and every test that needs the server records an issue
/// naming the install command — they never pass silently.
struct TestServer: Sendable {
    let port: Int
    let directory: String

    /// A connection URL for the data set's database; `crm` is trusted, `crm_reader` needs `reader-secret`.
    func url(user: String = "crm", password: String? = nil, database: String = "odoo") -> String {
        "postgresql://\(user)\(password.map { ":" + $0 } ?? "")@127.0.0.1:\(port)/\(database)"
    }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    @TaskLocal static var current: Result<TestServer, StartFailure>?

    /// The suite's server; otherwise throws why there is none, which fails the calling test.
    static func require() throws -> TestServer {
        switch current {
        case .success(let server)?: return server
        case .failure(let failure)?: throw failure
        case nil: throw StartFailure(description: "test runs outside the .postgresServer scope")
        }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/pg-test-server.sh").path

    static func start() -> Result<TestServer, StartFailure> {
        let (status, out, err) = run(["start"])
        if status == 3 {
            return .failure(StartFailure(description: "PostgreSQL is not installed, so the postgres source cannot be tested: "
                + "run `scripts/install-deps.sh --test` (or `apt-get install postgresql`). \(err)"))
        }
        var values: [String: String] = [:]
        for line in out.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        guard status == 0, let port = values["CRM_PG_PORT"].flatMap(Int.init), let dir = values["CRM_PG_DIR"] else {
            return .failure(StartFailure(description: "scripts/pg-test-server.sh start failed (exit \(status)): \(err)"))
        }
        return .success(TestServer(port: port, directory: dir))
    }

    func stop() { _ = Self.run(["stop", directory]) }

    /// Runs the script through popen: Foundation's Process can wait forever for its child inside a
    /// Swift Testing scope on Linux, so this stays with the C library. Stderr is folded into the output.
    private static func run(_ arguments: [String]) -> (Int32, String, String) {
        let command = ([script] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        guard let pipe = popen("/bin/bash " + command + " 2>&1", "r") else {
            return (-1, "", "cannot run \(script): errno \(errno)")
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        let status = pclose(pipe)
        let text = String(decoding: output, as: UTF8.self)
        let exit = status >= 0 && status & 0x7f == 0 ? (status >> 8) & 0xff : -1
        let messages = text.split(separator: "\n").filter { !$0.hasPrefix("CRM_PG_") }.joined(separator: " ")
        return (exit, text, messages)
    }
}

/// Starts the server once for the suite it is attached to (not per test) and stops it afterwards.
struct PostgresServerScope: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let started = TestServer.start()
        if case .failure(let failure) = started { Issue.record("\(failure)") }
        defer { if case .success(let server) = started { server.stop() } }
        try await TestServer.$current.withValue(started) { try await function() }
    }
}

extension Trait where Self == PostgresServerScope {
    static var postgresServer: Self { Self() }
}

/// Every test that talks to the server lives in an extension of this suite, so they share one server.
@Suite(.postgresServer) struct PostgresServerTests {}
