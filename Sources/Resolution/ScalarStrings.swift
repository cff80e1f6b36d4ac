/// Many short strings as Unicode scalars in one buffer (row i is `scalars[offsets[i]..<offsets[i+1]]`),
/// so string metrics read contiguous memory and count a Chinese character as one symbol.
struct ScalarStrings: Sendable {
    var scalars: [UInt32] = []
    var offsets: [Int32] = [0]

    var count: Int { offsets.count - 1 }

    mutating func append(_ s: String) {
        for c in s.unicodeScalars { scalars.append(c.value) }
        offsets.append(Int32(scalars.count))
    }

    mutating func append(contentsOf other: ScalarStrings) {
        let base = Int32(scalars.count)
        scalars.append(contentsOf: other.scalars)
        for o in other.offsets.dropFirst() { offsets.append(o + base) }
    }

    @inline(__always)
    func withScalars<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        let lo = Int(offsets[i]), hi = Int(offsets[i + 1])
        return scalars.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
    }

    @inline(__always)
    func length(_ i: Int) -> Int { Int(offsets[i + 1] - offsets[i]) }

    func string(_ i: Int) -> String {
        var out = String.UnicodeScalarView()
        withScalars(i) { for v in $0 { out.append(Unicode.Scalar(v)!) } }
        return String(out)
    }
}
