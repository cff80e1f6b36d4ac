import ArgumentParser
import Columns
import Foundation
import Pipelines

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline: load the sources, clean, resolve, analyse, and publish the report set.",
        discussion: """
        The report set (index.html, one CSV per analysis, quarantine.csv, models.json, manifest.json) is \
        published atomically: if the run fails or is killed, the previous complete set stays in place.

        Examples:
          crm run                                  pipelines/nightly.yml → reports/
          crm run pipelines/nightly.yml --as-of 2025-06-30 --out /tmp/june
          crm run --lang en                        English labels
        """)

    @Argument(help: "The pipeline file.", completion: .file(extensions: ["yml", "yaml"]))
    var pipeline: String = "pipelines/nightly.yml"

    @Option(help: "Report as of this day (YYYY-MM-DD), overriding as_of in the pipeline file.")
    var asOf: String?

    @Option(help: "Output folder (default: reports/ in the project).")
    var out: String?

    @Option(help: "Report language, zh or en, overriding lang in the pipeline file.")
    var lang: String?

    func validate() throws {
        if let asOf, DayText.parse(asOf) == nil {
            throw ValidationError("--as-of: expected a date as YYYY-MM-DD, got '\(asOf)'")
        }
        try PipelineArguments.validateLanguage(lang)
    }

    func run() throws {
        let config = try PipelineArguments.load(pipeline)
        let runner = PipelineRunner(config: config, options: RunOptions(
            outDirectory: out, asOf: asOf.flatMap(DayText.parse), lang: lang))
        do {
            let summary = try runner.run()
            print("report: \(summary.htmlReports.first ?? summary.outDirectory)")
            print(String(format: "rows read %d = loaded %d + quarantined %d; as of %@; %.1fs",
                         summary.rowsRead, summary.rowsLoaded, summary.rowsQuarantined,
                         CivilDate.iso(Int(summary.asOf)), summary.seconds))
        } catch {
            printError("crm run: \(error)")
            throw ExitCode(1)
        }
    }
}

/// `YYYY-MM-DD` ↔ days since the epoch, for command-line dates.
enum DayText {
    static func parse(_ s: String) -> Int32? {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
              CivilDate.isValid(year: y, month: m, day: d) else { return nil }
        return Int32(CivilDate.days(year: y, month: m, day: d))
    }
}
