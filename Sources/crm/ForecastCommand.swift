import Analytics
import ArgumentParser
import Foundation
import Reports

struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast many time series from one long-format CSV (series_id, period, value) with automatic ETS.",
        discussion: """
        Input: a header naming series_id, period and value (any order, extra columns ignored; comma, tab or \
        semicolon), then one row per observation. Periods are YYYY-MM, YYYY-MM-DD or integers; each series' \
        periods must be consecutive. Each series gets the ETS model with the lowest AICc (or, when too short, a \
        seasonal-naive/drift/naive benchmark — the note column says so) and 80 %/95 % prediction intervals. \
        Series are fitted on both cores. A malformed row stops with FILE:LINE and the reason; a series whose \
        periods repeat or leave a gap is skipped with a message on stderr.

        Output CSV: series_id, period, forecast, lo80, hi80, lo95, hi95, model, note.

        Examples:
          crm forecast sales_by_region.csv --horizon 6
          crm forecast daily_tickets.csv --horizon 14 --season 7 --out /tmp/tickets_forecast.csv
          crm forecast quarterly.csv --horizon 4 --season 4
        """)

    @Argument(help: "Long-format CSV with series_id, period, value columns.", completion: .file(extensions: ["csv", "tsv", "txt"]))
    var file: String

    @Option(help: "Periods to forecast ahead, 1 to 1000.")
    var horizon: Int

    @Option(help: "Observations per season (12 monthly, 7 daily, 4 quarterly, 1 none); default from the period form: YYYY-MM 12, YYYY-MM-DD 7, integers 1.")
    var season: Int?

    @Option(help: "Write the CSV here instead of standard output.")
    var out: String?

    func validate() throws {
        guard (1...1_000).contains(horizon) else { throw ValidationError("--horizon: expected 1 to 1000, got \(horizon)") }
        if let season, !(1...366).contains(season) { throw ValidationError("--season: expected 1 to 366, got \(season)") }
    }

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            printError("crm forecast: cannot read \(file): \((error as NSError).localizedDescription)")
            throw ExitCode(1)
        }
        let input: LongFormatInput
        do throws(LongFormatError) {
            input = try LongFormatReader.read(bytes, source: file)
        } catch {
            printError("crm forecast: \(error)")
            throw ExitCode(1)
        }
        for skipped in input.skipped { printError("crm forecast: skipped \(skipped)") }
        guard !input.series.isEmpty else {
            printError("crm forecast: \(file): no series to forecast")
            throw ExitCode(1)
        }
        let table = SeriesForecastRows.make(input, horizon: horizon, seasonPeriod: season, threads: 2)
        let csv = CSVWriter.encode(table, bom: false)
        if let out {
            do {
                try Data(csv).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                printError("crm forecast: cannot write \(out): \((error as NSError).localizedDescription)")
                throw ExitCode(1)
            }
            printError("crm forecast: \(input.series.count) series, \(table.rowCount) rows → \(out)")
        } else {
            FileHandle.standardOutput.write(Data(csv))
        }
    }
}
