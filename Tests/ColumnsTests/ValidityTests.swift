import Testing
@testable import Columns

@Suite struct ValidityTests {
    @Test func allValidNeedsNoWords() {
        var v = Validity()
        for _ in 0..<100 { v.append(true) }
        #expect(v.words == nil)
        #expect(v.count == 100 && v.nullCount == 0 && !v.hasNulls)
    }

    @Test(arguments: [0, 1, 63, 64, 65, 127, 128, 1000])
    func firstNullAfterValidRowsKeepsEarlierBits(validBefore: Int) {
        var v = Validity()
        for _ in 0..<validBefore { v.append(true) }
        v.append(false)
        v.append(true)
        #expect(v.count == validBefore + 2)
        #expect(v.nullCount == 1)
        for r in 0..<validBefore { #expect(v.isValid(r)) }
        #expect(!v.isValid(validBefore))
        #expect(v.isValid(validBefore + 1))
    }

    @Test func gatherKeepsNullsInNewOrder() {
        let v = Validity(bits: [true, false, true, false])
        let g = v.gather([3, 2, 1, 0, 2])
        #expect((0..<5).map(g.isValid) == [false, true, false, true, true])
    }

    @Test func setTogglesOneBit() {
        var v = Validity(allValid: 70)
        v.set(69, valid: false)
        #expect(v.nullCount == 1 && !v.isValid(69) && v.isValid(68))
        v.set(69, valid: true)
        #expect(v.nullCount == 0)
    }
}
