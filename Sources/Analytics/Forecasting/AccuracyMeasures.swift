/// Forecast accuracy measures as defined for the M-competitions (Makridakis & Hibon 2000; Hyndman & Koehler 2006).
public enum AccuracyMeasures {
    /// Symmetric MAPE in percent, 200·|y − f| / (|y| + |f|) averaged; a point where both are 0 counts as a perfect 0.
    public static func smape(actual: [Double], forecast: [Double]) -> Double? {
        let n = min(actual.count, forecast.count)
        guard n > 0 else { return nil }
        var total = 0.0
        for i in 0..<n {
            let denominator = abs(actual[i]) + abs(forecast[i])
            if denominator > 0 { total += 200 * abs(actual[i] - forecast[i]) / denominator }
        }
        return total / Double(n)
    }

    /// Mean absolute scaled error: MAE divided by the in-sample MAE of the seasonal naive method (lag m; lag 1 when the
    /// training series is not longer than a season). nil when that scale is 0 (a flat training series).
    public static func mase(actual: [Double], forecast: [Double], training: [Double], seasonPeriod m: Int) -> Double? {
        let n = min(actual.count, forecast.count)
        let lag = m > 1 && training.count > m ? m : 1
        guard n > 0, training.count > lag else { return nil }
        var scale = 0.0
        for t in lag..<training.count { scale += abs(training[t] - training[t - lag]) }
        scale /= Double(training.count - lag)
        guard scale > 0 else { return nil }
        var mae = 0.0
        for i in 0..<n { mae += abs(actual[i] - forecast[i]) }
        return mae / Double(n) / scale
    }
}
