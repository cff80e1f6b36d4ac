import Foundation
import Testing

@testable import Analytics

/// P(alive) and E[Y(39) | x, t_x, T] at the published CDNOW parameters, against `lifetimes` 0.11.3 (scipy's hyp2f1),
/// to 1e-6 relative. Cases span a non-repeater, typical customers, a heavy buyer (x = 50, where ₂F₁'s terms grow to
/// ~1e14 before shrinking) and a long-silent one.
@Suite struct ConditionalExpectationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var x: Double, tx: Double, T: Double
        var bgAlive: Double, bgExpected: Double, paretoAlive: Double, paretoExpected: Double
        var testDescription: String { "x=\(x) t_x=\(tx) T=\(T)" }
    }

    static let cases: [Case] = [
        Case(x: 0, tx: 0, T: 38.86, bgAlive: 1, bgExpected: 0.1950980520, paretoAlive: 0.2952866046, paretoExpected: 0.1070814682),
        Case(x: 2, tx: 30.43, T: 38.86, bgAlive: 0.7265785701, bgExpected: 1.2260281748, paretoAlive: 0.8691675592, paretoExpected: 1.4551231933),
        Case(x: 1, tx: 1.71, T: 38.86, bgAlive: 0.2121009854, bgExpected: 0.2031869871, paretoAlive: 0.1680023267, paretoExpected: 0.1710929806),
        Case(x: 7, tx: 35, T: 38.86, bgAlive: 0.8437678219, bgExpected: 4.3874878545, paretoAlive: 0.9360811765, paretoExpected: 4.6363737333),
        Case(x: 50, tx: 38, T: 39, bgAlive: 0.9526300932, bgExpected: 33.0694367134, paretoAlive: 0.9791705904, paretoExpected: 32.3818765386),
        Case(x: 3, tx: 5, T: 38, bgAlive: 0.0406133815, bgExpected: 0.0991779879, paretoAlive: 0.0618029825, paretoExpected: 0.1461675977),
    ]

    /// Heavy buyers and long horizons, where ₂F₁ needs thousands of terms and the answers span 1e-48 … 1e2.
    struct Heavy: Sendable, CustomTestStringConvertible {
        var x: Double, tx: Double, T: Double, t: Double
        var bgAlive: Double, bgExpected: Double, paretoAlive: Double, paretoExpected: Double
        var testDescription: String { "x=\(x) t_x=\(tx) T=\(T) t=\(t)" }
    }

    static let heavy: [Heavy] = [
        Heavy(x: 1000, tx: 38.5, T: 39, t: 39, bgAlive: 0.0115945335, bgExpected: 7.952613697, paretoAlive: 0.06202689758, paretoExpected: 40.59914395),
        Heavy(x: 1000, tx: 38.5, T: 39, t: 390, bgAlive: 0.0115945335, bgExpected: 34.21497941, paretoAlive: 0.06202689758, paretoExpected: 216.4938174),
        Heavy(x: 20000, tx: 38.9, T: 39, t: 52, bgAlive: 2.351527348e-16, bgExpected: 4.02245503e-12, paretoAlive: 9.765883392e-14, paretoExpected: 1.625366924e-09),
        Heavy(x: 200, tx: 20, T: 39, t: 520, bgAlive: 2.217799218e-48, bgExpected: 1.509546024e-45, paretoAlive: 2.091389016e-40, paretoExpected: 1.736691521e-37),
    ]

    static func closeRelative(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-8 * abs(b) }

    @Test(arguments: heavy) func heavyBuyersMatchLifetimes(_ c: Heavy) {
        #expect(Self.closeRelative(Self.bg.pAlive(frequency: c.x, recency: c.tx, age: c.T), c.bgAlive))
        #expect(Self.closeRelative(Self.bg.expectedPurchases(t: c.t, frequency: c.x, recency: c.tx, age: c.T), c.bgExpected))
        #expect(Self.closeRelative(Self.pareto.pAlive(frequency: c.x, recency: c.tx, age: c.T), c.paretoAlive))
        #expect(Self.closeRelative(Self.pareto.expectedPurchases(t: c.t, frequency: c.x, recency: c.tx, age: c.T), c.paretoExpected))
    }

    static let bg = BGNBDModel(
        parameters: BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426), logLikelihood: 0, customers: 0,
        convergence: Convergence(iterations: 0, evaluations: 0, gradientNorm: 0, converged: true, restarts: 0, restartsAgreeing: 0))
    static let pareto = ParetoNBDModel(
        parameters: ParetoNBDParameters(r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669), logLikelihood: 0, customers: 0,
        convergence: bg.convergence)

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1e-3, abs(b)) }

    @Test(arguments: cases) func bgnbdMatchesLifetimes(_ c: Case) {
        #expect(Self.close(Self.bg.pAlive(frequency: c.x, recency: c.tx, age: c.T), c.bgAlive))
        #expect(Self.close(Self.bg.expectedPurchases(t: 39, frequency: c.x, recency: c.tx, age: c.T), c.bgExpected))
    }

    @Test(arguments: cases) func paretoNBDMatchesLifetimes(_ c: Case) {
        #expect(Self.close(Self.pareto.pAlive(frequency: c.x, recency: c.tx, age: c.T), c.paretoAlive))
        #expect(Self.close(Self.pareto.expectedPurchases(t: 39, frequency: c.x, recency: c.tx, age: c.T), c.paretoExpected))
    }

    @Test func unconditionalExpectationMatchesLifetimes() {
        #expect(Self.close(Self.bg.expectedPurchasesNewCustomer(t: 39), 1.1967231933))
    }

    @Test(arguments: [0.0, -1]) func nonPositiveHorizonMeansNoPurchases(_ t: Double) {
        #expect(Self.bg.expectedPurchases(t: t, frequency: 2, recency: 30, age: 38) == 0)
        #expect(Self.pareto.expectedPurchases(t: t, frequency: 2, recency: 30, age: 38) == 0)
    }

    /// a = 1 exactly is a removable singularity of the closed form; the value must stay finite and between its neighbours.
    @Test func bgnbdAtAEqualOneIsFinite() {
        func expected(_ a: Double) -> Double {
            var m = Self.bg
            m.parameters.a = a
            return m.expectedPurchases(t: 39, frequency: 2, recency: 30, age: 38)
        }
        let atOne = expected(1)
        #expect(atOne.isFinite)
        #expect(abs(atOne - expected(1.001)) < 0.01 && abs(atOne - expected(0.999)) < 0.01)
    }

    @Test func longerHorizonNeverExpectsFewerPurchases() {
        var previous = 0.0
        for t in stride(from: 1.0, through: 520, by: 13) {
            let value = Self.bg.expectedPurchases(t: t, frequency: 3, recency: 20, age: 38)
            #expect(value >= previous)
            previous = value
        }
    }
}
