import Testing

@testable import Analytics

/// The Gamma-Gamma model's known pitfalls are reported as notes and a documented fallback, never a crash.
@Suite struct GammaGammaPitfallTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var frequency: [Double], monetary: [Double]
        var fitted: Bool
        var noteContains: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty", frequency: [], monetary: [], fitted: false, noteContains: "only 0 usable"),
        Case(name: "no repeat buyers", frequency: [0, 0, 0], monetary: [0, 0, 0], fitted: false, noteContains: "3 customers without a repeat purchase"),
        Case(name: "zero and negative values", frequency: [1, 2, 3, 4], monetary: [0, -5, 10, 12], fitted: false, noteContains: "2 repeat buyers with zero, negative or missing"),
        Case(name: "NaN value", frequency: [1, 2, 3, 4], monetary: [.nan, 5, 10, 12], fitted: true, noteContains: "1 repeat buyers with zero, negative or missing"),
        Case(name: "identical values", frequency: [1, 2, 3, 4], monetary: [10, 10, 10, 10], fitted: false, noteContains: "same mean value"),
        Case(name: "length mismatch", frequency: [1, 2, 3, 4, 5], monetary: [10, 11, 12, 9], fitted: true, noteContains: "only the first 4 were paired"),
        Case(name: "spend rises with frequency", frequency: [1, 2, 3, 4, 5, 6, 7, 8], monetary: [10, 12, 15, 19, 24, 30, 37, 45], fitted: true, noteContains: "frequency and spend correlate"),
    ]

    @Test(arguments: cases) func reportsInsteadOfCrashing(_ c: Case) {
        let model = GammaGamma.fit(frequency: c.frequency, monetary: c.monetary)
        #expect((model.parameters != nil) == c.fitted)
        #expect(model.notes.contains { $0.contains(c.noteContains) }, "notes: \(model.notes)")
        let value = model.expectedAverageValue(frequency: 2, monetary: 20)
        #expect(value.isFinite && value >= 0)
        let newcomer = model.expectedAverageValue(frequency: 0, monetary: 0)
        #expect(newcomer.isFinite && newcomer >= 0)
    }

    /// At the published parameters E[Z | x = 2, z̄ = 22.345] = 24.6596128609 (lifetimes 0.11.3).
    @Test func shrinkageMatchesLifetimes() {
        let model = GammaGammaModel(
            parameters: GammaGammaParameters(p: 6.25, q: 3.74, v: 15.44), logLikelihood: nil, convergence: nil,
            customersUsed: 0, customersWithoutRepeat: 0, customersWithNonPositiveValue: 0, frequencySpendCorrelation: nil,
            observedMeanValue: 0, notes: [])
        #expect(abs(model.expectedAverageValue(frequency: 2, monetary: 22.345) - 24.6596128609) < 1e-8)
        // A newcomer gets the population mean vp/(q−1).
        #expect(abs(model.expectedAverageValue(frequency: 0, monetary: 0) - 15.44 * 6.25 / 2.74) < 1e-9)
    }
}
