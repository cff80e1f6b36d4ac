import ArgumentParser
import Pipelines

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline file: keys, tables, columns, stages, paths and report settings.",
        discussion: """
        Every problem is listed as FILE:LINE:COLUMN: message, with the nearest valid name where a typo is likely. \
        Exit status 0 when the file is valid, 1 otherwise.

        Examples:
          crm validate pipelines/nightly.yml
          crm validate pipelines/cleanup.yml
        """)

    @Argument(help: "The pipeline file.", completion: .file(extensions: ["yml", "yaml"]))
    var pipeline: String = "pipelines/nightly.yml"

    func run() throws {
        do {
            let config = try PipelineLoader.load(path: pipeline)
            print("\(pipeline): valid — \(config.sources.count) sources, stages: \(config.stages.map(\.rawValue).joined(separator: ", "))")
        } catch let error as PipelineValidationError {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode(1)
        }
    }
}
