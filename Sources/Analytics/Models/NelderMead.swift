/// Derivative-free simplex search (Nelder & Mead 1965, with the standard reflection/expansion/contraction/shrink
/// coefficients). Used first because likelihood surfaces in log-parameters can be badly scaled far from the optimum,
/// where a quasi-Newton step is unreliable; BFGS then polishes from the simplex's best vertex.
public enum NelderMead {
    public struct Result: Sendable {
        public var point: [Double]
        public var value: Double
        public var iterations: Int
        public var evaluations: Int
        /// True when the simplex collapsed below the tolerances before the iteration cap.
        public var converged: Bool
    }

    /// Minimises `f` from `start`. Non-finite objective values are treated as +∞ so the simplex walks away from them.
    public static func minimize(
        _ f: ([Double]) -> Double, start: [Double], step: Double = 0.5,
        maxIterations: Int = 5_000, xTolerance: Double = 1e-9, fTolerance: Double = 1e-11
    ) -> Result {
        let n = start.count
        var evaluations = 0
        func eval(_ x: [Double]) -> Double {
            evaluations += 1
            let v = f(x)
            return v.isFinite ? v : .infinity
        }
        guard n > 0 else { return Result(point: start, value: eval(start), iterations: 0, evaluations: evaluations, converged: true) }

        var simplex = [start]
        for i in 0..<n {
            var p = start
            p[i] += step
            simplex.append(p)
        }
        var values = simplex.map(eval)
        var iterations = 0
        var converged = false

        while iterations < maxIterations {
            // Order vertices best → worst; ties by index keep the search deterministic.
            let order = (0...n).sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }

            let spread = abs(values[n] - values[0])
            var size = 0.0
            for v in 1...n { for i in 0..<n { size = max(size, abs(simplex[v][i] - simplex[0][i])) } }
            if values[0].isFinite && spread <= fTolerance * (abs(values[0]) + 1e-12) && size <= xTolerance * (1 + maxAbs(simplex[0])) {
                converged = true
                break
            }
            iterations += 1

            var centroid = [Double](repeating: 0, count: n)
            for v in 0..<n { for i in 0..<n { centroid[i] += simplex[v][i] / Double(n) } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }

            let reflected = along(-1)
            let fr = eval(reflected)
            if fr < values[0] {
                let expanded = along(-2)
                let fe = eval(expanded)
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected; values[n] = fr
            } else {
                let outside = fr < values[n]
                let contracted = along(outside ? -0.5 : 0.5)
                let fc = eval(contracted)
                if fc < (outside ? fr : values[n]) {
                    simplex[n] = contracted; values[n] = fc
                } else {
                    for v in 1...n {
                        simplex[v] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[v][$0] - simplex[0][$0]) }
                        values[v] = eval(simplex[v])
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }!
        return Result(point: simplex[best], value: values[best], iterations: iterations, evaluations: evaluations, converged: converged)
    }

    private static func maxAbs(_ x: [Double]) -> Double { x.reduce(0) { max($0, abs($1)) } }
}
