import Foundation
import Testing

@testable import Analytics

/// ₂F₁ values from scipy.special.hyp2f1, to 1e-12 relative.
@Suite struct Hypergeometric2F1Tests {
    struct Case: Sendable, CustomTestStringConvertible {
        var a: Double, b: Double, c: Double, z: Double, value: Double
        var testDescription: String { "2F1(\(a), \(b); \(c); \(z))" }
    }

    static let cases: [Case] = [
        Case(a: 1.5, b: 2.5, c: 3.7, z: 0.6, value: 2.37226152701132),
        Case(a: 50.2, b: 52.4, c: 53.2, z: 0.5, value: 760153423012282),
        Case(a: 0.3, b: 0.2, c: 1.1, z: 0.99, value: 1.12422993407134),
        Case(a: 2, b: 3, c: 4, z: 0, value: 1),
    ]

    @Test(arguments: cases) func matchesScipy(_ c: Case) {
        let value = exp(Hypergeometric2F1.log2F1(a: c.a, b: c.b, c: c.c, z: c.z))
        #expect(abs(value - c.value) <= 1e-12 * c.value)
    }

    @Test(arguments: [(1.0, 1.0, 1.0, 1.0), (1, 1, 1, -0.5), (-1, 1, 1, 0.5), (1, 1, 0, 0.5)])
    func outsideTheSupportedRegionIsNaNNotACrash(_ a: Double, _ b: Double, _ c: Double, _ z: Double) {
        #expect(Hypergeometric2F1.log2F1(a: a, b: b, c: c, z: z).isNaN)
    }

    /// ₂F₁(1, 1; 2; z) = −log(1 − z)/z: a closed form to check the signed series used when c ≤ 0 is not needed.
    @Test(arguments: [0.1, 0.5, 0.9]) func closedFormLog(_ z: Double) {
        let value = exp(Hypergeometric2F1.log2F1(a: 1, b: 1, c: 2, z: z))
        #expect(abs(value - (-log(1 - z) / z)) < 1e-12)
        #expect(abs(Hypergeometric2F1.signedSeries(a: 1, b: 1, c: 2, z: z) - value) < 1e-12)
    }
}
