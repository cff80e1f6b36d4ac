import ArgumentParser

/// The subcommands, in the order `crm --help` lists them.
enum CommandRegistry {
    static let all: [any ParsableCommand.Type] = [
        RunCommand.self, CleanCommand.self, QueryCommand.self, ValidateCommand.self, ProfileCommand.self, ForecastCommand.self, GenerateCommand.self,
    ]
}
