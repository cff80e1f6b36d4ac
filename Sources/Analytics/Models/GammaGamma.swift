import Foundation

/// Gamma-Gamma spend parameters (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value Curves for Customer Base
/// Analysis"; Fader & Hardie 2013 note "The Gamma-Gamma Model of Monetary Value"): a transaction value ~ Gamma(p, ν),
/// ν ~ Gamma(q, γ). `v` is γ.
public struct GammaGammaParameters: Codable, Sendable, Equatable {
    public var p: Double
    public var q: Double
    public var v: Double
}

/// A Gamma-Gamma fit. The parameters are nil when the data could not support a fit; `notes` always says why, and
/// `expectedAverageValue` then falls back to the mean spend of the usable customers (or 0 with none).
public struct GammaGammaModel: Codable, Sendable, Equatable {
    public var model = "Gamma-Gamma"
    public var parameters: GammaGammaParameters?
    public var logLikelihood: Double?
    public var convergence: Convergence?
    /// Repeat buyers with a positive, finite mean value: the customers the model was fitted on.
    public var customersUsed: Int
    /// Customers left out, by reason (no repeat purchase; non-positive or non-finite mean value).
    public var customersWithoutRepeat: Int
    public var customersWithNonPositiveValue: Int
    /// Pearson correlation between frequency and mean value among the customers used; the model assumes independence.
    public var frequencySpendCorrelation: Double?
    /// Mean of the used customers' mean values: the fallback estimate and a sanity reference.
    public var observedMeanValue: Double
    public var notes: [String]

    /// E[Z | x, z̄] = (q−1)/(px+q−1) · vp/(q−1) + px/(px+q−1) · z̄, the shrinkage of a customer's mean spend towards
    /// the population mean. Customers with no usable history get the population mean vp/(q−1).
    public func expectedAverageValue(frequency x: Double, monetary z: Double) -> Double {
        guard let g = parameters, g.q > 1 else { return x > 0 && z > 0 && z.isFinite ? z : observedMeanValue }
        guard x > 0, z > 0, z.isFinite else { return g.v * g.p / (g.q - 1) }
        return g.p * (g.v + x * z) / (g.p * x + g.q - 1)
    }
}

public enum GammaGamma {
    /// Correlation above which the independence assumption is reported as doubtful (Fader-Hardie use ≈ 0.11 on CDNOW
    /// as "essentially uncorrelated").
    static let correlationWarning = 0.3
    /// Below this many usable customers three parameters are not identified in any useful sense.
    static let minimumCustomers = 3

    static func logLikelihood(_ g: GammaGammaParameters, x: Double, z: Double) -> Double {
        let px = g.p * x
        return lgamma(px + g.q) - lgamma(px) - lgamma(g.q) + g.q * log(g.v) + (px - 1) * log(z) + px * log(x)
            - (px + g.q) * log(x * z + g.v)
    }

    /// Fits on repeat buyers only (x > 0) with a positive mean repeat value, as the model requires; everybody else is
    /// counted and named in the notes instead of failing the run.
    ///
    /// Data preparation that reproduces the published CDNOW figures (p 6.25, q 3.74, v 15.44, LL −4055.92 over 946
    /// customers), checked against `lifetimes` 0.11.3: calibration to 1997-09-30, same-day purchases merged with their
    /// values summed, `monetary` = mean over the *repeat* purchase days only (the first purchase excluded) — exactly
    /// `RepeatPurchaseSummary`'s definition; the log-likelihood includes every constant term.
    public static func fit(frequency: [Double], monetary: [Double]) -> GammaGammaModel {
        var x: [Double] = []
        var z: [Double] = []
        var withoutRepeat = 0
        var nonPositive = 0
        for i in 0..<min(frequency.count, monetary.count) {
            let f = frequency[i], m = monetary[i]
            guard f.isFinite, f > 0 else { withoutRepeat += 1; continue }
            guard m.isFinite, m > 0 else { nonPositive += 1; continue }
            x.append(f)
            z.append(m)
        }
        var notes: [String] = []
        if frequency.count != monetary.count {
            notes.append("frequency has \(frequency.count) values and monetary \(monetary.count); only the first \(min(frequency.count, monetary.count)) were paired")
        }
        if withoutRepeat > 0 { notes.append("\(withoutRepeat) customers without a repeat purchase are not used (the model needs x > 0)") }
        if nonPositive > 0 { notes.append("\(nonPositive) repeat buyers with zero, negative or missing mean value are not used") }
        let observedMean = z.isEmpty ? 0 : z.reduce(0, +) / Double(z.count)
        let correlation = pearson(x, z)
        if let rho = correlation, abs(rho) > correlationWarning {
            notes.append("frequency and spend correlate (ρ = \(rounded(rho))); the model assumes independence, so expected values are biased")
        }
        var model = GammaGammaModel(
            parameters: nil, logLikelihood: nil, convergence: nil, customersUsed: x.count,
            customersWithoutRepeat: withoutRepeat, customersWithNonPositiveValue: nonPositive,
            frequencySpendCorrelation: correlation, observedMeanValue: observedMean, notes: notes)
        guard x.count >= minimumCustomers else {
            model.notes.append("only \(x.count) usable repeat buyers; no Gamma-Gamma fit, the observed mean value is used instead")
            return model
        }
        if Set(z).count == 1 {
            model.notes.append("every usable customer has the same mean value; no spread to fit, the observed mean value is used instead")
            return model
        }

        func parameters(_ u: [Double]) -> GammaGammaParameters { GammaGammaParameters(p: exp(u[0]), q: exp(u[1]), v: exp(u[2])) }
        let objective: ([Double]) -> Double = { u in
            // Search within [1e-6, 1e6] per parameter: spend without customer heterogeneity sends p, q, v to ∞
            // together, where the simplex would crawl for tens of thousands of evaluations.
            if u.contains(where: { abs($0) > log(1e6) }) { return .infinity }
            let g = parameters(u)
            var total = 0.0
            for i in x.indices { total += logLikelihood(g, x: x[i], z: z[i]) }
            return -total
        }
        let starts: [[Double]] = [[0, 0, 0], [log(5), log(3), log(observedMean)], [log(0.5), log(1.5), log(observedMean / 10)]]
        let best = MultiStartMinimizer.minimize(objective, starts: starts)
        let fitted = parameters(best.point)
        model.parameters = fitted
        model.logLikelihood = -best.value
        model.convergence = best.convergence
        if !best.convergence.converged { model.notes.append("optimizer did not converge; treat the parameters with caution") }
        if fitted.q <= 1 {
            model.notes.append("q = \(rounded(fitted.q)) ≤ 1: the population mean spend is undefined; customers' own means are used")
        }
        return model
    }

    private static func pearson(_ a: [Double], _ b: [Double]) -> Double? {
        guard a.count >= 3 else { return nil }
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in a.indices {
            sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) * (a[i] - ma); sbb += (b[i] - mb) * (b[i] - mb)
        }
        guard saa > 0, sbb > 0 else { return nil }
        return sab / (saa * sbb).squareRoot()
    }

    private static func rounded(_ v: Double) -> String { String(format: "%.3f", v) }
}
