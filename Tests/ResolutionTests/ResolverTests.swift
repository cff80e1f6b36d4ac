import Foundation
import Columns
import Testing
@testable import Resolution

@Suite struct ResolverTests {
    /// (people, seed, colleagues behind one switchboard number)
    static let datasets: [(Int, UInt64, Int)] = [(2500, 42, 0), (2500, 7, 300), (1500, 2026, 50)]

    @Test(arguments: datasets)
    func hardDuplicatesResolveWithHighPrecisionAndRecall(_ d: (Int, UInt64, Int)) throws {
        let data = SyntheticCustomers(people: d.0, seed: d.1, switchboardColleagues: d.2)
        let result = try Resolver.resolve(data.table)
        let score = PairwiseScore(predicted: result.goldenIndex, truth: data.entity)
        print("rows \(data.table.rowCount) candidates \(result.candidatePairCount) links \(result.linkedPairCount) "
              + "true pairs \(score.truePairs) predicted \(score.predictedPairs) correct \(score.correctPairs) "
              + "precision \(score.precision) recall \(score.recall)")
        #expect(score.truePairs > 500)
        #expect(score.precision >= 0.995)
        #expect(score.recall >= 0.98)
        #expect(result.parameters.candidatePairs == result.candidatePairCount)
    }

    @Test func parametersRoundTripThroughJSON() throws {
        let data = SyntheticCustomers(people: 300, seed: 1)
        let p = try Resolver.resolve(data.table).parameters
        let json = try JSONEncoder().encode(p)
        #expect(try JSONDecoder().decode(MatchParameters.self, from: json) == p)
        for f in p.fields {
            #expect(abs(f.m.reduce(0, +) - 1) < 1e-6 && abs(f.u.reduce(0, +) - 1) < 1e-6, "\(f.column)")
            // Exact agreement is evidence for a match, disagreement against.
            #expect(f.weights.last! > 0 && f.weights.first! < 0, "\(f.column)")
        }
    }
}
