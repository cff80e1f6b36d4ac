/// Rolling-origin evaluation (Tashman 2000): refit at each origin on all data before it, forecast `horizon` steps,
/// score against what happened. The accuracy printed beside a forecast comes from here.
public enum Backtest {
    public struct Result: Codable, Sendable, Equatable {
        /// Number of forecast origins evaluated.
        public var origins: Int
        /// Mean sMAPE (percent) over origins; nil with no origin.
        public var smape: Double?
        /// Mean MASE over origins with a defined scale; nil when none had one.
        public var mase: Double?
        /// Share of holdout points inside the 80 % / 95 % intervals: a calibration check for the intervals.
        public var coverage80: Double?
        public var coverage95: Double?
        /// Model chosen at each origin, in order.
        public var models: [String]
        public var notes: [String]
    }

    /// - Parameters:
    ///   - minimumTrainingSize: first origin; defaults to max(2·season, 8) capped so at least one origin exists.
    ///   - step: distance between origins.
    ///   - maxOrigins: the latest origins are kept when there would be more (bounds the cost on long series).
    public static func rollingOrigin(
        series y: [Double], seasonPeriod m: Int, horizon: Int, minimumTrainingSize: Int? = nil, step: Int = 1, maxOrigins: Int = 12
    ) -> Result {
        var notes: [String] = []
        guard horizon >= 1, step >= 1, m >= 1 else {
            return Result(origins: 0, smape: nil, mase: nil, coverage80: nil, coverage95: nil, models: [], notes: ["invalid horizon, step or season period"])
        }
        let first = minimumTrainingSize ?? min(max(2 * m, 8), y.count - 1)
        guard first >= 1, first < y.count else {
            return Result(
                origins: 0, smape: nil, mase: nil, coverage80: nil, coverage95: nil, models: [],
                notes: ["\(y.count) values leave nothing to hold out after a training size of \(first): no backtest"])
        }
        var origins = Array(stride(from: first, to: y.count, by: step))
        if origins.count > maxOrigins {
            origins = Array(origins.suffix(maxOrigins))
            notes.append("limited to the last \(maxOrigins) origins")
        }
        var smapes: [Double] = [], mases: [Double] = [], models: [String] = []
        var inside80 = 0, inside95 = 0, points = 0
        for origin in origins {
            let training = Array(y[0..<origin])
            let actual = Array(y[origin..<min(origin + horizon, y.count)])
            guard let fit = try? ETS.fit(series: training, seasonPeriod: m) else { continue }
            let f = fit.forecast(horizon: actual.count)
            models.append(f.model)
            if let s = AccuracyMeasures.smape(actual: actual, forecast: f.point) { smapes.append(s) }
            if let s = AccuracyMeasures.mase(actual: actual, forecast: f.point, training: training, seasonPeriod: m) { mases.append(s) }
            for i in actual.indices {
                points += 1
                if actual[i] >= f.lo80[i] && actual[i] <= f.hi80[i] { inside80 += 1 }
                if actual[i] >= f.lo95[i] && actual[i] <= f.hi95[i] { inside95 += 1 }
            }
        }
        func mean(_ v: [Double]) -> Double? { v.isEmpty ? nil : v.reduce(0, +) / Double(v.count) }
        if mases.count < smapes.count { notes.append("MASE undefined at \(smapes.count - mases.count) origins (flat training data)") }
        return Result(
            origins: models.count, smape: mean(smapes), mase: mean(mases),
            coverage80: points > 0 ? Double(inside80) / Double(points) : nil,
            coverage95: points > 0 ? Double(inside95) / Double(points) : nil, models: models, notes: notes)
    }
}
