import Columns
import Testing
@testable import Resolution

@Suite struct ResolverTests {
    @Test func hardDuplicatesResolveWithHighPrecisionAndRecall() throws {
        let data = SyntheticCustomers(people: 2500, seed: 42)
        let result = try Resolver.resolve(data.table)
        let score = PairwiseScore(predicted: result.goldenIndex, truth: data.entity)
        print("rows \(data.table.rowCount) candidates \(result.candidatePairCount) links \(result.linkedPairCount) "
              + "true pairs \(score.truePairs) predicted \(score.predictedPairs) correct \(score.correctPairs) "
              + "precision \(score.precision) recall \(score.recall) λ \(result.parameters.matchShare) notes \(result.notes)")
        #expect(score.precision >= 0.995)
        #expect(score.recall >= 0.98)
    }
}
