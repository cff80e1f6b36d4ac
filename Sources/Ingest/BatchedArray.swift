/// An array appended to one element at a time in a hot loop, through a small raw batch moved into
/// the array in blocks — one uniqueness check per block instead of per element.
struct BatchedArray<Element: BitwiseCopyable> {
    static var batchSize: Int { 512 }
    private(set) var array: [Element] = []
    private let batch: UnsafeMutablePointer<Element>
    private var batched = 0

    init(capacity: Int) {
        array.reserveCapacity(capacity)
        batch = .allocate(capacity: Self.batchSize)
    }

    func release() { batch.deallocate() }

    @inline(__always)
    mutating func append(_ e: Element) {
        batch[batched] = e
        batched += 1
        if batched == Self.batchSize { flush() }
    }

    mutating func flush() {
        guard batched > 0 else { return }
        array.append(contentsOf: UnsafeBufferPointer(start: batch, count: batched))
        batched = 0
    }

    mutating func finish() -> [Element] {
        flush()
        return array
    }
}
