import Testing
@testable import Columns

@Suite struct SelectionVectorTests {
    @Test(arguments: [
        ([Int32](), [Int32](), [Int32](), [Int32](), [Int32]()),
        ([1, 3, 5], [], [], [1, 3, 5], [1, 3, 5]),
        ([], [2, 4], [], [2, 4], []),
        ([1, 2, 3], [2, 3, 4], [2, 3], [1, 2, 3, 4], [1]),
        ([0, 64, 65, 1000], [64, 999, 1000], [64, 1000], [0, 64, 65, 999, 1000], [0, 65]),
    ])
    func setOperations(a: [Int32], b: [Int32], both: [Int32], either: [Int32], onlyA: [Int32]) {
        let x = SelectionVector(rows: a), y = SelectionVector(rows: b)
        #expect(x.intersection(y).rows == both)
        #expect(x.union(y).rows == either)
        #expect(x.subtracting(y).rows == onlyA)
    }

    @Test(arguments: [(0, [Int32](), [Int32]()), (4, [1, 2], [0, 3]), (3, [0, 1, 2], []), (2, [], [0, 1])])
    func complement(rowCount: Int, rows: [Int32], rest: [Int32]) {
        #expect(SelectionVector(rows: rows).complement(rowCount: rowCount).rows == rest)
    }

    @Test func collectionOfInts() {
        let s = SelectionVector(all: 3)
        #expect(Array(s) == [0, 1, 2] && s.count == 3)
        #expect(SelectionVector.empty.isEmpty)
    }
}
