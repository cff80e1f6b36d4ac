import Testing

@testable import Analytics

@Suite struct RepeatPurchaseSummaryTests {
    /// Customer 7: first day 0 (two orders, merged), repeats on day 7 (two orders, values summed) and day 14, then a
    /// holdout purchase on day 30. Customer 3 only buys after the calibration end and is left out. Customer 5 buys once.
    @Test func conventions() throws {
        let s = try RepeatPurchaseSummary.make(
            customer: [7, 7, 3, 7, 7, 5, 7, 7], day: [0, 7, 40, 0, 7, 2, 14, 30], value: [10, 5, 99, 1, 6, 8, 20, 50],
            calibrationEnd: 21, daysPerPeriod: 7)
        #expect(s.customers == [5, 7])
        #expect(s.frequency == [0, 2])
        #expect(s.recency == [0, 2])
        #expect(s.age == [19.0 / 7, 3])
        #expect(s.monetary == [0, (11 + 20) / 2])
        #expect(s.holdoutPurchases == [0, 1])
    }

    @Test func emptyInputAndMissingValues() throws {
        let empty = try RepeatPurchaseSummary.make(customer: [], day: [], value: [], calibrationEnd: 0)
        #expect(empty.count == 0)
        let noValues = try RepeatPurchaseSummary.make(customer: [1, 1], day: [0, 3], value: [], calibrationEnd: 10, daysPerPeriod: 1)
        #expect(noValues.frequency == [1] && noValues.monetary == [0])
    }

    static let mismatches: [([Int], [Int32], [Double], Double, ModelInputError)] = [
        ([1, 2], [0], [], 7, .lengthMismatch(expected: 2, got: 1, argument: "day")),
        ([1, 2], [0, 1], [5], 7, .lengthMismatch(expected: 2, got: 1, argument: "value")),
        ([1], [0], [], 0, .invalidRow(index: -1, reason: "daysPerPeriod 0.0 must be a positive number")),
        ([1], [0], [], -.infinity, .invalidRow(index: -1, reason: "daysPerPeriod -inf must be a positive number")),
    ]

    @Test(arguments: 0..<mismatches.count) func refusesInconsistentInput(_ i: Int) {
        let (customer, day, value, unit, error) = Self.mismatches[i]
        #expect(throws: error) {
            try RepeatPurchaseSummary.make(customer: customer, day: day, value: value, calibrationEnd: 10, daysPerPeriod: unit)
        }
    }

    /// Non-finite spend survives into `monetary` so that Gamma-Gamma can count and report it rather than hide it.
    @Test func nonFiniteSpendIsReportedDownstream() throws {
        let s = try RepeatPurchaseSummary.make(customer: [1, 1, 2, 2, 3, 3, 4, 4], day: [0, 1, 0, 2, 0, 3, 0, 4], value: [1, .nan, 1, 5, 1, 7, 1, 9], calibrationEnd: 10, daysPerPeriod: 1)
        #expect(s.monetary[0].isNaN)
        let model = GammaGamma.fit(s)
        #expect(model.customersWithNonPositiveValue == 1)
        #expect(model.customersUsed == 3)
    }
}
