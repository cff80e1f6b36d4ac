import Columns

/// Synthetic customers and orders at benchmark scale (1 M customers, 5 M orders by default),
/// built straight into column buffers: ids as bytes, regions and channels dictionary-encoded,
/// dates over 2023–2025, amounts in halves. Deterministic from `seed`.
public enum BenchmarkSnapshot {
    public static let asOf = Int32(CivilDate.days(year: 2025, month: 6, day: 30))

    public static func tables(customers n: Int, ordersPerCustomer: Int = 5, seed: UInt64 = 42) -> [Table] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func below(_ k: Int) -> Int { Int(next() % UInt64(k)) }
        let start = Int32(CivilDate.days(year: 2023, month: 1, day: 1))
        let regions = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"]
        let channels = ["微信", "天猫", "京东", "线下", "抖音"]

        var ids = StringBuilder(capacity: n, forceEncoding: false)
        var region = StringBuilder(capacity: n, forceEncoding: true)
        var vip = PrimitiveBuilder<Bool>(zero: false, capacity: n)
        var first = PrimitiveBuilder<Int32>(zero: 0, capacity: n)
        var last = PrimitiveBuilder<Int32>(zero: 0, capacity: n)
        var value = PrimitiveBuilder<Double>(zero: 0, capacity: n)
        var scratch = [UInt8](repeating: 0, count: 16)
        for i in 0..<n {
            appendID(&ids, "C", i, &scratch)
            if below(50) == 0 { region.appendNull() } else { region.append(regions[below(regions.count)]) }
            vip.append(below(10) == 0)
            let f = start + Int32(below(800))
            first.append(f)
            if below(20) == 0 { last.appendNull() } else { last.append(f + Int32(below(100))) }
            value.append(Double(below(40_000)) / 2)
        }
        let customers = try! Table(name: "customers", columns: [
            ("customer_id", .string(ids.finish())), ("region", .string(region.finish())), ("vip", .bool(vip.finish())),
            ("first_order", .date(first.finish())), ("last_order", .date(last.finish())), ("lifetime_value", .double(value.finish())),
        ])

        let m = n * ordersPerCustomer
        var oid = StringBuilder(capacity: m, forceEncoding: false)
        var ocust = StringBuilder(capacity: m, forceEncoding: false)
        var date = PrimitiveBuilder<Int32>(zero: 0, capacity: m)
        var amount = PrimitiveBuilder<Double>(zero: 0, capacity: m)
        var channel = StringBuilder(capacity: m, forceEncoding: true)
        for i in 0..<m {
            appendID(&oid, "O", i, &scratch)
            appendID(&ocust, "C", below(n), &scratch)
            date.append(start + Int32(below(911)))
            if below(100) == 0 { amount.appendNull() } else { amount.append(Double(below(6000)) / 2) }
            channel.append(channels[below(channels.count)])
        }
        let orders = try! Table(name: "orders", columns: [
            ("order_id", .string(oid.finish())), ("customer_id", .string(ocust.finish())), ("order_date", .date(date.finish())),
            ("amount", .double(amount.finish())), ("channel", .string(channel.finish())),
        ])
        return [customers, orders]
    }

    /// `prefix` then `i` zero-padded to 8 digits, appended as bytes (no String per row).
    private static func appendID(_ b: inout StringBuilder, _ prefix: UInt8, _ i: Int, _ scratch: inout [UInt8]) {
        scratch[0] = prefix
        var v = i
        for k in stride(from: 8, through: 1, by: -1) {
            scratch[k] = UInt8(48 + v % 10)
            v /= 10
        }
        scratch.withUnsafeBytes { b.append(UnsafeRawBufferPointer(rebasing: $0[0..<9])) }
    }

    private static func appendID(_ b: inout StringBuilder, _ prefix: String, _ i: Int, _ scratch: inout [UInt8]) {
        appendID(&b, prefix.utf8.first!, i, &scratch)
    }
}
