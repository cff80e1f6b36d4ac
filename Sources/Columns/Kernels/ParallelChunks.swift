import Dispatch

/// Fixed-size chunks of a row range, run on all cores. The chunk boundaries depend only on the
/// row count — never on the core count — so partial results merged in chunk order are the same
/// bits whether the chunks ran in parallel or one after another (floating-point sums included).
public enum ParallelChunks {
    public static let defaultSize = 1 << 16

    /// `count` rows in chunks of `size`: the ranges, in order.
    public static func ranges(count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: max(size, 1)).map { $0..<min($0 + size, count) }
    }

    /// `body(i)` for each i in 0..<n, concurrently when `parallel`; results in index order.
    public static func map<R>(_ n: Int, parallel: Bool, _ body: (Int) -> R) -> [R] {
        if !parallel || n < 2 { return (0..<n).map(body) }
        var results = [R?](repeating: nil, count: n)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            withoutActuallyEscaping(body) { body in
                let task = UnsafeSendable(body)
                // Each iteration writes only its own slot.
                DispatchQueue.concurrentPerform(iterations: n) { i in out.value[i] = task.value(i) }
            }
        }
        return results.map { $0! }
    }
}

/// Hands a value to `concurrentPerform` iterations that touch disjoint parts of it.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
