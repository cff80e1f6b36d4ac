import ArgumentParser
import Pipelines

/// What `crm run` and `crm clean` share in handling their arguments: the pipeline file, loaded
/// with every problem printed as FILE:LINE:COLUMN, and the report language.
enum PipelineArguments {
    /// The parsed pipeline; on a file with problems, each is printed and the command exits 1.
    static func load(_ path: String) throws -> PipelineConfig {
        do {
            return try PipelineLoader.load(path: path)
        } catch let error as PipelineValidationError {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode(1)
        }
    }

    static func validateLanguage(_ lang: String?) throws {
        if let lang, !["zh", "en"].contains(lang) {
            throw ValidationError("--lang: expected zh or en, got '\(lang)'")
        }
    }
}
