import ArgumentParser
import Foundation
import Pipelines

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clean up before a migration: merge duplicate customers across sources into golden records, with a merge log and a data-quality report.",
        discussion: """
        Reads every source of the pipeline (e.g. an old CRM's GBK CSV and another system's SQLite), \
        quarantines rows that fail the pipeline's cleanup.validate rules, normalizes and resolves the \
        customers, re-keys orders and other events to the golden customer, and publishes atomically:
        golden_customers.csv, golden.sqlite (golden_customers, source_rows, merge_log, events), \
        merge_log.csv, quarantine.csv, <event>.csv, data_quality.html and manifest.json. \
        Every customer row read is either linked to a golden record or quarantined.

        A row is named SOURCE:LINE — the source's file name (file:table for a database query) and \
        the CSV line (the header is line 1) or 1-based query row — as in merge_log.csv; or by its \
        customer_id when only one row has it.

        Examples:
          crm clean                                       pipelines/cleanup.yml → reports/cleanup/
          crm clean pipelines/cleanup.yml --out /tmp/migration --lang en
          crm clean --explain old_crm_customers.csv:3 erp.sqlite:customers:12
          crm clean --explain KH00002 C-1001
        """)

    @Argument(help: "The pipeline file.", completion: .file(extensions: ["yml", "yaml"]))
    var pipeline: String = "pipelines/cleanup.yml"

    @Option(help: "Output folder (default: cleanup.out in the pipeline, else reports/cleanup in the project).")
    var out: String?

    @Option(help: "Language of data_quality.html, zh or en, overriding cleanup.lang in the pipeline file.")
    var lang: String?

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Explain why two rows do or do not match, field by field, instead of writing outputs.",
                               valueName: "ROW"))
    var explain: [String] = []

    func validate() throws {
        try PipelineArguments.validateLanguage(lang)
        if !explain.isEmpty && explain.count != 2 {
            throw ValidationError("--explain: give two rows, e.g. --explain old_crm_customers.csv:3 erp.sqlite:customers:12 (got \(explain.count))")
        }
        if !explain.isEmpty && out != nil {
            throw ValidationError("--explain writes nothing; leave out --out")
        }
    }

    func run() throws {
        let config = try PipelineArguments.load(pipeline)
        if explain.count == 2 {
            let runner = CleanupRunner(config: config, options: CleanupOptions(progress: ProgressReporter(style: .silent)))
            do {
                print(try runner.explain(explain[0], explain[1]), terminator: "")
            } catch {
                printError("crm clean --explain: \(error)")
                throw ExitCode(1)
            }
            return
        }
        let runner = CleanupRunner(config: config, options: CleanupOptions(outDirectory: out, lang: lang))
        do {
            let s = try runner.run()
            print("cleaned: \(s.outDirectory)/data_quality.html")
            print("customer rows read \(s.rowsRead) = linked \(s.rowsLinked) + quarantined \(s.rowsQuarantined); "
                + "\(s.goldenCustomers) golden customers (\(s.rowsMerged) rows merged); \(s.eventsRekeyed) event rows re-keyed; "
                + "\(String(format: "%.1f", s.seconds))s")
        } catch {
            printError("crm clean: \(error)")
            throw ExitCode(1)
        }
    }
}
