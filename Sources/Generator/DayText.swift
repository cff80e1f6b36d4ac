import Columns

/// `YYYY-MM-DD` for every day of a window, precomputed: formatting a date becomes a 10-byte copy
/// instead of calendar arithmetic per row.
public final class DayText: Sendable {
    let firstDay: Int
    let table: [UInt8]

    public init(firstDay: Int, lastDay: Int) {
        self.firstDay = firstDay
        var bytes = [UInt8]()
        bytes.reserveCapacity(max(0, lastDay - firstDay + 1) * 10)
        if lastDay >= firstDay {
            for day in firstDay...lastDay { bytes.append(contentsOf: DayText.format(day)) }
        }
        table = bytes
    }

    var dayCount: Int { table.count / 10 }

    /// The ten bytes of `day`, from the table when inside the window.
    @inline(__always)
    func withText<R>(_ day: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let i = day - firstDay
        if i >= 0 && i < dayCount {
            return table.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(i * 10)..<(i * 10 + 10)])) }
        }
        let text = DayText.format(day)
        return text.withUnsafeBufferPointer(body)
    }

    static func format(_ day: Int) -> [UInt8] {
        Array(CivilDate.iso(day).utf8)
    }
}
