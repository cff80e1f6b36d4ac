/// SplitMix64: a tiny deterministic generator, so property tests draw the same inputs every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random text built from fragments that exercise a normaliser: digits, separators, full-width
/// forms, Chinese, markers. Most draws are messy but plausible cells.
func randomCell(_ fragments: [String], maxParts: Int, using g: inout SeededGenerator) -> String {
    let n = Int.random(in: 0...maxParts, using: &g)
    var s = ""
    for _ in 0..<n { s += fragments.randomElement(using: &g)! }
    return s
}
