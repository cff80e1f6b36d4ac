import Columns
import Foundation

/// Tables used across the snapshot tests: every column type, with nulls, Chinese text, and
/// values at the edges of their types.
enum SampleTables {
    static func allTypes(rows n: Int, seed: UInt64 = 1) -> Table {
        var rng = SplitMix(seed)
        var ints = PrimitiveBuilder<Int64>(zero: 0)
        var doubles = PrimitiveBuilder<Double>(zero: 0)
        var bools = PrimitiveBuilder<Bool>(zero: false)
        var dates = PrimitiveBuilder<Int32>(zero: 0)
        var stamps = PrimitiveBuilder<Int64>(zero: 0)
        var plain = StringBuilder(forceEncoding: false)
        var dict = StringBuilder(forceEncoding: true)
        let regions = ["华东", "华南", "华北", "西南", "", "Zürich 🚀"]
        let edgeInts: [Int64] = [Int64.min, Int64.max, 0, -1]
        let edgeDoubles: [Double] = [-0.0, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1]
        for i in 0..<n {
            let null = rng.next() % 5 == 0
            if null { ints.appendNull() } else { ints.append(i < edgeInts.count ? edgeInts[i] : Int64(bitPattern: rng.next())) }
            if rng.next() % 4 == 0 {
                doubles.appendNull()
            } else {
                doubles.append(i < edgeDoubles.count ? edgeDoubles[i] : Double(Int64(bitPattern: rng.next()) % 1_000_000) / 100)
            }
            if rng.next() % 3 == 0 { bools.appendNull() } else { bools.append(rng.next() % 2 == 0) }
            if rng.next() % 6 == 0 { dates.appendNull() } else { dates.append(Int32(truncatingIfNeeded: Int64(rng.next() % 40_000) - 10_000)) }
            if rng.next() % 7 == 0 { stamps.appendNull() } else { stamps.append(Int64(rng.next() % 4_000_000_000) - 1_000_000_000) }
            if rng.next() % 5 == 0 { plain.appendNull() } else { plain.append("客户\(i)号 name-\(rng.next() % 1000)") }
            if rng.next() % 5 == 0 { dict.appendNull() } else { dict.append(regions[Int(rng.next() % UInt64(regions.count))]) }
        }
        return try! Table(
            name: "all_types",
            columns: [
                ("id", .int64(ints.finish())), ("amount", .double(doubles.finish())), ("vip", .bool(bools.finish())),
                ("order_date", .date(dates.finish())), ("created_at", .timestamp(stamps.finish())),
                ("name", .string(plain.finish())), ("region", .string(dict.finish())),
            ])
    }
}

/// A small deterministic generator (SplitMix64), so failures reproduce from the seed.
struct SplitMix {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Exact comparison of two tables: names, types, validity and values (doubles by bit pattern, so
/// -0.0 and NaN payloads count).
func tablesDiffer(_ a: Table, _ b: Table) -> String? {
    guard a.columnNames == b.columnNames else { return "columns \(a.columnNames) vs \(b.columnNames)" }
    guard a.rowCount == b.rowCount else { return "rows \(a.rowCount) vs \(b.rowCount)" }
    for (name, (x, y)) in zip(a.columnNames, zip(a.columns, b.columns)) {
        guard x.type == y.type else { return "\(name): type \(x.type) vs \(y.type)" }
        for r in 0..<a.rowCount {
            guard x.isNull(r) == y.isNull(r) else { return "\(name)[\(r)]: null \(x.isNull(r)) vs \(y.isNull(r))" }
            if x.isNull(r) { continue }
            let same: Bool
            switch (x, y) {
            case (.double(let p), .double(let q)): same = p.values[r].bitPattern == q.values[r].bitPattern
            default: same = x.text(at: r) == y.text(at: r)
            }
            guard same else { return "\(name)[\(r)]: \(x.text(at: r) ?? "nil") vs \(y.text(at: r) ?? "nil")" }
        }
    }
    return nil
}

/// A fresh directory under the system temp dir, removed by `cleanup`.
struct TemporaryDirectory {
    let path: String
    init() {
        path = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("snapshot-tests-").path + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}
