import Testing

@testable import Analytics

@Suite struct RepeatPurchaseSummaryTests {
    /// Customer 7: first day 0 (two orders, merged), repeats on day 7 (two orders, values summed) and day 14, then a
    /// holdout purchase on day 30. Customer 3 only buys after the calibration end and is left out. Customer 5 buys once.
    @Test func conventions() {
        let s = RepeatPurchaseSummary.make(
            customer: [7, 7, 3, 7, 7, 5, 7, 7], day: [0, 7, 40, 0, 7, 2, 14, 30], value: [10, 5, 99, 1, 6, 8, 20, 50],
            calibrationEnd: 21, daysPerPeriod: 7)
        #expect(s.customers == [5, 7])
        #expect(s.frequency == [0, 2])
        #expect(s.recency == [0, 2])
        #expect(s.age == [19.0 / 7, 3])
        #expect(s.monetary == [0, (11 + 20) / 2])
        #expect(s.holdoutPurchases == [0, 1])
    }

    @Test func emptyInputAndMissingValues() {
        let empty = RepeatPurchaseSummary.make(customer: [], day: [], value: [], calibrationEnd: 0)
        #expect(empty.count == 0)
        let noValues = RepeatPurchaseSummary.make(customer: [1, 1], day: [0, 3], value: [], calibrationEnd: 10, daysPerPeriod: 1)
        #expect(noValues.frequency == [1] && noValues.monetary == [0])
    }
}
