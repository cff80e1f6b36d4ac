import Columns

/// A period label of a long-format series file, as an integer on the series' own spacing so that "the next period"
/// is +1: `YYYY-MM` → month index (year·12 + month − 1), `YYYY-MM-DD` → day number, a plain integer → itself.
public enum SeriesPeriodKind: String, Sendable, Equatable {
    case month, day, integer

    /// Season length used when the caller gives none: a year of months, a week of days, none for integers.
    public var defaultSeasonPeriod: Int {
        switch self {
        case .month: return 12
        case .day: return 7
        case .integer: return 1
        }
    }

    public func label(_ key: Int) -> String {
        switch self {
        case .month: return MonthIndex.label(Int32(key))
        case .day: return CivilDate.iso(key)
        case .integer: return String(key)
        }
    }
}

enum SeriesPeriodKey {
    /// Integers beyond this are refused: the successor arithmetic must not overflow.
    static let integerLimit = 1_000_000_000_000_000

    /// nil when `text` is none of the three forms (or names an impossible date such as 2024-02-30).
    static func parse(_ text: Substring) -> (SeriesPeriodKind, Int)? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, !range.isEmpty else { return nil }
            var v = 0
            for i in range {
                let b = bytes[i]
                guard b >= 48 && b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        if bytes.count >= 7, bytes.count <= 10, bytes[4] == UInt8(ascii: "-"), let year = digits(0..<4) {
            let rest = bytes[5...]
            let dash = rest.firstIndex(of: UInt8(ascii: "-"))
            let monthEnd = dash ?? bytes.count
            guard let month = digits(5..<monthEnd), monthEnd - 5 <= 2, (1...12).contains(month) else { return nil }
            guard let dash else { return (.month, year * 12 + month - 1) }
            guard let day = digits((dash + 1)..<bytes.count), bytes.count - dash - 1 <= 2,
                  day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
            return (.day, CivilDate.days(year: year, month: month, day: day))
        }
        let negative = bytes[0] == UInt8(ascii: "-")
        let start = negative || bytes[0] == UInt8(ascii: "+") ? 1 : 0
        guard bytes.count - start <= 16, let v = digits(start..<bytes.count), v <= integerLimit else { return nil }
        return (.integer, negative ? -v : v)
    }
}
