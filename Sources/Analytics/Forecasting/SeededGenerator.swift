import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fully specified generator, so simulated intervals are identical on
/// every platform and run. `SystemRandomNumberGenerator` would make reports differ between runs.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in the open interval (0, 1).
    mutating func nextUniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    /// Standard normal by Box–Muller (one of the pair is discarded: simplicity over speed, paths are few).
    mutating func nextGaussian() -> Double {
        (-2 * log(nextUniform())).squareRoot() * cos(2 * Double.pi * nextUniform())
    }
}
