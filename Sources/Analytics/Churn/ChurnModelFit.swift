import Foundation

/// Fits BG/NBD to the grouped histories with the same optimizer, starting points and coordinates as `BGNBD.fit`, so
/// on the same data it reaches the same optimum (the CDNOW tests check both paths against the paper).
///
/// Very many distinct histories (a few hundred thousand on daily data) would make the ~2 000 evaluations of the
/// multi-start search slow, so above `exactGroupLimit` the search runs on histories with t_x and T rounded to whole
/// weeks (the model's unit; a few thousand groups), and BFGS then polishes that optimum on the exact histories — the
/// reported estimate maximises the exact likelihood.
enum ChurnModelFit {
    static let exactGroupLimit = 30_000
    static let daysPerPeriod = 7.0

    struct Outcome {
        var model: BGNBDModel
        var method: String
    }

    static func fit(_ exact: DistinctPurchaseHistories, x: [Int32], tx: [Int32], t: [Int32]) -> Outcome {
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
        let exactLikelihood = GroupedBGNBDLikelihood(exact, daysPerPeriod: daysPerPeriod)
        let exactObjective: ([Double]) -> Double = { -exactLikelihood.logLikelihood(parameters($0)) }

        if exact.groups <= exactGroupLimit {
            let best = MultiStartMinimizer.minimize(exactObjective, starts: starts)
            return Outcome(
                model: BGNBDModel(parameters: parameters(best.point), logLikelihood: -best.value, customers: Int(customers),
                                  convergence: best.convergence),
                method: "exact")
        }
        let weekly = DistinctPurchaseHistories(frequency: x, recencyDays: tx, ageDays: t, binDays: 7, assign: false)
        let coarseLikelihood = GroupedBGNBDLikelihood(weekly, daysPerPeriod: daysPerPeriod)
        let coarse = MultiStartMinimizer.minimize({ -coarseLikelihood.logLikelihood(parameters($0)) }, starts: starts)
        let polished = BFGS.minimize(exactObjective, start: coarse.point)
        let startValue = exactObjective(coarse.point)
        let (point, value) = polished.value <= startValue ? (polished.point, polished.value) : (coarse.point, startValue)
        let convergence = Convergence(
            iterations: coarse.convergence.iterations + polished.iterations,
            evaluations: coarse.convergence.evaluations + polished.evaluations + 1,
            gradientNorm: polished.gradientNorm, converged: polished.converged && value.isFinite,
            restarts: coarse.convergence.restarts, restartsAgreeing: coarse.convergence.restartsAgreeing)
        return Outcome(
            model: BGNBDModel(parameters: parameters(point), logLikelihood: -value, customers: Int(customers), convergence: convergence),
            method: "weekly bins (\(weekly.groups) groups), polished on \(exact.groups) exact histories")
    }
}
