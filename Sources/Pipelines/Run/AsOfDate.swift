import Columns

/// `as_of: auto` — the latest event day in the data, so a nightly run on last night's exports
/// reports up to last night without anyone editing the file.
enum AsOfDate {
    /// Event columns, in the tables where they occur, that can define "the latest event".
    static let eventColumns: [(CanonicalTable, String)] = [
        (.orders, "order_date"), (.interactions, "occurred_at"), (.tickets, "created_at"),
        (.opportunities, "created_at"), (.opportunities, "closed_at"), (.stageHistory, "entered_at"),
        (.customers, "created_at"),
    ]

    static func latestEventDay(in tables: [CanonicalTable: Table]) -> Int32? {
        var latest: Int32?
        for (table, name) in eventColumns {
            guard let column = tables[table]?[name] else { continue }
            if let day = maxDay(column) { latest = max(latest ?? day, day) }
        }
        return latest
    }

    static func maxDay(_ column: Column) -> Int32? {
        switch column {
        case .date(let c):
            var best: Int32?
            for r in 0..<c.count where c.validity.isValid(r) { best = max(best ?? c.values[r], c.values[r]) }
            return best
        case .timestamp(let c):
            var best: Int64?
            for r in 0..<c.count where c.validity.isValid(r) { best = max(best ?? c.values[r], c.values[r]) }
            return best.map { Int32(clamping: $0 >= 0 ? $0 / 86_400 : ($0 - 86_399) / 86_400) }
        default:
            return nil
        }
    }
}
