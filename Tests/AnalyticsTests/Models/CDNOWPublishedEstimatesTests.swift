import Testing

@testable import Analytics

/// The published CDNOW estimates every implementation of these models is checked against: FHL 2005 (BG/NBD), Fader &
/// Hardie's Pareto/NBD note, FHL 2005 "RFM and CLV" (Gamma-Gamma). Each within 0.5 %.
@Suite struct CDNOWPublishedEstimatesTests {
    static func within(_ value: Double, _ published: Double, _ tolerance: Double = 0.005) -> Bool {
        abs(value - published) <= tolerance * abs(published)
    }

    @Test func summaryMatchesThePaper() {
        let s = CDNOWFixture.summary
        #expect(CDNOWFixture.transactions.customer.count == 6_919)
        #expect(s.count == 2_357)
        #expect(s.frequency.filter { $0 > 0 }.count == 946)
        // Repeat purchase days in the calibration period, as in lifetimes' cdnow_customers_summary.csv.
        #expect(Int(s.frequency.reduce(0, +)) == 2_457)
        // Customer 1 (original id 0001): first purchase 1997-01-01, repeats on 01-18 and 08-02.
        #expect(s.customers[0] == 1)
        #expect(s.frequency[0] == 2)
        #expect(abs(s.recency[0] - 213.0 / 7) < 1e-12)
        #expect(abs(s.age[0] - 272.0 / 7) < 1e-12)
        #expect(abs(s.monetary[0] - (29.73 + 14.96) / 2) < 1e-9)
    }

    @Test func bgnbdReproducesFaderHardieLee2005() throws {
        let s = CDNOWFixture.summary
        let model = try BGNBD.fit(frequency: s.frequency, recency: s.recency, age: s.age)
        let p = model.parameters
        let table = [("r", p.r, 0.243), ("alpha", p.alpha, 4.414), ("a", p.a, 0.793), ("b", p.b, 2.426)]
        for (name, value, published) in table {
            #expect(Self.within(value, published), "\(name) = \(value)")
        }
        #expect(Self.within(model.logLikelihood, -9582.4), "LL = \(model.logLikelihood)")
        #expect(model.convergence.converged)
        #expect(model.convergence.restartsAgreeing >= 2)
    }

    @Test func paretoNBDReproducesFaderHardie() throws {
        let s = CDNOWFixture.summary
        let model = try ParetoNBD.fit(frequency: s.frequency, recency: s.recency, age: s.age)
        let p = model.parameters
        let table = [("r", p.r, 0.553), ("alpha", p.alpha, 10.578), ("s", p.s, 0.606), ("beta", p.beta, 11.669)]
        for (name, value, published) in table {
            #expect(Self.within(value, published), "\(name) = \(value)")
        }
        #expect(Self.within(model.logLikelihood, -9595.0), "LL = \(model.logLikelihood)")
        #expect(model.convergence.converged)
    }

    @Test func gammaGammaReproducesFaderHardieLee2005() throws {
        let s = CDNOWFixture.summary
        let model = GammaGamma.fit(frequency: s.frequency, monetary: s.monetary)
        let parameters = try #require(model.parameters)
        let table = [("p", parameters.p, 6.25), ("q", parameters.q, 3.74), ("v", parameters.v, 15.44)]
        for (name, value, published) in table {
            #expect(Self.within(value, published), "\(name) = \(value)")
        }
        #expect(Self.within(try #require(model.logLikelihood), -4055.92), "LL = \(String(describing: model.logLikelihood))")
        #expect(model.customersUsed == 946)
        #expect(model.customersWithoutRepeat == 1_411)
        // FHL report the frequency–spend correlation on CDNOW as small (0.11): no independence warning expected.
        #expect(abs(try #require(model.frequencySpendCorrelation)) < 0.3)
    }
}

/// FHL 2005 Figure 4 territory: over the 39-week holdout the CDNOW cohort made 1,882 repeat purchase days; the BG/NBD
/// conditional expectations summed over customers must land near it (the paper's aggregate tracking is within ~12 %).
@Suite struct CDNOWHoldoutTests {
    @Test func conditionalExpectationsTrackTheHoldout() throws {
        let s = CDNOWFixture.summary
        #expect(s.holdoutPurchases.reduce(0, +) == 1_882)
        let model = try BGNBD.fit(s)
        let predicted = model.expectedPurchases(t: 39, s).reduce(0, +)
        #expect(abs(predicted - 1_882) / 1_882 < 0.15, "predicted \(predicted)")
        let alive = model.pAlive(s)
        #expect(alive.allSatisfy { $0 > 0 && $0 <= 1 })
        // Among calibration repeat buyers (non-repeaters all have P(alive) = 1 under BG/NBD), those who bought again in
        // the holdout had a higher mean P(alive): 0.609 vs 0.455 with lifetimes at the fitted parameters.
        let repeaters = s.frequency.indices.filter { s.frequency[$0] > 0 }
        let buyers = repeaters.filter { s.holdoutPurchases[$0] > 0 }
        let others = repeaters.filter { s.holdoutPurchases[$0] == 0 }
        let meanBuyers = buyers.map { alive[$0] }.reduce(0, +) / Double(buyers.count)
        let meanOthers = others.map { alive[$0] }.reduce(0, +) / Double(others.count)
        #expect(meanBuyers > meanOthers + 0.1)
    }
}
