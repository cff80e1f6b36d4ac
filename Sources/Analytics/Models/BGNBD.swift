import Foundation

/// BG/NBD parameters (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): purchase rates ~ Gamma(r, α),
/// dropout probabilities ~ Beta(a, b).
public struct BGNBDParameters: Codable, Sendable, Equatable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double
}

/// A fitted BG/NBD model. Codable as written into models.json.
public struct BGNBDModel: Codable, Sendable, Equatable {
    public var model = "BG/NBD"
    public var parameters: BGNBDParameters
    /// Total log-likelihood over the fitted customers, all constants included (comparable with the paper's −9582.4).
    public var logLikelihood: Double
    public var customers: Int
    public var convergence: Convergence

    /// P(customer still alive | x, t_x, T), FHL 2005 eq. (A4 rearranged).
    public func pAlive(frequency x: Double, recency tx: Double, age t: Double) -> Double {
        guard x > 0 else { return 1 }
        let p = parameters
        let logRatio = log(p.a) - log(p.b + x - 1) + (p.r + x) * (log(p.alpha + t) - log(p.alpha + tx))
        return 1 / (1 + exp(logRatio))
    }

    /// E[Y(t) | x, t_x, T]: expected purchases in the next `t` periods, FHL 2005 eq. (10).
    public func expectedPurchases(t horizon: Double, frequency x: Double, recency tx: Double, age T: Double) -> Double {
        guard horizon > 0 else { return 0 }
        var p = parameters
        // The closed form divides by (a − 1); at a = 1 exactly it is a removable singularity, so step just beside it.
        if abs(p.a - 1) < 1e-7 { p.a = 1 + 1e-7 }
        let (r, alpha, a, b) = (p.r, p.alpha, p.a, p.b)
        let z = horizon / (alpha + T + horizon)
        let c = a + b + x - 1
        let logLead = (r + x) * (log(alpha + T) - log(alpha + T + horizon))
        // ((α+T)/(α+T+t))^{r+x} · ₂F₁ is < 1 for a > 1 and > 1 for a < 1; the leading factor flips sign with it.
        let bracket = c > 0
            ? -expm1(logLead + Hypergeometric2F1.log2F1(a: r + x, b: b + x, c: c, z: z))
            : 1 - exp(logLead) * Hypergeometric2F1.signedSeries(a: r + x, b: b + x, c: c, z: z)
        var value = (a + b + x - 1) / (a - 1) * bracket
        if x > 0 {
            value /= 1 + exp(log(a) - log(b + x - 1) + (r + x) * (log(alpha + T) - log(alpha + tx)))
        }
        return value.isFinite ? max(0, value) : 0
    }

    /// E[X(t)] for a randomly chosen new customer, FHL 2005 eq. (9); used for tracking plots and sanity checks.
    public func expectedPurchasesNewCustomer(t: Double) -> Double {
        let p = parameters
        let z = t / (p.alpha + t)
        let c = p.a + p.b - 1
        let logLead = p.r * (log(p.alpha) - log(p.alpha + t))
        let bracket = c > 0
            ? -expm1(logLead + Hypergeometric2F1.log2F1(a: p.r, b: p.b, c: c, z: z))
            : 1 - exp(logLead) * Hypergeometric2F1.signedSeries(a: p.r, b: p.b, c: c, z: z)
        return c / (p.a - 1) * bracket
    }
}

public enum BGNBD {
    /// Log-likelihood contribution of one customer, FHL 2005 eq. (6), in log space.
    static func logLikelihood(_ p: BGNBDParameters, x: Double, tx: Double, T: Double) -> Double {
        let a1 = lgamma(p.r + x) - lgamma(p.r) + p.r * log(p.alpha)
        let a2 = lgamma(p.a + p.b) + lgamma(p.b + x) - lgamma(p.b) - lgamma(p.a + p.b + x)
        let a3 = -(p.r + x) * log(p.alpha + T)
        guard x > 0 else { return a1 + a2 + a3 }
        let a4 = log(p.a) - log(p.b + x - 1) - (p.r + x) * log(p.alpha + tx)
        return a1 + a2 + LogSumExp.add(a3, a4)
    }

    public static func logLikelihood(_ p: BGNBDParameters, frequency: [Double], recency: [Double], age: [Double]) -> Double {
        var total = 0.0
        for i in frequency.indices { total += logLikelihood(p, x: frequency[i], tx: recency[i], T: age[i]) }
        return total
    }

    /// Maximum-likelihood fit over log-parameters (so every parameter stays positive), Nelder–Mead + BFGS from several
    /// starts. Reproduces FHL's CDNOW estimates (r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4) — see the tests.
    public static func fit(frequency: [Double], recency: [Double], age: [Double]) throws -> BGNBDModel {
        try ModelInputError.validate(frequency: frequency, recency: recency, age: age)
        func parameters(_ u: [Double]) -> BGNBDParameters { BGNBDParameters(r: exp(u[0]), alpha: exp(u[1]), a: exp(u[2]), b: exp(u[3])) }
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
            [0, log(meanAge), 0, 0],
            [log(0.1), log(meanAge / 10), log(0.5), log(5)],
            [log(2), log(meanAge * 2), log(2), log(0.5)],
        ]
        let best = MultiStartMinimizer.minimize(objective, starts: starts)
        return BGNBDModel(
            parameters: parameters(best.point), logLikelihood: -best.value, customers: frequency.count,
            convergence: best.convergence)
    }
}
