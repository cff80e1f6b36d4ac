import Foundation

/// Expectation–maximisation for the Fellegi–Sunter mixture (Winkler 1988; Jaro 1989) over the
/// distinct comparison patterns and their counts, assuming fields are conditionally independent.
/// Missing levels (-1) carry no information and drop out of both steps. With `fixedU` the
/// u-probabilities stay as estimated from random pairs (as in Splink) and EM fits m and λ only.
public enum ExpectationMaximization {
    public struct Result: Sendable, Equatable {
        public var m: [[Double]]
        public var u: [[Double]]
        public var matchShare: Double
        public var iterations: Int
        public var converged: Bool
    }

    /// - Parameters:
    ///   - patterns: one row of levels per distinct pattern (`fieldCount` entries each, flat).
    ///   - counts: how many pairs show each pattern.
    ///   - levelCounts: levels per field (including "disagree").
    public static func fit(patterns: [Int8], counts: [Double], levelCounts: [Int], fixedU: [[Double]]? = nil, initialU: [[Double]]? = nil,
                           fixedM: [[Double]]? = nil,
                           initialMatchShare: Double = 0.1, maxIterations: Int = 200, tolerance: Double = 1e-6) -> Result {
        let f = levelCounts.count
        let p = counts.count
        let floor = 1e-9
        var m = fixedM ?? levelCounts.map { n -> [Double] in
            // Matches mostly agree exactly: start m high on the top level, decaying below.
            var v = (0..<n).map { pow(2.0, Double($0 - n)) }
            v[n - 1] = 0.9
            let s = v.reduce(0, +)
            return v.map { $0 / s }
        }
        var u = fixedU ?? initialU ?? levelCounts.map { n -> [Double] in
            var v = (0..<n).map { pow(4.0, Double(-$0)) }
            let s = v.reduce(0, +)
            v = v.map { $0 / s }
            return v
        }
        var lambda = initialMatchShare
        var iterations = 0
        var converged = false
        var posterior = [Double](repeating: 0, count: p)
        while iterations < maxIterations {
            iterations += 1
            // E: posterior match probability per pattern.
            for k in 0..<p {
                var lm = log(lambda), lu = log(1 - lambda)
                for j in 0..<f {
                    let l = Int(patterns[k * f + j])
                    if l < 0 { continue }
                    lm += log(max(m[j][l], floor))
                    lu += log(max(u[j][l], floor))
                }
                posterior[k] = 1 / (1 + exp(lu - lm))
            }
            // M: re-estimate λ, m and (unless fixed) u.
            var newM = levelCounts.map { [Double](repeating: 0, count: $0) }
            var newU = levelCounts.map { [Double](repeating: 0, count: $0) }
            var matchMass = 0.0, total = 0.0
            for k in 0..<p {
                let wm = posterior[k] * counts[k], wu = (1 - posterior[k]) * counts[k]
                matchMass += wm
                total += counts[k]
                for j in 0..<f {
                    let l = Int(patterns[k * f + j])
                    if l < 0 { continue }
                    newM[j][l] += wm
                    newU[j][l] += wu
                }
            }
            var change = 0.0
            for j in 0..<f {
                let sm = newM[j].reduce(0, +), su = newU[j].reduce(0, +)
                for l in 0..<levelCounts[j] {
                    if fixedM == nil {
                        let vm = sm > 0 ? max(newM[j][l] / sm, floor) : m[j][l]
                        change = max(change, abs(vm - m[j][l]))
                        m[j][l] = vm
                    }
                    if fixedU == nil {
                        let vu = su > 0 ? max(newU[j][l] / su, floor) : u[j][l]
                        change = max(change, abs(vu - u[j][l]))
                        u[j][l] = vu
                    }
                }
            }
            let newLambda = min(max(total > 0 ? matchMass / total : lambda, 1e-9), 1 - 1e-9)
            change = max(change, abs(newLambda - lambda))
            lambda = newLambda
            if change < tolerance {
                converged = true
                break
            }
        }
        return Result(m: m, u: u, matchShare: lambda, iterations: iterations, converged: converged)
    }
}
