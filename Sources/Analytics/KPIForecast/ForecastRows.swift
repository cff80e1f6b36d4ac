import Columns

/// Rows of the `forecast` table: each series' actual months, then its forecast months with intervals.
struct ForecastRows {
    private var series: [String?] = [], period: [Int32] = [], kind: [String?] = [], value: [Double?] = []
    private var lo80: [Double?] = [], hi80: [Double?] = [], lo95: [Double?] = [], hi95: [Double?] = [], model: [String?] = []

    mutating func actual(_ name: String, _ day: Int32, _ v: Double) {
        append(name, day, "actual", v, nil, nil, nil, nil, nil)
    }

    mutating func forecast(_ name: String, _ day: Int32, _ f: Forecast, _ h: Int) {
        append(name, day, "forecast", f.point[h], f.lo80[h], f.hi80[h], f.lo95[h], f.hi95[h], f.model)
    }

    private mutating func append(_ s: String, _ d: Int32, _ k: String, _ v: Double, _ l8: Double?, _ h8: Double?,
                                 _ l9: Double?, _ h9: Double?, _ m: String?) {
        series.append(s); period.append(d); kind.append(k); value.append(v)
        lo80.append(l8); hi80.append(h8); lo95.append(l9); hi95.append(h9); model.append(m)
    }

    func table() -> Table {
        ResultColumns.table("forecast", [
            ("series", ResultColumns.strings(series)), ("period", .date(PrimitiveColumn(values: period))),
            ("kind", ResultColumns.strings(kind)), ("value", ResultColumns.doubles(value)),
            ("lo80", ResultColumns.doubles(lo80)), ("hi80", ResultColumns.doubles(hi80)),
            ("lo95", ResultColumns.doubles(lo95)), ("hi95", ResultColumns.doubles(hi95)),
            ("model", ResultColumns.strings(model)),
        ])
    }
}

/// Rows of the `forecast_accuracy` table.
struct AccuracyRows {
    private var series: [String?] = [], model: [String?] = [], smape: [Double?] = [], mase: [Double?] = []
    private var folds: [Int] = [], note: [String?] = []

    mutating func append(_ name: String, _ m: String?, _ b: Backtest.Result?, _ n: String) {
        series.append(name); model.append(m); smape.append(b?.smape); mase.append(b?.mase)
        folds.append(b?.origins ?? 0); note.append(n.isEmpty ? nil : n)
    }

    func table() -> Table {
        ResultColumns.table("forecast_accuracy", [
            ("series", ResultColumns.strings(series)), ("model", ResultColumns.strings(model)),
            ("smape", ResultColumns.doubles(smape)), ("mase", ResultColumns.doubles(mase)),
            ("folds", ResultColumns.ints(folds)), ("note", ResultColumns.strings(note)),
        ])
    }
}
