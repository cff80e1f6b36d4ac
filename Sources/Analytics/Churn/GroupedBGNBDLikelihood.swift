import Dispatch
import Foundation

/// The BG/NBD log-likelihood (FHL 2005 eq. 6, every constant included — the same value as `BGNBD.logLikelihood`)
/// over grouped histories, arranged so one evaluation costs one exp and one log1p per group:
/// - the terms that depend only on x (lgamma's, log a − log(b+x−1)) are computed once per distinct x;
/// - log(α + d/7) is computed once per distinct day count d among all t_x and T.
/// Large inputs are summed in two fixed halves on two threads and added in a fixed order, so the value does not
/// depend on scheduling.
struct GroupedBGNBDLikelihood: @unchecked Sendable {
    private let xValues: [Double]
    private let xIndex: [Int32]
    private let dayValues: [Double]
    private let txIndex: [Int32]
    private let tIndex: [Int32]
    private let weight: [Double]
    private let daysPerPeriod: Double
    /// Groups summed on the calling thread only below this (thread hand-off costs more than it saves).
    private static let parallelThreshold = 40_000

    var groups: Int { weight.count }

    init(_ h: DistinctPurchaseHistories, daysPerPeriod: Double = 7) {
        self.daysPerPeriod = daysPerPeriod
        weight = h.count
        let xs = Array(Set(h.frequency)).sorted()
        var xPos = [Int32: Int32]()
        for (i, x) in xs.enumerated() { xPos[x] = Int32(i) }
        xValues = xs.map(Double.init)
        xIndex = h.frequency.map { xPos[$0]! }
        let days = Array(Set(h.recencyDays).union(h.ageDays)).sorted()
        var dayPos = [Int32: Int32]()
        for (i, d) in days.enumerated() { dayPos[d] = Int32(i) }
        // Coarsened histories are read at their bin's centre, so flooring does not bias t_x and T downwards.
        let centre = Double(h.binDays - 1) / 2
        dayValues = days.map { (Double($0) + centre) / daysPerPeriod }
        txIndex = h.recencyDays.map { dayPos[$0]! }
        tIndex = h.ageDays.map { dayPos[$0]! }
    }

    /// Total log-likelihood at `p`.
    func logLikelihood(_ p: BGNBDParameters) -> Double {
        let (r, alpha, a, b) = (p.r, p.alpha, p.a, p.b)
        // Per distinct x: A(x) = a1 + a2 of eq. (6), B(x) = log a − log(b + x − 1) (used when x > 0).
        var constant = [Double](repeating: 0, count: xValues.count)
        var dropout = [Double](repeating: 0, count: xValues.count)
        let shared = lgamma(a + b) - lgamma(b) - lgamma(r) + r * log(alpha)
        for (i, x) in xValues.enumerated() {
            constant[i] = shared + lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x)
            dropout[i] = x > 0 ? log(a) - log(b + x - 1) : 0
        }
        let logAge = dayValues.map { log(alpha + $0) }
        let n = weight.count
        let (constantTerms, dropoutTerms) = (constant, dropout)
        guard n >= Self.parallelThreshold else { return sum(0..<n, r, constantTerms, dropoutTerms, logAge) }
        let halves = HalfSums()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let range = half == 0 ? 0..<(n / 2) : (n / 2)..<n
            halves.set(half, sum(range, r, constantTerms, dropoutTerms, logAge))
        }
        return halves.total
    }

    private func sum(_ range: Range<Int>, _ r: Double, _ constant: [Double], _ dropout: [Double], _ logAge: [Double]) -> Double {
            var total = 0.0
            constant.withUnsafeBufferPointer { A in
                dropout.withUnsafeBufferPointer { B in
                    logAge.withUnsafeBufferPointer { L in
                        xValues.withUnsafeBufferPointer { X in
                            xIndex.withUnsafeBufferPointer { xi in
                                txIndex.withUnsafeBufferPointer { txi in
                                    tIndex.withUnsafeBufferPointer { ti in
                                        weight.withUnsafeBufferPointer { w in
                                            for g in range {
                                                let k = Int(xi[g])
                                                let x = X[k]
                                                let rx = r + x
                                                let a3 = -rx * L[Int(ti[g])]
                                                var ll = A[k]
                                                if x > 0 {
                                                    let a4 = B[k] - rx * L[Int(txi[g])]
                                                    let m = max(a3, a4)
                                                    ll += m + log1p(exp(-abs(a3 - a4)))
                                                } else {
                                                    ll += a3
                                                }
                                                total += w[g] * ll
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return total
    }
}

/// Two slots written by the two halves of a parallel sum, read after both finish.
private final class HalfSums: @unchecked Sendable {
    private var values = (0.0, 0.0)
    func set(_ half: Int, _ v: Double) { if half == 0 { values.0 = v } else { values.1 = v } }
    var total: Double { values.0 + values.1 }
}
