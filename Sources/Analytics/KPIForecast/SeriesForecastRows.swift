import Columns

/// Forecasts every series of a long-format file on `threads` workers (`BatchForecasting`) and lays the result out as
/// the `crm forecast` output table: series_id, period, forecast, lo80, hi80, lo95, hi95, model, note — `horizon`
/// rows per series in input order; note carries the fit's notes (why a fallback was used, what was excluded).
public enum SeriesForecastRows {
    public static let columns = ["series_id", "period", "forecast", "lo80", "hi80", "lo95", "hi95", "model", "note"]

    /// - Parameter seasonPeriod: nil = each series' period form decides (months 12, days 7, integers 1).
    public static func make(_ input: LongFormatInput, horizon: Int, seasonPeriod: Int?, threads: Int = 2) -> Table {
        // BatchForecasting takes one season per call: group series by theirs, keep input order in the output.
        let seasons = input.series.map { seasonPeriod ?? $0.kind.defaultSeasonPeriod }
        var forecasts = [Forecast?](repeating: nil, count: input.series.count)
        for season in Set(seasons).sorted() {
            let members = seasons.indices.filter { seasons[$0] == season }
            let results = BatchForecasting.forecast(members.map { input.series[$0].values }, seasonPeriod: season, horizon: horizon, threads: threads)
            for (k, i) in members.enumerated() { forecasts[i] = results[k] }
        }
        var id: [String?] = [], period: [String?] = [], point: [Double?] = [], lo80: [Double?] = [], hi80: [Double?] = []
        var lo95: [Double?] = [], hi95: [Double?] = [], model: [String?] = [], note: [String?] = []
        for (i, s) in input.series.enumerated() {
            guard let f = forecasts[i] else { continue }
            let text = f.notes.joined(separator: "; ")
            let next = s.first + s.values.count
            for h in 0..<f.horizon {
                id.append(s.id); period.append(s.kind.label(next + h))
                point.append(f.point[h]); lo80.append(f.lo80[h]); hi80.append(f.hi80[h]); lo95.append(f.lo95[h]); hi95.append(f.hi95[h])
                model.append(f.model); note.append(text.isEmpty ? nil : text)
            }
        }
        return ResultColumns.table("forecast", [
            ("series_id", ResultColumns.strings(id)), ("period", ResultColumns.strings(period)),
            ("forecast", ResultColumns.doubles(point)), ("lo80", ResultColumns.doubles(lo80)), ("hi80", ResultColumns.doubles(hi80)),
            ("lo95", ResultColumns.doubles(lo95)), ("hi95", ResultColumns.doubles(hi95)),
            ("model", ResultColumns.strings(model)), ("note", ResultColumns.strings(note)),
        ])
    }
}
