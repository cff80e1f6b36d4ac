import Foundation

/// Fits BG/NBD to the grouped histories with the same optimizer, starting points and coordinates as `BGNBD.fit`, so
/// on the same data it reaches the same optimum (the CDNOW tests check both paths against the paper).
///
/// The multi-start search costs ~2 000 likelihood evaluations, so it runs on at most `searchGroupLimit` groups:
/// when there are more distinct histories (a few hundred thousand on daily data), t_x and T are floored to 2, 4,
/// 8… days (`DistinctPurchaseHistories.coarsened`) until they fit, and BFGS then polishes that optimum on the finest
/// level with at most `polishGroupLimit` groups — the exact histories whenever they are few enough. `method` says
/// which levels were used; the difference is far below the estimates' sampling error.
enum ChurnModelFit {
    static let searchGroupLimit = 5_000
    static let polishGroupLimit = 60_000
    static let daysPerPeriod = 7.0
    /// Parameters are searched within [1e-6, 1e6] (log-coordinates within ±13.8): data without dropout or with a
    /// constant purchase rate drive a, or r and α together, towards 0 or ∞, where ₂F₁'s series no longer converge
    /// and scoring would cost millions of terms per customer. An estimate at the wall is reported as such.
    static let logBound = log(1e6)

    struct Outcome {
        var model: BGNBDModel
        var method: String
    }

    static func fit(_ exact: DistinctPurchaseHistories) -> Outcome {
        let customers = exact.count.reduce(0, +)
        var ageSum = 0.0
        for g in 0..<exact.groups { ageSum += exact.count[g] * Double(exact.ageDays[g]) / daysPerPeriod }
        let meanAge = max(ageSum / max(customers, 1), 1e-6)
        let starts: [[Double]] = [
            [0, log(meanAge), 0, 0],
            [log(0.1), log(meanAge / 10), log(0.5), log(5)],
            [log(2), log(meanAge * 2), log(2), log(0.5)],
        ]
        func parameters(_ u: [Double]) -> BGNBDParameters { BGNBDParameters(r: exp(u[0]), alpha: exp(u[1]), a: exp(u[2]), b: exp(u[3])) }
        func objective(_ h: DistinctPurchaseHistories) -> ([Double]) -> Double {
            let likelihood = GroupedBGNBDLikelihood(h, daysPerPeriod: daysPerPeriod)
            return { u in u.contains { abs($0) > logBound } ? .infinity : -likelihood.logLikelihood(parameters(u)) }
        }
        func model(_ point: [Double], _ value: Double, _ convergence: Convergence) -> BGNBDModel {
            BGNBDModel(parameters: parameters(point), logLikelihood: -value, customers: Int(customers), convergence: convergence)
        }
        if exact.groups <= searchGroupLimit {
            let best = MultiStartMinimizer.minimize(objective(exact), starts: starts)
            return Outcome(model: model(best.point, best.value, best.convergence), method: "exact")
        }
        var polishLevel = exact
        var search = exact
        var bin: Int32 = 1
        while search.groups > searchGroupLimit && bin < DistinctPurchaseHistories.fieldLimit {
            bin *= 2
            search = search.coarsened(binDays: bin)
            if search.groups <= polishGroupLimit && polishLevel.groups > polishGroupLimit { polishLevel = search }
        }
        let coarse = MultiStartMinimizer.minimize(objective(search), starts: starts)
        let polishObjective = objective(polishLevel)
        let polished = BFGS.minimize(polishObjective, start: coarse.point)
        let startValue = polishObjective(coarse.point)
        let (point, value) = polished.value <= startValue ? (polished.point, polished.value) : (coarse.point, startValue)
        let convergence = Convergence(
            iterations: coarse.convergence.iterations + polished.iterations,
            evaluations: coarse.convergence.evaluations + polished.evaluations + 1,
            gradientNorm: polished.gradientNorm, converged: polished.converged && value.isFinite,
            restarts: coarse.convergence.restarts, restartsAgreeing: coarse.convergence.restartsAgreeing)
        let polishName = polishLevel.binDays == 1 ? "exact histories" : "t_x, T in \(polishLevel.binDays)-day bins"
        return Outcome(
            model: model(point, value, convergence),
            method: "search on t_x, T in \(search.binDays)-day bins (\(search.groups) groups), polished on \(polishName) (\(polishLevel.groups) groups)")
    }
}
