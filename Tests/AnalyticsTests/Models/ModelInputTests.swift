import Foundation
import Testing

@testable import Analytics

/// Hostile (frequency, recency, age) inputs are refused with the row and reason, never a crash or a silent NaN fit.
@Suite struct ModelInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var frequency: [Double], recency: [Double], age: [Double]
        var error: ModelInputError
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty", frequency: [], recency: [], age: [], error: .empty),
        Case(name: "short recency", frequency: [1, 2], recency: [1], age: [3, 3], error: .lengthMismatch(expected: 2, got: 1, argument: "recency")),
        Case(name: "short age", frequency: [1], recency: [1], age: [], error: .lengthMismatch(expected: 1, got: 0, argument: "age")),
        Case(name: "NaN", frequency: [1, .nan], recency: [1, 1], age: [2, 2], error: .invalidRow(index: 1, reason: "non-finite value (frequency nan, recency 1.0, age 2.0)")),
        Case(name: "infinite age", frequency: [0], recency: [0], age: [.infinity], error: .invalidRow(index: 0, reason: "non-finite value (frequency 0.0, recency 0.0, age inf)")),
        Case(name: "negative frequency", frequency: [-1], recency: [0], age: [1], error: .invalidRow(index: 0, reason: "negative frequency -1.0")),
        Case(name: "recency beyond age", frequency: [1], recency: [5], age: [4], error: .invalidRow(index: 0, reason: "recency 5.0 outside [0, age 4.0]")),
        Case(name: "repeat at age 0", frequency: [2], recency: [0], age: [0], error: .invalidRow(index: 0, reason: "repeat purchases with age 0")),
    ]

    @Test(arguments: cases) func bgnbdRefuses(_ c: Case) {
        #expect(throws: c.error) { try BGNBD.fit(frequency: c.frequency, recency: c.recency, age: c.age) }
    }

    @Test(arguments: cases) func paretoNBDRefuses(_ c: Case) {
        #expect(throws: c.error) { try ParetoNBD.fit(frequency: c.frequency, recency: c.recency, age: c.age) }
    }

    /// Nobody ever repeats: the likelihood pushes towards zero purchase rates; the fit must still return finite numbers.
    @Test func noRepeatBuyersStillFitsFinite() throws {
        let n = 50
        let model = try BGNBD.fit(frequency: .init(repeating: 0, count: n), recency: .init(repeating: 0, count: n), age: (0..<n).map { Double($0 % 10 + 1) })
        #expect(model.logLikelihood.isFinite)
        #expect(model.pAlive(frequency: 0, recency: 0, age: 5) == 1)
        #expect(model.expectedPurchases(t: 10, frequency: 0, recency: 0, age: 5).isFinite)
    }

    @Test func modelsRoundTripThroughJSON() throws {
        let s = CDNOWFixture.summary
        let take = 300
        let model = try BGNBD.fit(frequency: Array(s.frequency.prefix(take)), recency: Array(s.recency.prefix(take)), age: Array(s.age.prefix(take)))
        let data = try JSONEncoder().encode(model)
        #expect(try JSONDecoder().decode(BGNBDModel.self, from: data) == model)
        let text = String(decoding: data, as: UTF8.self)
        for key in ["\"parameters\"", "\"logLikelihood\"", "\"convergence\"", "\"iterations\"", "\"gradientNorm\"", "\"converged\""] {
            #expect(text.contains(key))
        }
    }
}
