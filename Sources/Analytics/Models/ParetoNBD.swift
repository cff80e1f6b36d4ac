import Foundation

/// Pareto/NBD parameters (Schmittlein, Morrison & Colombo 1987): purchase rates ~ Gamma(r, α), dropout rates ~ Gamma(s, β).
public struct ParetoNBDParameters: Codable, Sendable, Equatable {
    public var r: Double
    public var alpha: Double
    public var s: Double
    public var beta: Double
}

/// A fitted Pareto/NBD model; the option beside BG/NBD. Codable as written into models.json.
public struct ParetoNBDModel: Codable, Sendable, Equatable {
    public var model = "Pareto/NBD"
    public var parameters: ParetoNBDParameters
    /// Total log-likelihood, all constants included (Fader & Hardie's CDNOW figure: −9595.0).
    public var logLikelihood: Double
    public var customers: Int
    public var convergence: Convergence

    /// P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) · (α+T)^{r+x} (β+T)^s · A₀)  (Fader & Hardie 2005 note, eq. 18).
    public func pAlive(frequency x: Double, recency tx: Double, age T: Double) -> Double {
        let p = parameters
        let logA0 = ParetoNBD.logA0(p, x: x, tx: tx, T: T)
        let logRatio = log(p.s) - log(p.r + p.s + x) + (p.r + x) * log(p.alpha + T) + p.s * log(p.beta + T) + logA0
        let value = 1 / (1 + exp(logRatio))
        return value.isFinite ? value : 0
    }

    /// E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^{s−1}] · P(alive)  (same note, eq. 22).
    public func expectedPurchases(t horizon: Double, frequency x: Double, recency tx: Double, age T: Double) -> Double {
        guard horizon > 0 else { return 0 }
        let p = parameters
        let shape = p.s - 1
        // s → 1 is a removable singularity: [1 − u^{s−1}]/(s−1) → −log u.
        let logU = log(p.beta + T) - log(p.beta + T + horizon)
        let factor = abs(shape) < 1e-9 ? -logU : -expm1(shape * logU) / shape
        let value = (p.r + x) * (p.beta + T) / (p.alpha + T) * factor * pAlive(frequency: x, recency: tx, age: T)
        return value.isFinite ? max(0, value) : 0
    }
}

public enum ParetoNBD {
    /// log A₀ of the likelihood, choosing the ₂F₁ representation whose argument is in [0, 1) (α ≥ β or α < β).
    static func logA0(_ p: ParetoNBDParameters, x: Double, tx: Double, T: Double) -> Double {
        let rsx = p.r + p.s + x
        let (larger, smaller, bParameter) = p.alpha >= p.beta ? (p.alpha, p.beta, p.s + 1) : (p.beta, p.alpha, p.r + x)
        func piece(_ time: Double) -> Double {
            let z = (larger - smaller) / (larger + time)
            return Hypergeometric2F1.log2F1(a: rsx, b: bParameter, c: rsx + 1, z: z) - rsx * log(larger + time)
        }
        return LogSumExp.subtract(piece(tx), piece(T))
    }

    /// Log-likelihood contribution of one customer (Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD Model", eq. 14).
    static func logLikelihood(_ p: ParetoNBDParameters, x: Double, tx: Double, T: Double) -> Double {
        let head = lgamma(p.r + x) - lgamma(p.r) + p.r * log(p.alpha) + p.s * log(p.beta)
        let survived = -(p.r + x) * log(p.alpha + T) - p.s * log(p.beta + T)
        let droppedOut = log(p.s) - log(p.r + p.s + x) + logA0(p, x: x, tx: tx, T: T)
        return head + LogSumExp.add(survived, droppedOut)
    }

    public static func logLikelihood(_ p: ParetoNBDParameters, frequency: [Double], recency: [Double], age: [Double]) -> Double {
        var total = 0.0
        for i in frequency.indices { total += logLikelihood(p, x: frequency[i], tx: recency[i], T: age[i]) }
        return total
    }

    /// Maximum-likelihood fit over log-parameters; reproduces the CDNOW estimates r 0.553, α 10.578, s 0.606,
    /// β 11.669, LL −9595.0 (see the tests).
    public static func fit(frequency: [Double], recency: [Double], age: [Double]) throws -> ParetoNBDModel {
        try ModelInputError.validate(frequency: frequency, recency: recency, age: age)
        func parameters(_ u: [Double]) -> ParetoNBDParameters {
            ParetoNBDParameters(r: exp(u[0]), alpha: exp(u[1]), s: exp(u[2]), beta: exp(u[3]))
        }
        let distinct = DistinctHistories(frequency: frequency, recency: recency, age: age)
        let objective: ([Double]) -> Double = { u in
            let p = parameters(u)
            var total = 0.0
            for i in distinct.count.indices {
                total += distinct.count[i] * logLikelihood(p, x: distinct.frequency[i], tx: distinct.recency[i], T: distinct.age[i])
            }
            return -total
        }
        let meanAge = max(age.reduce(0, +) / Double(age.count), 1e-6)
        let starts: [[Double]] = [
            [0, log(meanAge), 0, log(meanAge)],
            [log(0.2), log(meanAge / 5), log(0.3), log(meanAge / 2)],
            [log(2), log(meanAge * 2), log(2), log(meanAge * 3)],
        ]
        let best = MultiStartMinimizer.minimize(objective, starts: starts)
        return ParetoNBDModel(
            parameters: parameters(best.point), logLikelihood: -best.value, customers: frequency.count,
            convergence: best.convergence)
    }
}
