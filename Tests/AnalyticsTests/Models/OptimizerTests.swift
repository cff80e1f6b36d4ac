import Foundation
import Testing

@testable import Analytics

/// The optimizers on functions with known minima, including the badly scaled and partly undefined surfaces that
/// likelihoods in log-parameters present.
@Suite struct OptimizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var f: @Sendable ([Double]) -> Double
        var start: [Double]
        var minimum: [Double]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "Rosenbrock", f: { x in 100 * pow(x[1] - x[0] * x[0], 2) + pow(1 - x[0], 2) }, start: [-1.2, 1], minimum: [1, 1]),
        Case(name: "scaled quadratic 5-d", f: { x in (0..<5).reduce(0.0) { $0 + pow(10, Double($1)) * pow(x[$1] - Double($1), 2) } },
             start: [3, 3, 3, 3, 3], minimum: [0, 1, 2, 3, 4]),
        // NaN on half the plane (as log of a negative would give): treated as +∞, the optimum on the boundary side is found.
        Case(name: "undefined region", f: { x in x[0] < -0.5 ? .nan : pow(x[0] - 2, 2) + pow(x[1] + 1, 2) }, start: [0, 0], minimum: [2, -1]),
    ]

    @Test(arguments: cases) func multiStartFindsTheMinimum(_ c: Case) {
        let result = MultiStartMinimizer.minimize(c.f, starts: [c.start, c.start.map { $0 + 0.5 }])
        for (found, expected) in zip(result.point, c.minimum) { #expect(abs(found - expected) < 1e-4, "\(result.point)") }
        #expect(result.convergence.converged)
        #expect(result.convergence.restartsAgreeing == 2)
        #expect(result.convergence.gradientNorm < 1e-3)
        #expect(result.convergence.iterations > 0)
    }

    @Test func nelderMeadAloneOnRosenbrock() {
        let r = NelderMead.minimize({ x in 100 * pow(x[1] - x[0] * x[0], 2) + pow(1 - x[0], 2) }, start: [-1.2, 1])
        #expect(r.converged)
        #expect(abs(r.point[0] - 1) < 1e-4 && abs(r.point[1] - 1) < 1e-4)
    }

    @Test func iterationCapReportsNotConverged() {
        let r = NelderMead.minimize({ x in 100 * pow(x[1] - x[0] * x[0], 2) + pow(1 - x[0], 2) }, start: [-1.2, 1], maxIterations: 5)
        #expect(!r.converged)
        #expect(r.iterations == 5)
    }

    @Test func everywhereUndefinedObjectiveIsNotConverged() {
        let r = MultiStartMinimizer.minimize({ _ in .nan }, starts: [[0, 0]])
        #expect(!r.convergence.converged)
    }
}
