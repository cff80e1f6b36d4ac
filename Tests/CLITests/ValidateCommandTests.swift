import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func missingFileIsOneLineOnStderr() throws {
        let r = try CLIHarness.run(["validate", "no/such/pipeline.yml"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "no/such/pipeline.yml: no such pipeline file\n")
    }

    @Test func typoIsLocatedWithSuggestion() throws {
        let dir = CLIHarness.temporaryDirectory("validate")
        try "customer_id\n1\n".write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        try "sources:\n  - table: customers\n    file: c.csv\nstags: [rfm]\n".write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        let r = try CLIHarness.run(["validate", dir + "/p.yml"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("p.yml:4:1: pipeline: unknown key 'stags' (did you mean 'stages'?)"))
    }

    @Test func validFileSaysSo() throws {
        let dir = CLIHarness.temporaryDirectory("validate-ok")
        try "customer_id\n1\n".write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        try "sources:\n  - table: customers\n    file: c.csv\nstages: [rfm]\n".write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        let r = try CLIHarness.run(["validate", dir + "/p.yml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("valid"))
    }

    @Test(arguments: [["bogus"], ["validate", "a.yml", "b.yml"], ["--nope"]])
    func wrongArgumentsExitNonZeroWithUsage(args: [String]) throws {
        let r = try CLIHarness.run(args)
        #expect(r.status != 0)
        #expect(r.stderr.contains("Usage") || r.stderr.contains("Error"))
    }
}
