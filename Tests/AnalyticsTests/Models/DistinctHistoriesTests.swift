import Testing

@testable import Analytics

@Suite struct DistinctHistoriesTests {
    @Test func collapsesIdenticalTriplesWithCounts() {
        let d = DistinctHistories(frequency: [0, 2, 0, 2, 0, 1], recency: [0, 5, 0, 5, 0, 3], age: [10, 9, 10, 9, 8, 7])
        #expect(d.frequency == [0, 0, 1, 2])
        #expect(d.age == [8, 10, 7, 9])
        #expect(d.count == [1, 2, 1, 2])
    }

    /// The collapsed likelihood equals the per-customer sum: the fit on CDNOW is unchanged by the compression.
    @Test func weightedLikelihoodEqualsPerCustomerSum() {
        let s = CDNOWFixture.summary
        let d = DistinctHistories(frequency: s.frequency, recency: s.recency, age: s.age)
        #expect(d.count.reduce(0, +) == Double(s.count))
        #expect(d.count.count < s.count)
        let p = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        let full = BGNBD.logLikelihood(p, frequency: s.frequency, recency: s.recency, age: s.age)
        var collapsed = 0.0
        for i in d.count.indices { collapsed += d.count[i] * BGNBD.logLikelihood(p, x: d.frequency[i], tx: d.recency[i], T: d.age[i]) }
        #expect(abs(full - collapsed) < 1e-6)
        #expect(abs(full - -9582.4) < 0.5)
    }
}
