import Dispatch

/// Splits `0..<count` into `parts` contiguous ranges and runs `body` on each concurrently. Each
/// part writes only its own range, so results do not depend on scheduling.
enum ParallelRanges {
    static func run(count: Int, parts: Int, _ body: @Sendable (Int, Range<Int>) -> Void) {
        let p = max(1, min(parts, count / 1024 + 1))
        if p == 1 {
            body(0, 0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: p) { k in
            body(k, (count * k / p)..<(count * (k + 1) / p))
        }
    }
}

/// A buffer that several threads write disjoint ranges of.
struct SharedOutput<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)! }
    @inline(__always) func write(_ i: Int, _ v: T) { base[i] = v }
}

/// Per-part results collected by index, merged in part order afterwards.
final class PartResults<T>: @unchecked Sendable {
    private var items: [T?]
    private let lock = DispatchQueue(label: "PartResults")
    init(parts: Int) { items = Array(repeating: nil, count: parts) }
    func set(_ k: Int, _ v: T) { lock.sync { items[k] = v } }
    var inOrder: [T] { items.compactMap { $0 } }
}
