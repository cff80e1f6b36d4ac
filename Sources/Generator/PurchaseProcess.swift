/// Repeat buying as in the BG/NBD model (Fader, Hardie & Lee 2005): while alive a customer buys as a
/// Poisson process with their own rate; after every purchase they drop out for good with their own
/// probability. Customers with a low rate who are still alive become 沉睡 (dormant); those who drop
/// out churn. The same stream replays the same purchase days, so the orders table and the population
/// summary agree without storing every order.
enum PurchaseProcess {
    /// Upper bound on orders per customer, so one extreme draw cannot dominate a small data set.
    static let maxOrders = 400

    struct Outcome {
        var count: Int32 = 0
        var firstDay: Int32 = -1
        var lastDay: Int32 = -1
        var churned = false
    }

    /// Replays the purchase days of `entity` (ascending), calling `emit` for each.
    @inline(__always)
    static func run(_ entity: Entity, meanRatePerDay: Double, endDay: Int, seed: UInt64, index: Int,
                    emit: (Int) -> Void) -> Outcome {
        var outcome = Outcome()
        guard entity.buys else { return outcome }
        var rng = Xoshiro256(seed: seed, stream: Streams.purchases, index: UInt64(index))
        var t = Double(entity.createdDay) + Double(entity.firstPurchaseDelayDays)
        let rate = meanRatePerDay * Double(entity.rateFactor)
        while t < Double(endDay + 1) {
            let day = Int(t)
            emit(day)
            outcome.count += 1
            if outcome.firstDay < 0 { outcome.firstDay = Int32(day) }
            outcome.lastDay = Int32(day)
            if outcome.count >= maxOrders { break }
            if rng.uniform() < Double(entity.dropout) {
                outcome.churned = true
                break
            }
            if rate <= 0 { break }
            // At least a day apart: a second order on the same day is the same basket.
            t += max(1, rng.exponential(mean: 1 / rate))
        }
        return outcome
    }

    /// The mean purchase rate that makes the population average `targetPerEntity` orders, found by
    /// bisection on a spread-out sample (the count grows monotonically with the rate on fixed streams).
    static func calibrate(_ entities: [Entity], targetPerEntity: Double, endDay: Int, seed: UInt64) -> Double {
        guard !entities.isEmpty, targetPerEntity > 0 else { return 0 }
        let step = max(1, entities.count / 6000)
        let sample = Swift.stride(from: 0, to: entities.count, by: step).map { $0 }
        func mean(_ rate: Double) -> Double {
            var total = 0
            for i in sample {
                total += Int(run(entities[i], meanRatePerDay: rate, endDay: endDay, seed: seed, index: i) { _ in }.count)
            }
            return Double(total) / Double(sample.count)
        }
        var lo = 0.0
        var hi = 1.0
        if mean(hi) <= targetPerEntity { return hi }
        for _ in 0..<30 {
            let mid = (lo + hi) / 2
            if mean(mid) < targetPerEntity { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
