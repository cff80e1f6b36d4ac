import Columns
@testable import Analytics

/// Small builders for test tables, straight from Columns' builders (no Ingest), and a seeded
/// generator for the larger cross-check data sets.
enum Fixture {
    /// Day number of `YYYY-MM-DD`.
    static func day(_ iso: String) -> Int32 {
        let p = iso.split(separator: "-").map { Int($0)! }
        return Int32(CivilDate.days(year: p[0], month: p[1], day: p[2]))
    }

    /// Seconds of `YYYY-MM-DD HH:MM:SS` (or a bare date, midnight) UTC.
    static func seconds(_ text: String) -> Int64 {
        let parts = text.split(separator: " ")
        var s = Int64(day(String(parts[0]))) * 86_400
        if parts.count > 1 {
            let t = parts[1].split(separator: ":").map { Int64($0)! }
            s += t[0] * 3600 + t[1] * 60 + (t.count > 2 ? t[2] : 0)
        }
        return s
    }

    static func strings(_ v: [String?]) -> Column {
        var b = StringBuilder()
        for s in v { b.append(s) }
        return .string(b.finish())
    }
    static func dates(_ v: [String?]) -> Column { .date(PrimitiveColumn(v.map { $0.map(day) }, zero: 0)) }
    static func timestamps(_ v: [String?]) -> Column { .timestamp(PrimitiveColumn(v.map { $0.map(seconds) }, zero: 0)) }
    static func doubles(_ v: [Double?]) -> Column { .double(PrimitiveColumn(v, zero: 0)) }
    static func ints(_ v: [Int64?]) -> Column { .int64(PrimitiveColumn(v, zero: 0)) }

    static func table(_ name: String, _ columns: [(String, Column)]) -> Table {
        try! Table(name: name, columns: columns)
    }

    /// An orders table of (customer_id, order_date, amount) rows.
    static func orders(_ rows: [(String?, String?, Double?)]) -> Table {
        table("orders", [("customer_id", strings(rows.map(\.0))), ("order_date", dates(rows.map(\.1))), ("amount", doubles(rows.map(\.2)))])
    }
}

/// SplitMix64: a tiny deterministic generator, so cross-check data is the same on every run.
struct SeededRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

extension Column {
    /// A cell as exact text: doubles at full round-trip precision (Swift's shortest exact form,
    /// integral ones without ".0"), so a comparison catches a one-ulp difference that the
    /// 15-digit display form (`Column.text`) would hide.
    func exactText(at row: Int) -> String? {
        if case .double(let c) = self, let v = c[row], v.isFinite, v != v.rounded() { return "\(v)" }
        return text(at: row)
    }
}

extension Table {
    /// Every cell as exact text (nil for null), for comparisons.
    func rows() -> [[String?]] {
        (0..<rowCount).map { r in columns.map { $0.exactText(at: r) } }
    }

    func texts(_ column: String) -> [String?] {
        let c = self[column]!
        return (0..<rowCount).map { c.exactText(at: $0) }
    }

    func doubleValues(_ column: String) -> [Double?] {
        let c = self[column]!.doubles!
        return (0..<rowCount).map { c[$0] }
    }

    /// True when no double cell is NaN or infinite (undefined values must be null cells).
    var hasOnlyFiniteDoubles: Bool {
        columns.allSatisfy { c in
            guard let d = c.doubles else { return true }
            return (0..<d.count).allSatisfy { d.validity.isValid($0) ? d.values[$0].isFinite : true }
        }
    }
}
