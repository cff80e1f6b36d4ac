import ArgumentParser
import Columns
import Ingest

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Describe unknown export files: encoding, delimiter, rows, and per column type, nulls, distinct values, range and top values.",
        discussion: """
        The first thing to run on an export you have not seen. Rows that cannot be read are counted as \
        quarantined and the first few are shown with their line and reason.

        Examples:
          crm profile sample-data/csv/customers.csv
          crm profile sample-data/gbk/customers.csv --table customers
          crm profile exports/*.csv --top 10
        """)

    @Argument(help: "CSV files to profile.", completion: .file(extensions: ["csv", "txt", "tsv"]))
    var files: [String]

    @Option(help: "Map headers onto this canonical table (customers, orders, …) and apply its types.")
    var table: String?

    @Option(help: "How many top values to list per column.")
    var top: Int = 5

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to profile") }
        if let table, CanonicalTable(rawValue: table) == nil {
            let names = CanonicalTable.allCases.map(\.rawValue)
            throw ValidationError("--table: unknown table '\(table)'\(NameSuggestion.hint(for: table, in: names)); tables: \(names.joined(separator: ", "))")
        }
        if !(1...100).contains(top) { throw ValidationError("--top: expected 1 to 100, got \(top)") }
    }

    func run() throws {
        var failed = false
        for (i, file) in files.enumerated() {
            do {
                let profile = try Profiler.profile(path: file, options: CSVOptions(table: table.flatMap(CanonicalTable.init(rawValue:))), topCount: top)
                if i > 0 { print("") }
                print(profile.rendered, terminator: profile.rendered.hasSuffix("\n") ? "" : "\n")
            } catch {
                printError("crm profile: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
