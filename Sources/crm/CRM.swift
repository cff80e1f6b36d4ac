import ArgumentParser

@main
struct CRM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm",
        abstract: "Batch analytics for CRM data: ingest exports, dedupe customers, compute funnels, RFM, churn, CLV, forecasts, and write reports.",
        discussion: """
        Typical use:
          crm profile export.csv                 look at an unknown export first
          crm validate pipelines/nightly.yml     check a pipeline file
          crm run                                the nightly report (pipelines/nightly.yml → reports/)
          crm clean                              golden customers before a migration
          crm generate --customers 5000 --seed 7 --out /tmp/data
        """,
        subcommands: CommandRegistry.all)
}
