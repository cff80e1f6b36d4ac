import Testing
@testable import Cleaning

/// `foldAndCollapse` returns plain ASCII cells untouched; that must be what the scalar path gives.
@Suite struct WidthFoldingFastPathTests {
    static let fragments = ["a", "B", " ", "  ", "1", "-", "\t", "\n", "Ａ", "　", "\u{A0}", "中", "x y", "\u{7F}", "~", ""]

    @Test func fastPathEqualsScalarPath() {
        var g = SeededGenerator(seed: 7)
        var taken = 0
        for _ in 0..<50_000 {
            let raw = randomCell(Self.fragments, maxParts: 6, using: &g)
            #expect(WidthFolding.foldAndCollapse(raw) == WidthFolding.foldAndCollapseScalars(raw), "\(raw.debugDescription)")
            if WidthFolding.isAlreadyFoldedASCII(raw) { taken += 1 }
        }
        #expect(taken > 2_000)
    }

    @Test(arguments: [("abc", true), ("a b", true), ("", true), (" a", false), ("a ", false), ("a  b", false), ("a\tb", false),
                      ("Ａ", false), ("中", false), ("~!", true)])
    func whichCellsAreAlreadyFolded(text: String, folded: Bool) {
        #expect(WidthFolding.isAlreadyFoldedASCII(text) == folded)
    }
}
