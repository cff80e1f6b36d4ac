/// Nelder–Mead from several deterministic starting points, each polished by BFGS; the best end point wins.
/// Restarts guard against the flat ridges these mixture likelihoods have (e.g. BG/NBD's a and b trade off).
public enum MultiStartMinimizer {
    public struct Result: Sendable {
        public var point: [Double]
        public var value: Double
        public var convergence: Convergence
    }

    /// - Parameters:
    ///   - starts: starting points in the optimizer's coordinates; non-empty, all of one length.
    ///   - simplexIterations, simplexTolerance: Nelder–Mead's budget; BFGS finishes the job, so a looser simplex
    ///     saves time on many-parameter objectives (ETS with 11 seasonal states) without moving the optimum.
    public static func minimize(
        _ f: ([Double]) -> Double, starts: [[Double]], simplexIterations: Int = 5_000, simplexTolerance: Double = 1e-11
    ) -> Result {
        precondition(!starts.isEmpty, "at least one starting point")
        var best: (point: [Double], value: Double, gradientNorm: Double, converged: Bool)?
        var values: [Double] = []
        var iterations = 0
        var evaluations = 0
        for start in starts {
            let simplex = NelderMead.minimize(f, start: start, maxIterations: simplexIterations, fTolerance: simplexTolerance)
            let polished = BFGS.minimize(f, start: simplex.point)
            iterations += simplex.iterations + polished.iterations
            evaluations += simplex.evaluations + polished.evaluations
            let (point, value) = polished.value <= simplex.value ? (polished.point, polished.value) : (simplex.point, simplex.value)
            values.append(value)
            // The gradient norm reported is BFGS's at its end point (BFGS only stops short of the simplex's value when
            // the simplex already sat at the optimum, where the two points coincide to the tolerances).
            if best == nil || value < best!.value {
                best = (point, value, polished.gradientNorm, polished.converged || simplex.converged)
            }
        }
        let winner = best!
        let agreeing = values.filter { abs($0 - winner.value) <= 1e-6 * max(1, abs(winner.value)) }.count
        return Result(
            point: winner.point, value: winner.value,
            convergence: Convergence(
                iterations: iterations, evaluations: evaluations, gradientNorm: winner.gradientNorm,
                converged: winner.converged && winner.value.isFinite, restarts: starts.count, restartsAgreeing: agreeing))
    }
}
