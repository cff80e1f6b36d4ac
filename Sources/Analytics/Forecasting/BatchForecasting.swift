import Dispatch

/// Fits many series across worker threads. Series i always goes to worker i mod `threads` and its result to slot i,
/// so the output is identical whatever the scheduling (each fit is itself deterministic).
public enum BatchForecasting {
    public static func fit(_ series: [[Double]], seasonPeriod: Int, threads: Int = 2) -> [Result<ETSFit, ForecastError>] {
        let workers = max(1, min(threads, series.count))
        let slots = ResultSlots(count: series.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < series.count {
                let result: Result<ETSFit, ForecastError>
                do throws(ForecastError) {
                    result = .success(try ETS.fit(series: series[i], seasonPeriod: seasonPeriod))
                } catch { result = .failure(error) }
                slots.store(result, at: i)
                i += workers
            }
        }
        return slots.collect()
    }

    /// Fits and forecasts; failures become an empty forecast whose note carries the error.
    public static func forecast(_ series: [[Double]], seasonPeriod: Int, horizon: Int, threads: Int = 2) -> [Forecast] {
        fit(series, seasonPeriod: seasonPeriod, threads: threads).map { result in
            switch result {
            case let .success(fit): return fit.forecast(horizon: horizon)
            case let .failure(error):
                return Forecast(model: "none", point: [], lo80: [], hi80: [], lo95: [], hi95: [], intervalMethod: "none", notes: [error.description])
            }
        }
    }
}

/// Pre-sized result storage written by disjoint indices from several threads; each slot is written exactly once
/// and read only after `concurrentPerform` returns, which is the synchronisation point.
private final class ResultSlots: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<Result<ETSFit, ForecastError>?>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: max(count, 1))
        buffer.initialize(repeating: nil, count: max(count, 1))
    }

    deinit {
        buffer.deinitialize(count: max(count, 1))
        buffer.deallocate()
    }

    func store(_ value: Result<ETSFit, ForecastError>, at index: Int) { buffer[index] = value }

    func collect() -> [Result<ETSFit, ForecastError>] { (0..<count).map { buffer[$0]! } }
}
