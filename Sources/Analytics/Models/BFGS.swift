/// Quasi-Newton minimisation (Broyden–Fletcher–Goldfarb–Shanno) with a backtracking Armijo line search and
/// central-difference gradients. Analytic gradients are not worth their error risk here: the models have 3–4 parameters
/// and the objective is a sum of cheap closed forms, so 2·k extra evaluations per step cost little.
public enum BFGS {
    public struct Result: Sendable {
        public var point: [Double]
        public var value: Double
        public var gradientNorm: Double
        public var iterations: Int
        public var evaluations: Int
        public var converged: Bool
    }

    public static func minimize(
        _ f: ([Double]) -> Double, start: [Double], maxIterations: Int = 500, gradientTolerance: Double = 1e-6
    ) -> Result {
        let n = start.count
        var evaluations = 0
        func eval(_ x: [Double]) -> Double {
            evaluations += 1
            let v = f(x)
            return v.isFinite ? v : .infinity
        }
        func gradient(_ x: [Double]) -> [Double] {
            var g = [Double](repeating: 0, count: n)
            var probe = x
            for i in 0..<n {
                let h = 1e-5 * max(1, abs(x[i]))
                probe[i] = x[i] + h
                let up = eval(probe)
                probe[i] = x[i] - h
                let down = eval(probe)
                probe[i] = x[i]
                g[i] = (up.isFinite && down.isFinite) ? (up - down) / (2 * h) : 0
            }
            return g
        }
        func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

        var x = start
        var fx = eval(x)
        var g = gradient(x)
        // Inverse-Hessian approximation, row-major.
        var h = [Double](repeating: 0, count: n * n)
        for i in 0..<n { h[i * n + i] = 1 }
        var iterations = 0
        var converged = false
        let scale = max(1, abs(fx))

        while iterations < maxIterations {
            if norm(g) <= gradientTolerance * scale { converged = true; break }
            iterations += 1
            var direction = [Double](repeating: 0, count: n)
            for i in 0..<n { for j in 0..<n { direction[i] -= h[i * n + j] * g[j] } }
            var slope = zip(direction, g).reduce(0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) {
                // Lost descent (curvature information went stale): restart from steepest descent.
                for i in 0..<n { for j in 0..<n { h[i * n + j] = i == j ? 1 : 0 } }
                direction = g.map { -$0 }
                slope = -zip(g, g).reduce(0) { $0 + $1.0 * $1.1 }
            }
            var step = 1.0
            var candidate = x
            var fc = Double.infinity
            var accepted = false
            for _ in 0..<60 {
                candidate = (0..<n).map { x[$0] + step * direction[$0] }
                fc = eval(candidate)
                if fc <= fx + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            if !accepted {
                // No decrease along a descent direction at machine precision: we are at the optimum the
                // finite-difference gradient can resolve.
                converged = norm(g) <= 1e-3 * scale
                break
            }
            let gNew = gradient(candidate)
            let s = (0..<n).map { candidate[$0] - x[$0] }
            let y = (0..<n).map { gNew[$0] - g[$0] }
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            let previous = fx
            x = candidate; fx = fc; g = gNew
            if sy > 1e-12 {
                var hy = [Double](repeating: 0, count: n)
                for i in 0..<n { for j in 0..<n { hy[i] += h[i * n + j] * y[j] } }
                let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
                let rho = 1 / sy
                for i in 0..<n {
                    for j in 0..<n {
                        h[i * n + j] += (1 + yhy * rho) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j])
                    }
                }
            }
            if abs(previous - fx) <= 1e-15 * scale && norm(g) <= 1e-3 * scale { converged = true; break }
        }
        return Result(point: x, value: fx, gradientNorm: norm(g), iterations: iterations, evaluations: evaluations, converged: converged)
    }
}
