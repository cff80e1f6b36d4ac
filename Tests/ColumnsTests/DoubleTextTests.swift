import Testing
@testable import Columns

@Suite struct DoubleTextTests {
    /// The shortest-spelling fast path must print what `%.15g` prints whenever it answers: amounts
    /// with cents, model outputs in 0…1, sums with binary noise, every magnitude from 1e-6 to 1e17.
    @Test(arguments: [-6, -5, -4, -3, -1, 0, 2, 5, 9, 13, 14, 15, 16])
    func fastPathAgreesWithPrintf(decade: Int) {
        var random = SeededGenerator(seed: 0x9E37_79B9_7F4A_7C15 &* UInt64(decade + 100))
        var answered = 0
        for k in 0..<20_000 {
            let unit = Double(random.next() >> 11) / Double(1 << 53)
            var v = (1 + 9 * unit) * Self.pow10(decade)
            switch k % 4 {
            case 0: v = (v * 100).rounded() / 100          // typed amounts
            case 1: v = v + 0.1 + 0.2                      // binary noise
            case 2: v = -v
            default: break
            }
            guard let fast = DoubleText.shortestIfWithin15Digits(v) else { continue }
            answered += 1
            #expect(fast == DoubleText.printf15g(v), "\(v)")
        }
        if decade >= -4 && decade < 13 { #expect(answered > 1000, "the fast path should answer most values at 1e\(decade)") }
    }

    /// Rounding the shortest spelling's 16–17 digits to 15 must print what `%.15g` prints
    /// whenever it answers — carries through nines, negative values, values just under a power of
    /// ten — and it must answer for almost all such values between 1e-4 and 1e15.
    @Test(arguments: [-5, -4, -3, -1, 0, 1, 3, 6, 9, 12, 14, 15])
    func roundedShortestAgreesWithPrintf(decade: Int) {
        var random = SeededGenerator(seed: 0xD1B5_4A32_D192_ED03 &* UInt64(decade + 100))
        var eligible = 0, answered = 0
        for k in 0..<20_000 {
            let unit = Double(random.next() >> 11) / Double(1 << 53)
            var v = (1 + 9 * unit) * Self.pow10(decade)
            switch k % 5 {
            case 0: v = Self.pow10(decade + 1) * (1 - unit * 1e-14)   // nines that carry
            case 1: v = -v
            case 2: v = v / 3
            default: break
            }
            guard DoubleText.shortestIfWithin15Digits(v) == nil, v != v.rounded() else { continue }
            // Values %g prints with an exponent are left to printf on purpose.
            if !DoubleText.printf15g(v).contains("e") { eligible += 1 }
            guard let text = DoubleText.roundedShortest(v) else { continue }
            answered += 1
            #expect(text == DoubleText.printf15g(v), "\(v)")
        }
        if decade >= -4 && decade < 14 { #expect(answered * 10 > eligible * 9, "1e\(decade): \(answered) of \(eligible)") }
    }

    @Test(arguments: [(0.2986497743717871, "0.298649774371787"), (33.857142857142854, "33.8571428571429"),
                      (0.9999999999999999, "1"), (-2.6226129145572716, "-2.62261291455727"),
                      (0.00012345678901234567, "0.000123456789012346"), (99999999999999.98, "100000000000000")])
    func roundedShortestCases(value: Double, text: String) {
        #expect(formatDouble(value) == text)
        #expect(DoubleText.printf15g(value) == text)
    }

    static func pow10(_ e: Int) -> Double {
        var p = 1.0
        for _ in 0..<abs(e) { p *= 10 }
        return e < 0 ? 1 / p : p
    }

    @Test(arguments: [(0.0001, "0.0001"), (0.00012, "0.00012"), (0.00001, "1e-05"), (1e-300, "1e-300"),
                      (123456789012345.6, "123456789012346"), (0.1 + 0.7, "0.8"), (99999.99, "99999.99")])
    func boundaries(value: Double, text: String) {
        #expect(formatDouble(value) == text)
    }
}

